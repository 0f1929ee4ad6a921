import { getTranslations } from "next-intl/server";
import { Menu } from "@/components/menu";
import type { MemberRole } from "@/prisma/generated/sqlite/enums";

/** Who is signed in (e-mail, role in this organisation) and the sign-out link. */
export async function UserMenu({
  email,
  name,
  role,
  compact = false,
}: {
  email: string;
  name: string | null;
  role?: MemberRole | "VENDOR";
  /** In the crowded register bar: the e-mail address only on very wide screens (always in the menu). */
  compact?: boolean;
}) {
  const t = await getTranslations("shell.userMenu");
  const tRole = await getTranslations("enums.MemberRole");
  const roleLabel = role === undefined ? null : role === "VENDOR" ? t("vendorRole") : tRole(role);
  return (
    <Menu
      align="end"
      summaryLabel={t("label", { email })}
      summary={
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className="flex size-6 items-center justify-center rounded-full bg-zinc-200 text-xs font-semibold uppercase dark:bg-zinc-700">
            {(name ?? email).charAt(0)}
          </span>
          <span className={`hidden max-w-[14rem] truncate ${compact ? "2xl:inline" : "sm:inline"}`}>{email}</span>
        </span>
      }
    >
      <div className="px-2 py-1.5 text-sm">
        {name ? <p className="font-medium">{name}</p> : null}
        <p className="break-all text-zinc-600 dark:text-zinc-400">{email}</p>
        {roleLabel ? (
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">
            {t("role")}: <span className="font-medium text-zinc-900 dark:text-zinc-100">{roleLabel}</span>
          </p>
        ) : null}
      </div>
      <div className="mt-1 border-t border-zinc-200 pt-1 dark:border-zinc-700">
        <a href="/logout" className="block rounded px-2 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
          {t("signOut")}
        </a>
      </div>
    </Menu>
  );
}
