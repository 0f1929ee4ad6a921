import Form from "next/form";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { SearchInput } from "@/components/search-input";
import { Tag } from "@/components/status-badge";
import { primaryButtonClass } from "@/components/form/styles";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { archiveTia, restoreTia } from "@/lib/tias/actions";
import { listTias, parseTiaListParams, TIA_QUERY_MAX_LENGTH } from "@/lib/tias/queries";
import { TiaConclusion } from "@/prisma/generated/sqlite/enums";
import { ArchiveButton } from "../toms/measure-controls";

export async function generateMetadata() {
  const t = await getTranslations("measures.tias");
  return { title: t("title") };
}

/** Transfer impact assessments of the organisation; search and filters in the URL (?q=&conclusion=&overdue=&archived=). */
export default async function TiasPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const sp = await searchParams;
  const filters = parseTiaListParams(sp);
  const rows = await listTias(user, orgId, filters);
  const t = await getTranslations("measures");
  const te = await getTranslations("enums");
  const locale = await getLocale();
  const format = await getFormatter();
  const canWrite = userCan(user, "tia:write", orgId);
  const date = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" })}</time> : "—");
  const pathname = `/o/${orgId}/tias`;
  const link = "text-blue-700 underline-offset-2 hover:underline dark:text-blue-400";
  const th = "px-3 py-2 font-medium";
  return (
    <>
      <PageHeader title={t("tias.title")} description={t("tias.description")} actions={canWrite ? <Link href={`${pathname}/new`} className={primaryButtonClass}>{t("tias.new")}</Link> : undefined} />
      {sp.saved === "1" ? <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800 dark:border-green-900 dark:bg-green-950/50 dark:text-green-200">{t("common.saved")}</p> : null}
      <Form action={pathname} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
        <SearchInput label={t("common.search")} placeholder={t("tias.searchPlaceholder")} defaultValue={filters.q} maxLength={TIA_QUERY_MAX_LENGTH} />
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-conclusion" className="text-sm font-medium">{t("tias.conclusionFilter")}</label>
          <select id="filter-conclusion" name="conclusion" defaultValue={filters.conclusion ?? ""} className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900">
            <option value="">{t("common.all")}</option>
            {Object.values(TiaConclusion).map((c) => <option key={c} value={c}>{te(`TiaConclusion.${c}`)}</option>)}
            <option value="NONE">{t("tias.noConclusion")}</option>
          </select>
        </div>
        <div className="flex items-center gap-2 pb-1.5">
          <input id="filter-overdue" type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} className="size-4" />
          <label htmlFor="filter-overdue" className="text-sm">{t("tias.overdueFilter")}</label>
        </div>
        <div className="flex items-center gap-2 pb-1.5">
          <input id="filter-archived" type="checkbox" name="archived" value="1" defaultChecked={filters.archived} className="size-4" />
          <label htmlFor="filter-archived" className="text-sm">{t("common.showArchived")}</label>
        </div>
        <button type="submit" className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900">{t("common.apply")}</button>
      </Form>
      {rows.length === 0 ? <EmptyState title={t("tias.empty")} /> : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-600 uppercase dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-400">
              <tr>
                <th scope="col" className={th}>{t("tias.columns.title")}</th>
                <th scope="col" className={th}>{t("tias.columns.vendor")}</th>
                <th scope="col" className={th}>{t("tias.columns.country")}</th>
                <th scope="col" className={th}>{t("tias.columns.conclusion")}</th>
                <th scope="col" className={th}>{t("tias.columns.assessedAt")}</th>
                <th scope="col" className={th}>{t("tias.columns.nextReviewAt")}</th>
                <th scope="col" className={th}>{t("tias.columns.transfers")}</th>
                {canWrite ? <th scope="col" className={th}>{t("tias.columns.actions")}</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-3 py-2"><Link href={`${pathname}/${r.id}`} className={link}>{r.title}</Link>{r.isArchived ? <span className="ml-2"><Tag>{t("common.archived")}</Tag></span> : null}</td>
                  <td className="px-3 py-2">{r.vendor ? <Link href={`/o/${orgId}/vendors/${r.vendor.id}`} className={link}>{r.vendor.name}</Link> : "—"}</td>
                  <td className="px-3 py-2">{r.country ? (locale === "en" ? r.country.en : r.country.de) : "—"}</td>
                  <td className="px-3 py-2">{r.conclusion ? (r.conclusion === "STOP" ? <Tag tone="danger">{te(`TiaConclusion.${r.conclusion}`)}</Tag> : te(`TiaConclusion.${r.conclusion}`)) : "—"}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{date(r.assessedAt)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{date(r.nextReviewAt)}{r.reviewOverdue ? <span className="ml-2"><Tag tone="warning">{t("tias.overdue")}</Tag></span> : null}</td>
                  <td className="px-3 py-2 tabular-nums">{r.transferCount}</td>
                  {canWrite ? (
                    <td className="flex gap-3 px-3 py-2">
                      {r.isArchived ? null : <Link href={`${pathname}/${r.id}/edit`} className={link}>{t("common.edit")}</Link>}
                      <ArchiveButton action={(r.isArchived ? restoreTia : archiveTia).bind(null, orgId, r.id)} version={r.version} label={r.isArchived ? t("common.restore") : t("common.archive")} />
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
