import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DescriptionList } from "@/components/description-list";
import { ExternalLink } from "@/components/external-link";
import { PageHeader } from "@/components/page-header";
import { HistoryLink } from "@/components/history/history-link";
import { Section } from "@/components/section";
import { Tag } from "@/components/status-badge";
import { secondaryButtonClass } from "@/components/form/styles";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { archiveTom, restoreTom } from "@/lib/toms/actions";
import { getTom } from "@/lib/toms/queries";
import { ArchiveButton } from "../measure-controls";

export async function generateMetadata() {
  const t = await getTranslations("measures.toms");
  return { title: t("title") };
}

/** One measure with the processing activities that refer to it; editors get edit and archive/restore. */
export default async function TomPage({ params, searchParams }: { params: Promise<{ orgId: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId, id } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const m = await getTom(user, orgId, id);
  const sp = await searchParams;
  const t = await getTranslations("measures");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const active = m.archivedAt === null;
  const canWrite = userCan(user, "tom:write", orgId);
  const base = `/o/${orgId}/toms/${id}`;
  const link = "text-blue-700 underline-offset-2 hover:underline dark:text-blue-400";
  return (
    <>
      <nav className="mb-3 text-sm"><Link href={`/o/${orgId}/toms`} className={link}>← {t("toms.title")}</Link></nav>
      <PageHeader
        title={m.title}
        eyebrow={<span className="font-mono">{m.code}</span>}
        meta={
          <>
            {!active ? <Tag tone="warning">{t("common.archived")}</Tag> : null}
            <span className="text-zinc-600 dark:text-zinc-400">
              {t("common.lastChange", { date: format.dateTime(m.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}{" · "}{t("common.version", { version: m.version })}
            </span>
          </>
        }
        actions={
          canWrite ? (
            <>
              <HistoryLink href={`${base}/history`} />
              {active ? <Link href={`${base}/edit`} className={secondaryButtonClass}>{t("common.edit")}</Link> : null}
              <ArchiveButton action={(active ? archiveTom : restoreTom).bind(null, orgId, id)} version={m.version} label={active ? t("common.archive") : t("common.restore")} />
            </>
          ) : <HistoryLink href={`${base}/history`} />
        }
      />
      {sp.saved === "1" ? <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800 dark:border-green-900 dark:bg-green-950/50 dark:text-green-200">{t("common.saved")}</p> : null}
      {!active ? <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200">{t("common.archivedNote")}</p> : null}
      <div className="flex flex-col gap-6">
        <Section id="measure" title={t("toms.title")}>
          <DescriptionList
            items={[
              { term: t("toms.fields.code"), value: m.code },
              { term: t("toms.fields.category"), value: te(`TomCategory.${m.category}`) },
              { term: t("toms.fields.description"), value: m.description ? <span className="whitespace-pre-line">{m.description}</span> : null },
              { term: t("toms.fields.documentUrl"), value: m.documentUrl ? <ExternalLink href={m.documentUrl}>{m.documentUrl}</ExternalLink> : null },
            ]}
          />
        </Section>
        <Section id="activities" title={t("toms.detail.activities")}>
          {m.activities.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("toms.detail.noActivities")}</p> : (
            <ul className="flex flex-col gap-1 text-sm">
              {m.activities.map((a) => (
                <li key={a.id}>
                  <Link href={`/o/${orgId}/activities/${a.id}`} className={link}><span className="font-mono text-xs">{a.referenceNumber}</span> {a.name}</Link>
                  {a.isArchived ? <span className="ml-2"><Tag>{t("common.archived")}</Tag></span> : null}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </>
  );
}
