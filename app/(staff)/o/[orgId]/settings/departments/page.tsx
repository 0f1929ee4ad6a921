import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Tag } from "@/components/status-badge";
import { SubTable } from "@/components/sub-table";
import { primaryButtonClass } from "@/components/form/styles";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { archiveDepartment, restoreDepartment } from "@/lib/departments/actions";
import { listDepartments, parseDepartmentListParams, type DepartmentRow } from "@/lib/departments/queries";
import { ArchiveButton, SavedNote, SettingsTabs } from "@/components/settings-ui";

export async function generateMetadata() {
  const t = await getTranslations("orgsettings.departments");
  return { title: t("title") };
}

/** Departments of the organisation (owners of activities, internal recipients); archived ones behind a filter (?archived=1). */
export default async function DepartmentsPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const sp = await searchParams;
  const filters = parseDepartmentListParams(sp);
  const rows = await listDepartments(user, orgId, filters);
  const canWrite = userCan(user, "department:write", orgId);
  const t = await getTranslations("orgsettings.departments");
  const tc = await getTranslations("orgsettings.common");
  const pathname = `/o/${orgId}/settings/departments`;
  const link = "text-blue-700 underline-offset-2 hover:underline dark:text-blue-400";
  const contact = (r: DepartmentRow) => [r.contactName, r.contactEmail, r.contactPhone].filter(Boolean).join(" · ") || "—";
  const headers = [t("columns.name"), t("columns.contact"), t("columns.activities"), ...(canWrite ? [tc("actions")] : [])];
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={canWrite ? <Link href={`${pathname}/new`} className={primaryButtonClass}>{t("new")}</Link> : undefined} />
      <SettingsTabs orgId={orgId} current="departments" />
      {sp.saved === "1" ? <SavedNote /> : null}
      <Form action={pathname} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex items-center gap-2 pb-1.5">
          <input id="filter-archived" type="checkbox" name="archived" value="1" defaultChecked={filters.archived} className="size-4" />
          <label htmlFor="filter-archived" className="text-sm">{tc("showArchived")}</label>
        </div>
        <button type="submit" className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900">{tc("apply")}</button>
      </Form>
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <SubTable caption={t("title")} headers={headers}>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              <td className="px-2 py-1.5">
                {r.name}
                {r.isArchived ? <span className="ml-2"><Tag>{tc("archived")}</Tag></span> : null}
              </td>
              <td className="px-2 py-1.5 break-all">{contact(r)}</td>
              <td className="px-2 py-1.5 whitespace-nowrap">{t("activityCount", { count: r.activityCount })}</td>
              {canWrite ? (
                <td className="flex gap-3 px-2 py-1.5">
                  {r.isArchived ? null : <Link href={`${pathname}/${r.id}/edit`} className={link} aria-label={tc("editNamed", { name: r.name })}>{tc("edit")}</Link>}
                  <ArchiveButton
                    action={(r.isArchived ? restoreDepartment : archiveDepartment).bind(null, orgId, r.id)}
                    token={{ name: "version", value: r.version }}
                    label={r.isArchived ? tc("restore") : tc("archive")}
                    accessibleLabel={r.isArchived ? tc("restoreNamed", { name: r.name }) : tc("archiveNamed", { name: r.name })}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </SubTable>
      )}
    </>
  );
}
