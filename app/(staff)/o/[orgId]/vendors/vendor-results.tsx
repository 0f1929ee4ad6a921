import Link from "next/link";
import { SortHeader } from "@/components/sort-header";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataTable, type DataTableColumn } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { ActiveFilterChips, FacetSidebar, type FacetGroup } from "@/components/facet-sidebar";
import { Highlighted } from "@/components/highlighted";
import { Pagination } from "@/components/pagination";
import { Tag } from "@/components/status-badge";
import type { CurrentUser } from "@/lib/current-user";
import { excerpt, hasMatch, highlight } from "@/lib/domain/highlight";
import {
  isVendorListFiltered,
  NONE,
  serializeVendorFilters,
  VENDOR_FACET_KEYS,
  vendorFiltersHref,
  type VendorFacetKey,
  type VendorFilters,
  type VendorSortKey,
} from "@/lib/domain/vendor-filters";
import { getVendorRiskBadges } from "@/lib/overview/queries";
import { listVendorPage } from "@/lib/vendors/queries";
import type { VendorFacetValue, VendorSearchRow } from "@/lib/vendors/search";
import type { DpaStatus, DpfStatus, VendorKind } from "@/prisma/generated/sqlite/enums";
import { VendorRisk } from "./vendor-risk";

export const VENDOR_TABLE_COLUMN_COUNT = 8;

/**
 * The vendor list's results (streamed inside the page's Suspense boundary): facet sidebar with counts, active
 * filter chips, one page of the table with the matched words highlighted, pagination.
 */
export async function VendorResults({ user, orgId, filters, pathname }: { user: CurrentUser; orgId: string; filters: VendorFilters; pathname: string }) {
  const locale = (await getLocale()) === "en" ? "en" : "de";
  const list = await listVendorPage(user, orgId, filters, locale);
  // Only this page's vendors (their transfers and sub-processor chains) are evaluated.
  const risk = await getVendorRiskBadges(user, orgId, list.rows.map((r) => r.id));
  const t = await getTranslations("vendor.list");
  const te = await getTranslations("enums");
  const tRisk = await getTranslations("overview.lists");
  const format = await getFormatter();
  const isFiltered = isVendorListFiltered(filters);

  const valueText = (key: VendorFacetKey, v: VendorFacetValue): string => {
    switch (key) {
      case "country":
        return v.label ? v.label[locale] : v.value;
      case "kind":
        return te(`VendorKind.${v.value as VendorKind}`);
      case "dpa":
        return v.value === NONE ? t("facets.values.dpaNone") : te(`DpaStatus.${v.value as DpaStatus}`);
      case "dpf":
        return v.value === NONE ? t("facets.values.dpfNone") : te(`DpfStatus.${v.value as DpfStatus}`);
      case "certification":
        return v.value === NONE ? t("facets.values.certificationNone") : v.value;
      case "used":
        return v.value === "yes" ? t("facets.values.usedYes") : t("facets.values.usedNo");
    }
  };

  const groups: FacetGroup[] = VENDOR_FACET_KEYS.map((key) => ({
    key,
    legend: t(`facets.${key}`),
    values: list.facets[key].map((v) => {
      const selected = filters[key] === v.value;
      return { value: v.value, text: valueText(key, v), count: v.count, selected, href: vendorFiltersHref(pathname, filters, { [key]: selected ? null : v.value }) };
    }),
  }));
  const chips = VENDOR_FACET_KEYS.flatMap((key) => {
    const value = filters[key];
    if (value === null) return [];
    const v = list.facets[key].find((x) => x.value === value) ?? { value, count: 0, label: null };
    const text = `${t(`facets.${key}`)}: ${valueText(key, v)}`;
    return [{ key, text, removeHref: vendorFiltersHref(pathname, filters, { [key]: null }), removeLabel: t("facets.remove", { facet: text }) }];
  });

  const sortHeader = (key: VendorSortKey, text: string) => {
    const isSorted = filters.sort === key;
    return (
      <SortHeader
        text={text}
        href={vendorFiltersHref(pathname, filters, { sort: key, dir: isSorted && filters.dir === "asc" ? "desc" : "asc" })}
        sorted={isSorted ? filters.dir : null}
        sortBy={t("sort.sortBy", { column: text })}
        sortedAsc={t("sort.sortedAsc")}
        sortedDesc={t("sort.sortedDesc")}
      />
    );
  };

  const columns: DataTableColumn<VendorSearchRow>[] = [
    {
      id: "name",
      header: sortHeader("name", t("columns.name")),
      isRowHeader: true,
      className: "min-w-56",
      cell: (r) => {
        const snippet = filters.q && r.services ? excerpt(r.services, filters.q) : null;
        return (
          <>
            <Link href={`${pathname}/${r.id}`} className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
              <Highlighted segments={highlight(r.name, filters.q)} />
            </Link>
            {r.isArchived ? (
              <span className="ml-2">
                <Tag>{t("archived")}</Tag>
              </span>
            ) : null}
            {snippet && hasMatch(snippet) ? (
              <p className="mt-0.5 text-xs font-normal text-zinc-600 dark:text-zinc-400">
                <span className="sr-only">{t("snippetLabel")}: </span>
                <Highlighted segments={snippet} />
              </p>
            ) : null}
          </>
        );
      },
    },
    { id: "kind", header: t("columns.kind"), cell: (r) => te(`VendorKind.${r.kind}`) },
    {
      id: "country",
      header: sortHeader("country", t("columns.country")),
      cell: (r) => (
        <>
          {r.country ? r.country[locale] : "—"}
          {r.city ? (
            <>
              , <Highlighted segments={highlight(r.city, filters.q)} />
            </>
          ) : null}
        </>
      ),
    },
    { id: "dpa", header: t("columns.dpa"), className: "whitespace-nowrap", cell: (r) => (r.dpaStatus ? te(`DpaStatus.${r.dpaStatus}`) : "—") },
    { id: "dpf", header: t("columns.dpf"), className: "whitespace-nowrap", cell: (r) => (r.dpfStatus ? te(`DpfStatus.${r.dpfStatus}`) : "—") },
    {
      id: "certifications",
      header: t("columns.certifications"),
      align: "end",
      cell: (r) => <span title={r.certifications.join(", ") || undefined}>{format.number(r.certifications.length)}</span>,
    },
    { id: "activities", header: sortHeader("activities", t("columns.activities")), align: "end", cell: (r) => format.number(r.activityCount) },
    { id: "risk", header: tRisk("riskColumn"), className: "whitespace-nowrap", cell: (r) => <VendorRisk risk={risk[r.id]} label={r.name} href={`/o/${orgId}/vendors/${r.id}`} /> },
  ];

  const first = (list.page - 1) * list.pageSize + 1;
  const last = first + list.rows.length - 1;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <aside className="lg:sticky lg:top-4 lg:self-start">
        <FacetSidebar label={t("facets.label")} note={t("facets.countsNote")} emptyText={t("facets.none")} groups={groups} />
      </aside>
      <div className="min-w-0">
        <ActiveFilterChips label={t("facets.label")} chips={chips} resetHref={pathname} resetText={t("filters.reset")} />
        {list.total === 0 ? (
          <div role="status">
            <EmptyState
              title={isFiltered ? t("emptyFilteredTitle") : t("empty")}
              description={isFiltered ? t("emptyFilteredDescription") : t("emptyHint")}
              action={
                isFiltered ? (
                  <Link href={pathname} className="text-sm text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
                    {t("filters.reset")}
                  </Link>
                ) : undefined
              }
            />
          </div>
        ) : (
          <>
            <p role="status" className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">
              {t("resultCount", { total: list.total, first, last })}
            </p>
            <DataTable
              caption={t("caption")}
              columns={columns}
              rows={list.rows}
              rowKey={(r) => r.id}
              rowClassName={(r) => (r.isArchived ? "text-zinc-500 dark:text-zinc-500" : undefined)}
            />
            <Pagination pathname={pathname} params={serializeVendorFilters(filters)} page={list.page} pageCount={list.pageCount} />
          </>
        )}
      </div>
    </div>
  );
}
