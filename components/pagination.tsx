import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** `?page=` links that keep every other parameter of the list (search, filters). */
export function pageHref(pathname: string, params: Record<string, string>, page: number): string {
  const search = new URLSearchParams(params);
  search.delete("page");
  if (page > 1) search.set("page", String(page));
  const qs = search.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

const linkClass =
  "rounded-md border border-zinc-300 px-3 py-1.5 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800";
const disabledClass = "rounded-md border border-zinc-200 px-3 py-1.5 text-zinc-400 dark:border-zinc-800 dark:text-zinc-600";

export async function Pagination({
  pathname,
  params,
  page,
  pageCount,
}: {
  pathname: string;
  params: Record<string, string>;
  page: number;
  pageCount: number;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("common.pagination");
  return (
    <nav aria-label={t("label")} className="mt-4 flex items-center justify-between gap-2 text-sm">
      {page > 1 ? (
        <Link href={pageHref(pathname, params, page - 1)} rel="prev" className={linkClass}>
          {t("previous")}
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          {t("previous")}
        </span>
      )}
      <span className="text-zinc-600 dark:text-zinc-400" aria-current="page">
        {t("pageOf", { page, pageCount })}
      </span>
      {page < pageCount ? (
        <Link href={pageHref(pathname, params, page + 1)} rel="next" className={linkClass}>
          {t("next")}
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          {t("next")}
        </span>
      )}
    </nav>
  );
}
