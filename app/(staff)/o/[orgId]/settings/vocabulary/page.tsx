import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { Tag } from "@/components/status-badge";
import { SubTable } from "@/components/sub-table";
import { inputClass, primaryButtonClass } from "@/components/form/styles";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { archiveVocabularyTerm, restoreVocabularyTerm } from "@/lib/vocabulary/actions";
import { listVocabulary, parseVocabularyListParams, type TermRow } from "@/lib/vocabulary/queries";
import { VOCABULARY_KINDS } from "@/lib/vocabulary/schema";
import { ArchiveButton, SavedNote, SettingsTabs } from "@/components/settings-ui";

export async function generateMetadata() {
  const t = await getTranslations("orgsettings.vocabulary");
  return { title: t("title") };
}

/**
 * The controlled vocabularies of one kind (?kind=): the organisation's own terms (editable, archived ones behind
 * ?archived=1) and the built-in terms from the reference data (read-only). Own terms appear in the pickers of the
 * activity and recipient forms next to the built-in ones.
 */
export default async function VocabularyPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const sp = await searchParams;
  const filters = parseVocabularyListParams(sp);
  const list = await listVocabulary(user, orgId, filters);
  const canWrite = userCan(user, "vocabulary:write", orgId);
  const t = await getTranslations("orgsettings.vocabulary");
  const tc = await getTranslations("orgsettings.common");
  const te = await getTranslations("enums.VocabularyKind");
  const pathname = `/o/${orgId}/settings/vocabulary`;
  const link = "text-blue-700 underline-offset-2 hover:underline dark:text-blue-400";
  const isDataCategory = list.kind === "DATA_CATEGORY";
  const headers = (own: boolean) => [
    t("columns.labelDe"),
    t("columns.labelEn"),
    t("columns.citation"),
    ...(isDataCategory ? [t("columns.special")] : []),
    ...(own && canWrite ? [tc("actions")] : []),
  ];
  const row = (r: TermRow, own: boolean) => (
    <tr key={r.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
      <td className="px-2 py-1.5">
        {r.labelDe}
        {r.isArchived ? <span className="ml-2"><Tag>{tc("archived")}</Tag></span> : null}
      </td>
      <td className="px-2 py-1.5">{r.labelEn}</td>
      <td className="px-2 py-1.5">{r.citation ?? "—"}</td>
      {isDataCategory ? <td className="px-2 py-1.5">{r.isSpecialCategory ? <Tag tone="warning">{t("special")}</Tag> : "—"}</td> : null}
      {own && canWrite ? (
        <td className="flex gap-3 px-2 py-1.5">
          {r.isArchived ? null : <Link href={`${pathname}/${r.id}/edit`} className={link} aria-label={tc("editNamed", { name: r.labelDe })}>{tc("edit")}</Link>}
          <ArchiveButton
            action={(r.isArchived ? restoreVocabularyTerm : archiveVocabularyTerm).bind(null, orgId, r.id)}
            token={{ name: "stamp", value: r.stamp }}
            label={r.isArchived ? tc("restore") : tc("archive")}
            accessibleLabel={r.isArchived ? tc("restoreNamed", { name: r.labelDe }) : tc("archiveNamed", { name: r.labelDe })}
          />
        </td>
      ) : null}
    </tr>
  );
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={canWrite ? <Link href={`${pathname}/new?kind=${list.kind}`} className={primaryButtonClass}>{t("new")}</Link> : undefined}
      />
      <SettingsTabs orgId={orgId} current="vocabulary" />
      {sp.saved === "1" ? <SavedNote /> : null}
      <Form action={pathname} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
        <div>
          <label htmlFor="filter-kind" className="block text-sm font-medium">{t("fields.kind")}</label>
          <select id="filter-kind" name="kind" defaultValue={list.kind} className={inputClass}>
            {VOCABULARY_KINDS.map((k) => <option key={k} value={k}>{te(k)}</option>)}
          </select>
        </div>
        <div className="flex items-center gap-2 pb-2">
          <input id="filter-archived" type="checkbox" name="archived" value="1" defaultChecked={filters.archived} className="size-4" />
          <label htmlFor="filter-archived" className="text-sm">{tc("showArchived")}</label>
        </div>
        <button type="submit" className="mb-0.5 rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900">{tc("apply")}</button>
      </Form>
      <div className="flex flex-col gap-6">
        <Section id="own-terms" title={t("ownTitle", { kind: te(list.kind) })} description={t("ownDescription")}>
          {list.own.length === 0 ? <EmptyState title={t("emptyOwn")} /> : <SubTable caption={t("ownTitle", { kind: te(list.kind) })} headers={headers(true)}>{list.own.map((r) => row(r, true))}</SubTable>}
        </Section>
        <Section id="built-in-terms" title={t("builtInTitle", { kind: te(list.kind) })} description={t("builtInDescription")}>
          {list.builtIn.length === 0 ? <EmptyState title={t("emptyBuiltIn")} /> : <SubTable caption={t("builtInTitle", { kind: te(list.kind) })} headers={headers(false)}>{list.builtIn.map((r) => row(r, false))}</SubTable>}
        </Section>
      </div>
    </>
  );
}
