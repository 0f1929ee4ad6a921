import Form from "next/form";
import Link from "next/link";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTableSkeleton } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { SearchInput } from "@/components/search-input";
import { primaryButtonClass } from "@/components/form/styles";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import {
  isVendorListFiltered,
  parseVendorFilters,
  serializeVendorFilters,
  VENDOR_FACET_KEYS,
  VENDOR_QUERY_MAX_LENGTH,
  VENDOR_SORT_DIRECTIONS,
  VENDOR_SORT_KEYS,
} from "@/lib/domain/vendor-filters";
import { listCountries } from "@/lib/vendors/queries";
import { VendorResults, VENDOR_TABLE_COLUMN_COUNT } from "./vendor-results";

export async function generateMetadata() {
  const t = await getTranslations("vendor.list");
  return { title: t("title") };
}

const selectClass = "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/**
 * The vendor list, with the same treatment as the register list: all state is in the URL (search, facets,
 * archived, sort, page; lib/domain/vendor-filters.ts), so it is shareable and the back button works. The search
 * form is a GET form (next/form: client-side navigation, works without JavaScript) that carries the active
 * facets as hidden fields; the country can also be chosen from every country there; facets with their counts
 * are links in the sidebar.
 */
export default async function VendorsPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const filters = parseVendorFilters(await searchParams);
  const countries = await listCountries();
  const locale = (await getLocale()) === "en" ? "en" : "de";
  const t = await getTranslations("vendor.list");
  const pathname = `/o/${orgId}/vendors`;
  const isFiltered = isVendorListFiltered(filters);
  const canWrite = userCan(user, "vendor:write", orgId);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canWrite ? (
            <Link href={`${pathname}/new`} className={primaryButtonClass}>
              {t("new")}
            </Link>
          ) : undefined
        }
      />
      <Form action={pathname} role="search" aria-label={t("filters.label")} className="mb-4 flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-3 sm:flex-row sm:flex-wrap sm:items-end dark:border-zinc-800 dark:bg-zinc-900">
        <SearchInput label={t("filters.search")} placeholder={t("filters.searchPlaceholder")} defaultValue={filters.q} maxLength={VENDOR_QUERY_MAX_LENGTH} />
        {VENDOR_FACET_KEYS.map((key) => {
          const value = filters[key];
          return value === null || key === "country" ? null : <input key={key} type="hidden" name={key} value={value} />;
        })}
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-country" className="text-sm font-medium">
            {t("filters.country")}
          </label>
          <select id="filter-country" name="country" defaultValue={filters.country ?? ""} className={selectClass}>
            <option value="">{t("filters.all")}</option>
            {countries
              .map((c) => ({ code: c.code, label: c.label[locale] }))
              .sort((a, b) => a.label.localeCompare(b.label, locale))
              .map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="sort-key" className="text-sm font-medium">
            {t("sort.key")}
          </label>
          <select id="sort-key" name="sort" defaultValue={filters.sort} className={selectClass}>
            {VENDOR_SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {t(`sort.keys.${key}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="sort-dir" className="text-sm font-medium">
            {t("sort.dir")}
          </label>
          <select id="sort-dir" name="dir" defaultValue={filters.dir} className={selectClass}>
            {VENDOR_SORT_DIRECTIONS.map((dir) => (
              <option key={dir} value={dir}>
                {t(`sort.${dir}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-2 sm:pb-1.5">
          <input id="filter-archived" type="checkbox" name="archived" value="1" defaultChecked={filters.archived} className="size-4 rounded border-zinc-300 dark:border-zinc-700" />
          <label htmlFor="filter-archived" className="text-sm">
            {t("filters.showArchived")}
          </label>
        </div>
        <div className="flex items-center gap-3">
          <button
            type="submit"
            className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
          >
            {t("filters.apply")}
          </button>
          {isFiltered ? (
            <Link href={pathname} className="text-sm text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
              {t("filters.reset")}
            </Link>
          ) : null}
        </div>
      </Form>

      <Suspense key={new URLSearchParams(serializeVendorFilters(filters)).toString()} fallback={<DataTableSkeleton columns={VENDOR_TABLE_COLUMN_COUNT} label={t("loading")} />}>
        <VendorResults user={user} orgId={orgId} filters={filters} pathname={pathname} />
      </Suspense>
    </>
  );
}
