import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { getSnapshotLabels, listActivityRevisions } from "@/lib/activities/editor-queries";
import { contentFromSnapshotJson } from "@/lib/activities/mutations";
import { diff } from "@/lib/domain/diff";
import { ItemChanges, type HistoryFieldConfig } from "@/components/history/history-view";
import { getHistoryLabels } from "@/lib/history/queries";
import { diffItems } from "@/lib/history/present";
import { RestoreRevisionButton } from "./restore-button";

export async function generateMetadata() {
  const t = await getTranslations("activity.history");
  return { title: t("title") };
}

const STATE_FIELDS = ["status", "lastReviewedAt", "releasedAt", "releasedById", "archivedAt", "copiedFromId"] as const;
const ENUM_FIELDS: Record<string, string> = { status: "ActivityStatus", role: "ActivityRole", operatingStage: "OperatingStage", dpiaDecision: "DpiaDecision", dpiaStatus: "DpiaStatus" };
const DATE_FIELDS = new Set(["nextReviewAt", "lastReviewedAt", "releasedAt", "archivedAt"]);
const ID_FIELDS = new Set(["departmentId", "clientVendorId", "releasedById", "copiedFromId"]);
const FORM_LABELS: Record<string, string> = {
  referenceNumber: "referenceNumber", name: "name", description: "description", departmentId: "department", contactName: "contactName",
  contactEmail: "contactEmail", contactPhone: "contactPhone", role: "role", clientVendorId: "clientVendor", jointArrangement: "jointArrangement",
  processingCategories: "processingCategories", operatingStage: "operatingStage", dataSources: "dataSources", estimatedDataSubjects: "estimatedDataSubjects",
  automatedDecisionMaking: "automatedDecisionMaking", profiling: "profiling", informationProvided: "informationProvided", generalTomDescription: "generalTomDescription",
  noThirdCountryTransfer: "noThirdCountryTransfer", dpiaDecision: "dpiaDecision", dpiaDecisionReason: "dpiaDecisionReason", dpiaStatus: "dpiaStatus",
  dpiaReference: "dpiaReference", reviewIntervalMonths: "reviewIntervalMonths", nextReviewAt: "nextReviewAt", purposes: "sections.purposes",
  dataSubjects: "dataSubjects", dataCategories: "sections.dataCategories", systems: "systems", jointControllers: "jointControllers", tomIds: "toms",
};

/** Recipients and their transfers in the diff: labels of the recipient and transfer forms, names for ids. */
const RECIPIENT_CONFIG: HistoryFieldConfig = {
  labels: {
    kind: "vendor.recipients.kind", vendorId: "vendor.recipients.vendor", departmentId: "vendor.recipients.department", categoryCode: "vendor.recipients.category",
    role: "vendor.recipients.role", service: "vendor.recipients.service", dataCategoryCodes: "vendor.recipients.dataCategories", transfers: "vendor.recipients.transfers",
    ...Object.fromEntries(["destinationCountry", "internationalOrganisation", "access", "mechanism", "mechanismNote", "contractConcludedAt", "isRegular", "importerSubjectToGdpr", "art49Assessment", "saInformedAt", "tiaReference", "tiaDate", "supplementaryMeasures", "evidenceUrl", "note"].map((f) => [`transfers.${f}`, `vendor.recipients.transfer.${f}`])),
    "transfers.viaVendorId": "vendor.recipients.transfer.viaVendor", "transfers.tiaId": "vendor.recipients.transfer.tia", "transfers.archivedAt": "history.fields.archivedAt",
  },
  enums: { kind: "RecipientKind", role: "RecipientRole", access: "TransferAccess", mechanism: "TransferMechanism" },
  refs: { vendorId: "id", departmentId: "id", viaVendorId: "id", tiaId: "id", destinationCountry: "country", categoryCode: "RECIPIENT_CATEGORY", dataCategoryCodes: "DATA_CATEGORY" },
  dateOnly: ["contractConcludedAt", "saInformedAt", "tiaDate"],
  itemTitle: { recipients: ["vendorId", "departmentId", "categoryCode", "service"], transfers: ["destinationCountry", "internationalOrganisation", "mechanism"] },
};
const ROW_IGNORE = ["id", "version", "updatedAt", "createdAt", "organisationId", "updatedById", "createdById", "activityId", "recipientId"];
const rowList = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null && typeof (x as { id?: unknown }).id === "string") : []);

/** A stored snapshot in the canonical shape used for diffs (older formats included; recipients only where stored). */
function displayable(json: unknown): Record<string, unknown> {
  const content = contentFromSnapshotJson(json) ?? {};
  const raw = json && typeof json === "object" ? (json as Record<string, unknown>) : {};
  const state = Object.fromEntries(STATE_FIELDS.map((k) => [k, raw[k] ?? null]));
  return { ...content, ...state, ...(Array.isArray(raw.recipients) ? { recipients: raw.recipients } : {}) };
}

export default async function ActivityHistoryPage({ params, searchParams }: { params: Promise<{ orgId: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId, id } = await params;
  const query = await searchParams;
  const user = await requireUser();
  authorize(user, "history:read", orgId);
  const data = await listActivityRevisions(user, orgId, id);
  const labels = await getSnapshotLabels(orgId);
  const historyLabels = await getHistoryLabels(user, orgId);
  const canRestore = userCan(user, "activity:write", orgId);
  const locale = await getLocale();
  const format = await getFormatter();
  const t = await getTranslations("activity.history");
  const tf = await getTranslations("activity.form");
  const te = await getTranslations("enums");
  const th = await getTranslations("history");
  const isArchived = data.revisions[0] ? displayable(data.revisions[0].snapshot).status === "ARCHIVED" : false;

  const label = (key: string) => labels[key]?.[locale] ?? key.replace(/^[A-Z_]+:|^id:/, "");
  const fieldName = (field: string): string => {
    const form = FORM_LABELS[field];
    if (form) return tf(form as Parameters<typeof tf>[0]);
    const extra = STATE_FIELDS.find((f) => f === field);
    return extra ? t(`extraFields.${extra}`) : field;
  };
  const empty = <span className="text-zinc-500">{t("empty")}</span>;
  const str = (v: unknown) => (typeof v === "string" ? v : v === null || v === undefined ? "" : JSON.stringify(v));
  const list = (items: ReactNode[]) => (items.length ? <ul className="list-disc pl-4">{items.map((x, i) => <li key={i}>{x}</li>)}</ul> : empty);
  const rows = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null) : []);
  const render = (field: string, v: unknown): ReactNode => {
    if (v === null || v === undefined || v === "") return empty;
    if (typeof v === "boolean") return v ? t("yes") : t("no");
    if (ENUM_FIELDS[field] && typeof v === "string") return te(`${ENUM_FIELDS[field]}.${v}` as Parameters<typeof te>[0]);
    if (DATE_FIELDS.has(field) && typeof v === "string") return format.dateTime(new Date(v), field === "nextReviewAt" ? { dateStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" });
    if (ID_FIELDS.has(field) && typeof v === "string") return label(`id:${v}`);
    switch (field) {
      case "purposes":
        return list(rows(v).map((p) => `${str(p.description)} – ${rows(p.legalBases).map((b) => label(`LEGAL_BASIS:${str(b.basisCode)}`) + (b.legitimateInterest ? ` (${str(b.legitimateInterest)})` : "")).join(", ")}`));
      case "dataSubjects":
        return list(rows(v).map((s) => label(`DATA_SUBJECT:${str(s.categoryCode)}`)));
      case "dataCategories":
        return list(rows(v).map((c) => [label(`DATA_CATEGORY:${str(c.categoryCode)}`), c.isSpecialCategory ? `(${t("specialCategory")})` : "", c.description ? `– ${str(c.description)}` : "", c.retentionPeriod ? `· ${str(c.retentionPeriod)}` : ""].filter(Boolean).join(" ")));
      case "systems":
      case "jointControllers":
        return list(rows(v).map((x) => str(x.name)));
      case "tomIds":
        return list((Array.isArray(v) ? v : []).map((x) => label(`id:${str(x)}`)));
      default:
        return <span className="whitespace-pre-line">{str(typeof v === "number" ? String(v) : v)}</span>;
    }
  };

  const restoredFrom = typeof query.restored === "string" ? Number(query.restored) : null;
  const ordered = [...data.revisions].sort((a, b) => a.version - b.version);
  const previous = new Map(ordered.map((r, i) => [r.version, i > 0 ? ordered[i - 1] : undefined]));

  return (
    <>
      <nav className="mb-3 text-sm" aria-label={t("backToActivity")}>
        <Link href={`/o/${orgId}/activities/${id}`} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">← {t("backToActivity")}</Link>
      </nav>
      {restoredFrom ? <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800 dark:border-green-900 dark:bg-green-950/50 dark:text-green-200">{t("restored", { version: restoredFrom })}</p> : null}
      <PageHeader eyebrow={data.referenceNumber} title={`${t("title")}: ${data.name}`} description={t("description")} />
      <ol className="flex flex-col gap-4">
        {data.revisions.map((r) => {
          const prev = previous.get(r.version);
          const before = prev ? displayable(prev.snapshot) : null;
          const after = displayable(r.snapshot);
          // Snapshots from before recipients were stored in them have no "recipients": not a change.
          if (before && !("recipients" in before)) delete after.recipients;
          const changes = before ? diff(before, after, { includeRemoved: true, ignore: [] }) : null;
          const restored = r.reason?.match(/^restoredFrom:(\d+)$/);
          const actionKey = (["create", "update", "submit", "release", "draft", "archive", "restore", "review", "revert"] as const).find((a) => a === r.action);
          return (
            <li key={r.version} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
              <article aria-labelledby={`rev-${r.version}`}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <h2 id={`rev-${r.version}`} className="font-semibold">
                      {t("version", { version: r.version })} · {actionKey ? t(`actions.${actionKey}`) : th.has(`childActions.${r.action}` as Parameters<typeof th>[0]) ? th(`childActions.${r.action}` as Parameters<typeof th>[0]) : r.action}
                      {r.version === data.version ? <span className="ml-2 text-xs font-normal text-zinc-600">({t("current")})</span> : null}
                    </h2>
                    <p className="text-sm text-zinc-600 dark:text-zinc-400">
                      <time dateTime={r.createdAt.toISOString()}>{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time> · {t("by", { name: r.authorName })}
                    </p>
                    {restored ? <p className="text-sm">{t("restoredFrom", { version: Number(restored[1]) })}</p> : r.reason ? <p className="text-sm">{t("reason", { reason: r.reason })}</p> : null}
                  </div>
                  {canRestore && !isArchived && r.version !== data.version ? <RestoreRevisionButton orgId={orgId} id={id} version={data.version} revision={r.version} /> : null}
                </div>
                {changes === null ? (
                  <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t("initial")}</p>
                ) : Object.keys(changes).length === 0 ? (
                  <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t("noChanges")}</p>
                ) : (
                  <table className="mt-2 w-full text-left text-sm">
                    <caption className="sr-only">{t("version", { version: r.version })}</caption>
                    <thead className="text-xs text-zinc-600 uppercase dark:text-zinc-400">
                      <tr><th scope="col" className="py-1 pr-3">{t("field")}</th><th scope="col" className="py-1 pr-3">{t("old")}</th><th scope="col" className="py-1">{t("new")}</th></tr>
                    </thead>
                    <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                      {Object.entries(changes).map(([field, c]) => field === "recipients" ? (
                        <tr key={field} className="align-top">
                          <th scope="row" className="py-1 pr-3 font-medium">{th("fields.recipients")}</th>
                          <td colSpan={2} className="py-1 break-words"><ItemChanges list="recipients" items={diffItems(rowList(c.old), rowList(c.new), ROW_IGNORE)} config={RECIPIENT_CONFIG} labels={historyLabels} /></td>
                        </tr>
                      ) : (
                        <tr key={field} className="align-top">
                          <th scope="row" className="py-1 pr-3 font-medium">{fieldName(field)}</th>
                          <td className="py-1 pr-3 break-words"><del className="no-underline">{render(field, c.old)}</del></td>
                          <td className="py-1 break-words"><ins className="no-underline">{render(field, c.new)}</ins></td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </article>
            </li>
          );
        })}
      </ol>
    </>
  );
}
