import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/lib/i18n/actions";
import { LOCALES } from "@/lib/i18n/messages/index";

/** DE/EN buttons posting to the setLocale action; works without JavaScript. */
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("shell.language");
  return (
    <form action={setLocale} className="flex items-center gap-1">
      <span id="language-switch-label" className="sr-only">
        {t("label")}
      </span>
      <div role="group" aria-labelledby="language-switch-label" className="flex overflow-hidden rounded-md border border-zinc-300 dark:border-zinc-700">
        {LOCALES.map((l) => (
          <button
            key={l}
            type="submit"
            name="locale"
            value={l}
            lang={l}
            title={t(`name.${l}`)}
            aria-pressed={l === locale}
            className="px-2 py-1 text-xs font-semibold aria-pressed:bg-zinc-900 aria-pressed:text-white hover:bg-zinc-100 aria-pressed:hover:bg-zinc-900 dark:aria-pressed:bg-zinc-100 dark:aria-pressed:text-zinc-900 dark:hover:bg-zinc-800"
          >
            {l.toUpperCase()}
          </button>
        ))}
      </div>
    </form>
  );
}
