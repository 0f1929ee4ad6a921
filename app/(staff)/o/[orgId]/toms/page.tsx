import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { SearchInput } from "@/components/search-input";
import { Section } from "@/components/section";
import { SubTable } from "@/components/sub-table";
import { Tag } from "@/components/status-badge";
import { primaryButtonClass } from "@/components/form/styles";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { archiveTom, restoreTom } from "@/lib/toms/actions";
import { listToms, parseTomListParams, TOM_QUERY_MAX_LENGTH, type TomRow } from "@/lib/toms/queries";
import { TomCategory } from "@/prisma/generated/sqlite/enums";
import { ArchiveButton } from "./measure-controls";

export async function generateMetadata() {
  const t = await getTranslations("measures.toms");
  return { title: t("title") };
}

/** The TOM catalogue of the organisation, grouped by Art. 32 category; search and archived toggle in the URL (?q=&archived=). */
export default async function TomsPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const sp = await searchParams;
  const filters = parseTomListParams(sp);
  const rows = await listToms(user, orgId, filters);
  const t = await getTranslations("measures");
  const te = await getTranslations("enums");
  const canWrite = userCan(user, "tom:write", orgId);
  const pathname = `/o/${orgId}/toms`;
  const groups = Object.values(TomCategory).map((category) => ({ category, rows: rows.filter((r) => r.category === category) })).filter((g) => g.rows.length > 0);
  const link = "text-blue-700 underline-offset-2 hover:underline dark:text-blue-400";
  const row = (r: TomRow) => (
    <tr key={r.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
      <td className="px-2 py-1.5 font-mono text-xs whitespace-nowrap">{r.code}</td>
      <td className="px-2 py-1.5"><Link href={`${pathname}/${r.id}`} className={link}>{r.title}</Link>{r.isArchived ? <span className="ml-2"><Tag>{t("common.archived")}</Tag></span> : null}</td>
      <td className="px-2 py-1.5 whitespace-nowrap">{t("toms.activityCount", { count: r.activityCount })}</td>
      {canWrite ? (
        <td className="flex gap-3 px-2 py-1.5">
          {r.isArchived ? null : <Link href={`${pathname}/${r.id}/edit`} className={link}>{t("common.edit")}</Link>}
          <ArchiveButton action={(r.isArchived ? restoreTom : archiveTom).bind(null, orgId, r.id)} version={r.version} label={r.isArchived ? t("common.restore") : t("common.archive")} />
        </td>
      ) : null}
    </tr>
  );
  const headers = [t("toms.columns.code"), t("toms.columns.title"), t("toms.columns.activities"), ...(canWrite ? [t("toms.columns.actions")] : [])];
  return (
    <>
      <PageHeader title={t("toms.title")} description={t("toms.description")} actions={canWrite ? <Link href={`${pathname}/new`} className={primaryButtonClass}>{t("toms.new")}</Link> : undefined} />
      {sp.saved === "1" ? <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800 dark:border-green-900 dark:bg-green-950/50 dark:text-green-200">{t("common.saved")}</p> : null}
      <Form action={pathname} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
        <SearchInput label={t("common.search")} placeholder={t("toms.searchPlaceholder")} defaultValue={filters.q} maxLength={TOM_QUERY_MAX_LENGTH} />
        <div className="flex items-center gap-2 pb-1.5">
          <input id="filter-archived" type="checkbox" name="archived" value="1" defaultChecked={filters.archived} className="size-4" />
          <label htmlFor="filter-archived" className="text-sm">{t("common.showArchived")}</label>
        </div>
        <button type="submit" className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900">{t("common.apply")}</button>
      </Form>
      {groups.length === 0 ? <EmptyState title={t("toms.empty")} /> : (
        <div className="flex flex-col gap-6">
          {groups.map((g) => (
            <Section key={g.category} id={`cat-${g.category.toLowerCase()}`} title={te(`TomCategory.${g.category}`)}>
              <SubTable caption={te(`TomCategory.${g.category}`)} headers={headers}>{g.rows.map(row)}</SubTable>
            </Section>
          ))}
        </div>
      )}
    </>
  );
}
