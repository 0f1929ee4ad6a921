import Form from "next/form";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Tag } from "@/components/status-badge";
import { primaryButtonClass } from "@/components/form/styles";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { archiveAgreement, restoreAgreement } from "@/lib/agreements/actions";
import { listAgreements, parseAgreementListParams } from "@/lib/agreements/queries";
import { DpaStatus } from "@/prisma/generated/sqlite/enums";
import { AgreementArchiveButton } from "./agreement-form";

export async function generateMetadata() {
  const t = await getTranslations("vendor.agreements");
  return { title: t("title") };
}

/** Data processing agreements (AVV) of the organisation; filters in the URL (?status=&vendor=&archived=). */
export default async function AgreementsPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const sp = await searchParams;
  const filters = parseAgreementListParams(sp);
  const rows = await listAgreements(user, orgId, filters);
  const t = await getTranslations("vendor.agreements");
  const tv = await getTranslations("vendor");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const canWrite = userCan(user, "dpa:write", orgId);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  const pathname = `/o/${orgId}/agreements`;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={canWrite ? <Link href={`${pathname}/new`} className={primaryButtonClass}>{t("new")}</Link> : undefined} />
      {sp.saved === "1" ? <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800 dark:border-green-900 dark:bg-green-950/50 dark:text-green-200">{tv("detail.saved")}</p> : null}
      <Form action={pathname} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-status" className="text-sm font-medium">{t("statusFilter")}</label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ""} className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900">
            <option value="">{t("all")}</option>
            {Object.values(DpaStatus).map((s) => <option key={s} value={s}>{te(`DpaStatus.${s}`)}</option>)}
          </select>
        </div>
        <div className="flex items-center gap-2 pb-1.5">
          <input id="filter-archived" type="checkbox" name="archived" value="1" defaultChecked={filters.archived} className="size-4" />
          <label htmlFor="filter-archived" className="text-sm">{t("showArchived")}</label>
        </div>
        <button type="submit" className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900">{t("apply")}</button>
      </Form>
      {rows.length === 0 ? <EmptyState title={t("empty")} /> : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-600 uppercase dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.title")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.vendor")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.status")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.signedAt")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.nextReviewAt")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.checklist")}</th>
                {canWrite ? <th scope="col" className="px-3 py-2 font-medium">{t("columns.actions")}</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-3 py-2">{r.title}{r.isArchived ? <span className="ml-2"><Tag>{t("archived")}</Tag></span> : null}</td>
                  <td className="px-3 py-2"><Link href={`/o/${orgId}/vendors/${r.vendor.id}`} className="text-blue-700 hover:underline dark:text-blue-400">{r.vendor.name}</Link></td>
                  <td className="px-3 py-2">{te(`DpaStatus.${r.status}`)}</td>
                  <td className="px-3 py-2">{date(r.signedAt)}</td>
                  <td className="px-3 py-2">{date(r.nextReviewAt)}</td>
                  <td className="px-3 py-2 tabular-nums">{r.checklistDone < 8 ? <Tag tone="warning">{t("checklistCount", { done: r.checklistDone })}</Tag> : t("checklistCount", { done: r.checklistDone })}</td>
                  {canWrite ? (
                    <td className="flex gap-3 px-3 py-2">
                      {r.isArchived ? null : <Link href={`${pathname}/${r.id}/edit`} className="text-blue-700 hover:underline dark:text-blue-400">{t("edit")}</Link>}
                      <AgreementArchiveButton action={(r.isArchived ? restoreAgreement : archiveAgreement).bind(null, orgId, r.id)} version={r.version} label={r.isArchived ? t("restore") : t("archive")} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
