import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DescriptionList } from "@/components/description-list";
import { ExternalLink } from "@/components/external-link";
import { PageHeader } from "@/components/page-header";
import { HistoryLink } from "@/components/history/history-link";
import { Section } from "@/components/section";
import { SubTable } from "@/components/sub-table";
import { Tag } from "@/components/status-badge";
import { secondaryButtonClass } from "@/components/form/styles";
import type { Label } from "@/lib/activities/queries";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { archiveTia, restoreTia } from "@/lib/tias/actions";
import { getTia } from "@/lib/tias/queries";
import { IMPORTER_ROLES } from "@/lib/tias/schema";
import { ArchiveButton } from "../../toms/measure-controls";

export async function generateMetadata() {
  const t = await getTranslations("measures.tias");
  return { title: t("title") };
}

const isImporterRole = (v: string | null): v is (typeof IMPORTER_ROLES)[number] => v !== null && (IMPORTER_ROLES as readonly string[]).includes(v);

/** One transfer impact assessment with the transfers that rely on it; editors get edit and archive/restore. */
export default async function TiaPage({ params, searchParams }: { params: Promise<{ orgId: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId, id } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const a = await getTia(user, orgId, id);
  const sp = await searchParams;
  const t = await getTranslations("measures");
  const te = await getTranslations("enums");
  const locale = await getLocale();
  const format = await getFormatter();
  const pick = (l: Label | null) => (l ? (locale === "en" ? l.en : l.de) : null);
  const date = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" })}</time> : null);
  const text = (s: string | null) => (s ? <span className="whitespace-pre-line">{s}</span> : null);
  const active = a.archivedAt === null;
  const canWrite = userCan(user, "tia:write", orgId);
  const base = `/o/${orgId}/tias/${id}`;
  const link = "text-blue-700 underline-offset-2 hover:underline dark:text-blue-400";
  return (
    <>
      <nav className="mb-3 text-sm"><Link href={`/o/${orgId}/tias`} className={link}>← {t("tias.title")}</Link></nav>
      <PageHeader
        title={a.title}
        eyebrow={t("tias.title")}
        meta={
          <>
            {!active ? <Tag tone="warning">{t("common.archived")}</Tag> : null}
            {a.conclusion === "STOP" ? <Tag tone="danger">{te("TiaConclusion.STOP")}</Tag> : null}
            {a.reviewOverdue ? <Tag tone="warning">{t("tias.overdue")}</Tag> : null}
            <span className="text-zinc-600 dark:text-zinc-400">
              {t("common.lastChange", { date: format.dateTime(a.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}{" · "}{t("common.version", { version: a.version })}
            </span>
          </>
        }
        actions={
          canWrite ? (
            <>
              <HistoryLink href={`${base}/history`} />
              {active ? <Link href={`${base}/edit`} className={secondaryButtonClass}>{t("common.edit")}</Link> : null}
              <ArchiveButton action={(active ? archiveTia : restoreTia).bind(null, orgId, id)} version={a.version} label={active ? t("common.archive") : t("common.restore")} />
            </>
          ) : <HistoryLink href={`${base}/history`} />
        }
      />
      {sp.saved === "1" ? <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800 dark:border-green-900 dark:bg-green-950/50 dark:text-green-200">{t("common.saved")}</p> : null}
      {!active ? <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200">{t("common.archivedNote")}</p> : null}
      <div className="flex flex-col gap-6">
        <Section id="parties" title={t("tias.sections.parties")}>
          <DescriptionList
            items={[
              { term: t("tias.fields.vendor"), value: a.vendor ? <Link href={`/o/${orgId}/vendors/${a.vendor.id}`} className={link}>{a.vendor.name}</Link> : null },
              { term: t("tias.fields.importerRole"), value: isImporterRole(a.importerRole) ? t(`tias.importerRole.${a.importerRole}`) : a.importerRole },
              { term: t("tias.fields.destinationCountry"), value: a.country ? `${pick(a.country)} (${a.destinationCountry})` : null },
              { term: t("tias.fields.mechanism"), value: a.mechanism ? te(`TransferMechanism.${a.mechanism}`) : null },
              { term: t("tias.fields.dataFormat"), value: te(`DataFormat.${a.dataFormat}`) },
            ]}
          />
        </Section>
        <Section id="assessment" title={t("tias.sections.assessment")}>
          <DescriptionList
            columns={1}
            items={[
              { term: t("tias.fields.lawsAssessed"), value: text(a.lawsAssessed) },
              { term: t("tias.fields.practicalExperience"), value: text(a.practicalExperience) },
              { term: t("tias.fields.supplementaryMeasures"), value: text(a.supplementaryMeasures) },
              { term: t("tias.fields.residualRisk"), value: text(a.residualRisk) },
            ]}
          />
        </Section>
        <Section id="decision" title={t("tias.sections.decision")}>
          <DescriptionList
            items={[
              { term: t("tias.fields.conclusion"), value: a.conclusion ? te(`TiaConclusion.${a.conclusion}`) : null },
              { term: t("tias.fields.signedOffBy"), value: a.signedOffBy },
              { term: t("tias.fields.assessedAt"), value: date(a.assessedAt) },
              { term: t("tias.fields.nextReviewAt"), value: date(a.nextReviewAt) },
              { term: t("tias.fields.documentUrl"), value: a.documentUrl ? <ExternalLink href={a.documentUrl}>{a.documentUrl}</ExternalLink> : null },
            ]}
          />
        </Section>
        <Section id="transfers" title={t("tias.detail.transfers")}>
          {a.transfers.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("tias.detail.noTransfers")}</p> : (
            <SubTable caption={t("tias.detail.transfers")} headers={[t("tias.detail.transferActivity"), t("tias.detail.transferRecipient"), t("tias.detail.transferCountry"), t("tias.detail.transferMechanism")]}>
              {a.transfers.map((x) => (
                <tr key={x.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                  <td className="px-2 py-1.5"><Link href={`/o/${orgId}/activities/${x.activity.id}`} className={link}><span className="font-mono text-xs">{x.activity.referenceNumber}</span> {x.activity.name}</Link></td>
                  <td className="px-2 py-1.5">{x.recipientName ?? "—"}</td>
                  <td className="px-2 py-1.5">{pick(x.country) ?? "—"}</td>
                  <td className="px-2 py-1.5">{te(`TransferMechanism.${x.mechanism}`)}</td>
                </tr>
              ))}
            </SubTable>
          )}
        </Section>
      </div>
    </>
  );
}
