import Link from "next/link";
import { SortHeader } from "@/components/sort-header";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable, type DataTableColumn } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Pagination } from "@/components/pagination";
import { RiskBadge } from "@/components/risk-badge";
import { StatusBadge, Tag } from "@/components/status-badge";
import { activityListSearchParams, listActivityPage, type ActivityListParams, type ActivityListRow } from "@/lib/activities/queries";
import type { CurrentUser } from "@/lib/current-user";
import { activityFiltersHref, isActivityListFiltered, type ActivitySortKey } from "@/lib/domain/activity-filters";
import { excerpt, hasMatch, highlight } from "@/lib/domain/highlight";
import { getActivityRiskBadges } from "@/lib/overview/queries";
import { Highlighted } from "@/components/highlighted";

export const ACTIVITY_TABLE_COLUMN_COUNT = 9;

/** The first of description and purposes that contains a search term (none without a search). */
function matchingSnippet(row: ActivityListRow, q: string) {
  if (q === "") return null;
  for (const text of row.texts) {
    const segments = excerpt(text, q);
    if (hasMatch(segments)) return segments;
  }
  return null;
}

/**
 * The register's results (streamed inside the list page's Suspense boundary): one page of the table with the
 * matched words highlighted, pagination. The facet sidebar and the filter chips stream in their own boundaries
 * (activity-facets.tsx), so the table does not wait for the facet counts.
 */
export async function ActivityTable({ user, orgId, filters, pathname }: { user: CurrentUser; orgId: string; filters: ActivityListParams; pathname: string }) {
  const list = await listActivityPage(user, orgId, filters);
  // Only this page's activities are evaluated (their transfers), not the whole register.
  const risk = await getActivityRiskBadges(user, orgId, list.rows.map((r) => r.id));
  const tOverview = await getTranslations("overview.lists");
  const t = await getTranslations("register.activities");
  const tRole = await getTranslations("enums.ActivityRole");
  const format = await getFormatter();
  const isFiltered = isActivityListFiltered(filters);

  const sortHeader = (key: ActivitySortKey, text: string) => {
    const isSorted = filters.sort === key;
    return (
      <SortHeader
        text={text}
        href={activityFiltersHref(pathname, filters, { sort: key, dir: isSorted && filters.dir === "asc" ? "desc" : "asc" })}
        sorted={isSorted ? filters.dir : null}
        sortBy={t("sort.sortBy", { column: text })}
        sortedAsc={t("sort.sortedAsc")}
        sortedDesc={t("sort.sortedDesc")}
      />
    );
  };

  const columns: DataTableColumn<ActivityListRow>[] = [
    { id: "reference", header: sortHeader("reference", t("columns.reference")), cell: (r) => r.referenceNumber, className: "whitespace-nowrap tabular-nums" },
    {
      id: "name",
      header: sortHeader("name", t("columns.name")),
      isRowHeader: true,
      className: "min-w-64",
      cell: (r) => {
        const snippet = matchingSnippet(r, filters.q);
        return (
          <>
            <Link href={`${pathname}/${r.id}`} className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
              <Highlighted segments={highlight(r.name, filters.q)} />
            </Link>
            {snippet ? (
              <p className="mt-0.5 text-xs font-normal text-zinc-600 dark:text-zinc-400">
                <span className="sr-only">{t("snippetLabel")}: </span>
                <Highlighted segments={snippet} />
              </p>
            ) : null}
          </>
        );
      },
    },
    { id: "department", header: t("columns.department"), cell: (r) => r.departmentName ?? "—", className: "min-w-32" },
    { id: "role", header: t("columns.role"), cell: (r) => tRole(r.role), className: "whitespace-nowrap" },
    { id: "status", header: sortHeader("status", t("columns.status")), cell: (r) => <StatusBadge status={r.status} /> },
    { id: "recipients", header: t("columns.recipients"), align: "end", cell: (r) => format.number(r.recipientCount) },
    {
      id: "thirdCountry",
      header: t("columns.thirdCountryTransfers"),
      align: "end",
      cell: (r) => (r.thirdCountryTransferCount > 0 ? <span className="font-semibold">{format.number(r.thirdCountryTransferCount)}</span> : format.number(0)),
    },
    {
      id: "transferRisk",
      header: tOverview("riskColumn"),
      className: "whitespace-nowrap",
      cell: (r) => {
        const badge = risk[r.id];
        return badge ? (
          <RiskBadge verdict={badge.verdict} reasons={badge.reasons} label={r.name} href={`/o/${orgId}/activities/${r.id}#transfers`} />
        ) : (
          <span className="text-zinc-500 dark:text-zinc-400" title={tOverview("noTransfersLabel")}>
            —<span className="sr-only"> {tOverview("noTransfersLabel")}</span>
          </span>
        );
      },
    },
    {
      id: "nextReview",
      header: sortHeader("nextReview", t("columns.nextReview")),
      className: "whitespace-nowrap",
      cell: (r) =>
        r.nextReviewAt ? (
          <span className="inline-flex items-center gap-1.5">
            <time dateTime={r.nextReviewAt.toISOString()} className={r.isReviewOverdue ? "font-medium text-red-700 dark:text-red-400" : undefined}>
              {format.dateTime(r.nextReviewAt, { dateStyle: "medium" })}
            </time>
            {r.isReviewOverdue ? <Tag tone="danger">{t("overdue")}</Tag> : null}
          </span>
        ) : (
          "—"
        ),
    },
  ];

  const first = (list.page - 1) * list.pageSize + 1;
  const last = first + list.rows.length - 1;
  return list.total === 0 ? (
    <div role="status">
      <EmptyState
        title={isFiltered ? t("empty.filteredTitle") : t("empty.title")}
        description={isFiltered ? t("empty.filteredDescription") : t("empty.description")}
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
        columns={columns.filter((c) => !(filters.hide as readonly string[]).includes(c.id))}
        rows={list.rows}
        rowKey={(r) => r.id}
        rowClassName={(r) => (r.isArchived ? "text-zinc-500 dark:text-zinc-500" : undefined)}
      />
      <Pagination pathname={pathname} params={activityListSearchParams(filters)} page={list.page} pageCount={list.pageCount} />
    </>
  );
}
