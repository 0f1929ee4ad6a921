"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { Menu } from "@/components/menu";

/** The section of the current page (`/o/<id>/<section>/…` → `<section>`), kept when switching organisation. */
export function sectionOf(pathname: string): string | null {
  const match = /^\/o\/[^/]+\/([^/?#]+)/.exec(pathname);
  return match?.[1] ?? null;
}

/**
 * Switches to the same section in another of the user's organisations in one click. Entry ids are not
 * carried over (an entry belongs to one organisation): /o/A/activities/x → /o/B/activities.
 */
export function OrgSwitcher({ orgs, currentOrgId }: { orgs: { id: string; name: string }[]; currentOrgId: string }) {
  const t = useTranslations("shell.orgSwitcher");
  const pathname = usePathname();
  const current = orgs.find((o) => o.id === currentOrgId);
  if (!current) return null;
  if (orgs.length < 2) {
    return <span className="max-w-[16rem] truncate px-2 py-1 text-sm font-semibold">{current.name}</span>;
  }
  const section = sectionOf(pathname);
  return (
    <Menu summary={<span className="max-w-[14rem] truncate font-semibold">{current.name}</span>} summaryLabel={t("label", { name: current.name })}>
      <p className="px-2 py-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">{t("heading")}</p>
      <ul>
        {orgs.map((o) => (
          <li key={o.id}>
            <Link
              href={`/o/${o.id}${section ? `/${section}` : ""}`}
              aria-current={o.id === currentOrgId ? "true" : undefined}
              className="block rounded px-2 py-1.5 text-sm hover:bg-zinc-100 aria-[current]:font-semibold dark:hover:bg-zinc-800"
            >
              {o.name}
            </Link>
          </li>
        ))}
      </ul>
      <div className="mt-1 border-t border-zinc-200 pt-1 dark:border-zinc-700">
        <Link href="/" className="block rounded px-2 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
          {t("all")}
        </Link>
      </div>
    </Menu>
  );
}
