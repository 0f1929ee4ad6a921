import Link from "next/link";
import { useTranslations } from "next-intl";

/** The 404 message: the same for a missing record and for one outside the caller's scope (C01). */
export function NotFoundPanel() {
  const t = useTranslations("common.notFound");
  return (
    <div className="mx-auto max-w-xl py-10 text-center">
      <p className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">{t("description")}</p>
      <Link
        href="/"
        className="mt-6 inline-block rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
      >
        {t("home")}
      </Link>
    </div>
  );
}
