import Form from "next/form";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { StatusBadge } from "@/components/status-badge";
import { SubTable } from "@/components/sub-table";
import { inputClass } from "@/components/form/styles";
import { authorize, requireUser } from "@/lib/current-user";
import { listDueReviews, type ReviewRow } from "@/lib/organisations/queries";
import { DUE_SOON_DAYS } from "@/lib/overview/queries";

/** Look-ahead windows a reader can choose (?days=); the start page shows DUE_SOON_DAYS. */
const WINDOWS = [DUE_SOON_DAYS, 90, 180, 365] as const;

export async function generateMetadata() {
  const t = await getTranslations("orgsettings.reviews");
  return { title: t("title") };
}

/**
 * Activities due for review (read-only): overdue ones and those due within the chosen window, earliest first.
 * The review itself is confirmed on the activity's page (confirmActivityReview), which sets the next date.
 */
export default async function ReviewsPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const sp = await searchParams;
  const requested = Number(Array.isArray(sp.days) ? sp.days[0] : sp.days);
  const windowDays = (WINDOWS as readonly number[]).includes(requested) ? requested : DUE_SOON_DAYS;
  const due = await listDueReviews(user, orgId, new Date(), windowDays);
  const t = await getTranslations("orgsettings.reviews");
  const format = await getFormatter();
  const link = "font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400";
  const headers = [t("columns.reference"), t("columns.name"), t("columns.status"), t("columns.due")];
  const rows = (items: ReviewRow[], overdue: boolean) =>
    items.map((r) => (
      <tr key={r.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
        <td className="px-2 py-1.5 whitespace-nowrap tabular-nums">{r.referenceNumber}</td>
        <td className="px-2 py-1.5">
          <Link href={`/o/${orgId}/activities/${r.id}`} className={link}>{r.name}</Link>
        </td>
        <td className="px-2 py-1.5"><StatusBadge status={r.status} /></td>
        <td className="px-2 py-1.5 whitespace-nowrap">
          <time dateTime={r.nextReviewAt.toISOString()}>{format.dateTime(r.nextReviewAt, { dateStyle: "medium", timeZone: "UTC" })}</time>
          <span className={`block text-xs ${overdue ? "font-medium text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}>
            {overdue ? t("overdueBy", { days: -r.days }) : t("dueIn", { days: r.days })}
          </span>
        </td>
      </tr>
    ));
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { months: due.defaultReviewMonths })} />
      <Form action={`/o/${orgId}/reviews`} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
        <div>
          <label htmlFor="filter-days" className="block text-sm font-medium">{t("window")}</label>
          <select id="filter-days" name="days" defaultValue={String(windowDays)} className={inputClass}>
            {WINDOWS.map((d) => <option key={d} value={d}>{t("windowOption", { days: d })}</option>)}
          </select>
        </div>
        <button type="submit" className="mb-0.5 rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900">{t("apply")}</button>
      </Form>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">{t("confirmHint")}</p>
      <div className="flex flex-col gap-6">
        <Section id="overdue" title={t("overdue", { count: due.overdue.length })}>
          {due.overdue.length === 0 ? <EmptyState title={t("emptyOverdue")} /> : <SubTable caption={t("overdue", { count: due.overdue.length })} headers={headers}>{rows(due.overdue, true)}</SubTable>}
        </Section>
        <Section id="due-soon" title={t("dueSoon", { count: due.dueSoon.length, days: windowDays })}>
          {due.dueSoon.length === 0 ? <EmptyState title={t("emptyDueSoon", { days: windowDays })} /> : <SubTable caption={t("dueSoon", { count: due.dueSoon.length, days: windowDays })} headers={headers}>{rows(due.dueSoon, false)}</SubTable>}
        </Section>
      </div>
    </>
  );
}
