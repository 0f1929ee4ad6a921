import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable, type DataTableColumn } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Pagination } from "@/components/pagination";
import { StatusBadge, Tag } from "@/components/status-badge";
import { activityListSearchParams, listActivities, type ActivityListParams, type ActivityListRow } from "@/lib/activities/queries";
import type { CurrentUser } from "@/lib/current-user";

export const ACTIVITY_TABLE_COLUMN_COUNT = 8;

/** The register table of one page of results (streamed inside the list page's Suspense boundary). */
export async function ActivityTable({ user, orgId, filters, pathname }: { user: CurrentUser; orgId: string; filters: ActivityListParams; pathname: string }) {
  const list = await listActivities(user, orgId, filters);
  const t = await getTranslations("register.activities");
  const tRole = await getTranslations("enums.ActivityRole");
  const format = await getFormatter();
  const isFiltered = filters.q !== "" || filters.status !== null || filters.archived;

  if (list.total === 0) {
    return (
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
    );
  }

  const columns: DataTableColumn<ActivityListRow>[] = [
    { id: "reference", header: t("columns.reference"), cell: (r) => r.referenceNumber, className: "whitespace-nowrap tabular-nums" },
    {
      id: "name",
      header: t("columns.name"),
      isRowHeader: true,
      className: "min-w-56",
      cell: (r) => (
        <Link href={`${pathname}/${r.id}`} className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
          {r.name}
        </Link>
      ),
    },
    { id: "department", header: t("columns.department"), cell: (r) => r.departmentName ?? "—", className: "min-w-32" },
    { id: "role", header: t("columns.role"), cell: (r) => tRole(r.role), className: "whitespace-nowrap" },
    { id: "status", header: t("columns.status"), cell: (r) => <StatusBadge status={r.status} /> },
    { id: "recipients", header: t("columns.recipients"), align: "end", cell: (r) => format.number(r.recipientCount) },
    {
      id: "thirdCountry",
      header: t("columns.thirdCountryTransfers"),
      align: "end",
      cell: (r) => (r.thirdCountryTransferCount > 0 ? <span className="font-semibold">{format.number(r.thirdCountryTransferCount)}</span> : format.number(0)),
    },
    {
      id: "nextReview",
      header: t("columns.nextReview"),
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
  return (
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
      <Pagination pathname={pathname} params={activityListSearchParams(filters)} page={list.page} pageCount={list.pageCount} />
    </>
  );
}
