// Canonical snapshot of a processing activity for revisions, and writing content back (save and restore).
// Every function runs inside the caller's transaction and awaits only `tx.*` (C31).
import { z } from "zod";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/audit";
import { isJsonEqual } from "@/lib/domain/diff";
import { toSearchText } from "@/lib/domain/search-text";
import { canonicalContent, type ActivityContent } from "@/lib/activities/schema";
import type { ActivityStatus, RecipientKind, RecipientRole, TransferAccess, TransferMechanism } from "@/prisma/generated/sqlite/enums";

/** Workflow state stored next to the content in each revision. */
export type ActivityState = {
  status: ActivityStatus;
  lastReviewedAt: string | null;
  releasedAt: string | null;
  releasedById: string | null;
  archivedAt: string | null;
  copiedFromId: string | null;
};

/**
 * A transfer of a recipient as stored in the activity snapshot: every Transfer column under its Prisma name,
 * dates as ISO strings. Archived transfers are included (archivedAt set), so the register as of a past date
 * can be rebuilt from `recipients[].transfers[]`.
 */
export type TransferSnapshot = {
  id: string; organisationId: string; recipientId: string; destinationCountry: string | null; internationalOrganisation: string | null;
  access: TransferAccess; viaVendorId: string | null; mechanism: TransferMechanism; mechanismNote: string | null;
  contractConcludedAt: string | null; isRegular: boolean; importerSubjectToGdpr: boolean; art49Assessment: string | null;
  saInformedAt: string | null; tiaId: string | null; tiaReference: string | null; tiaDate: string | null;
  supplementaryMeasures: string | null; evidenceUrl: string | null; note: string | null; version: number;
  archivedAt: string | null; createdAt: string; updatedAt: string; createdById: string | null; updatedById: string | null;
};

/** A recipient with every Recipient column, the codes of the data categories disclosed to it, and all its transfers. */
export type RecipientSnapshot = {
  id: string; organisationId: string; activityId: string; kind: RecipientKind; vendorId: string | null; departmentId: string | null;
  categoryCode: string | null; role: RecipientRole; service: string | null; version: number; createdAt: string; updatedAt: string;
  dataCategoryCodes: string[];
  transfers: TransferSnapshot[];
};

export type ActivitySnapshot = ActivityContent & ActivityState & { recipients: RecipientSnapshot[] };

/** The row facts the mutations need besides the snapshot. */
export type ActivityRowMeta = { version: number; organisationId: string; updatedById: string | null; updatedAt: Date };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Recipients (oldest first) with their transfers (oldest first, archived ones included) in snapshot form. */
async function loadRecipientSnapshots(tx: Tx, activityId: string): Promise<RecipientSnapshot[]> {
  const rows = await tx.recipient.findMany({
    where: { activityId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true, organisationId: true, activityId: true, kind: true, vendorId: true, departmentId: true, categoryCode: true, role: true,
      service: true, version: true, createdAt: true, updatedAt: true,
      dataCategories: { select: { dataCategory: { select: { categoryCode: true } } } },
      transfers: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  return rows.map(({ dataCategories, transfers, ...r }) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    dataCategoryCodes: dataCategories.map((d) => d.dataCategory.categoryCode).sort(),
    transfers: transfers.map((t) => ({
      id: t.id, organisationId: t.organisationId, recipientId: t.recipientId, destinationCountry: t.destinationCountry,
      internationalOrganisation: t.internationalOrganisation, access: t.access, viaVendorId: t.viaVendorId, mechanism: t.mechanism,
      mechanismNote: t.mechanismNote, contractConcludedAt: iso(t.contractConcludedAt), isRegular: t.isRegular,
      importerSubjectToGdpr: t.importerSubjectToGdpr, art49Assessment: t.art49Assessment, saInformedAt: iso(t.saInformedAt), tiaId: t.tiaId,
      tiaReference: t.tiaReference, tiaDate: iso(t.tiaDate), supplementaryMeasures: t.supplementaryMeasures, evidenceUrl: t.evidenceUrl,
      note: t.note, version: t.version, archivedAt: iso(t.archivedAt), createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(),
      createdById: t.createdById, updatedById: t.updatedById,
    })),
  }));
}

/** Loads the activity (scoped to the organisation) and returns its canonical snapshot, or null. */
export async function loadActivitySnapshot(tx: Tx, orgId: string, id: string): Promise<{ snapshot: ActivitySnapshot; meta: ActivityRowMeta } | null> {
  const a = await tx.processingActivity.findFirst({
    where: { id, organisationId: orgId },
    select: {
      referenceNumber: true, name: true, description: true, departmentId: true, contactName: true, contactEmail: true, contactPhone: true,
      role: true, clientVendorId: true, jointArrangement: true, processingCategories: true, operatingStage: true, dataSources: true,
      estimatedDataSubjects: true, automatedDecisionMaking: true, profiling: true, informationProvided: true, generalTomDescription: true,
      noThirdCountryTransfer: true, dpiaDecision: true, dpiaDecisionReason: true, dpiaStatus: true, dpiaReference: true,
      reviewIntervalMonths: true, nextReviewAt: true, status: true, lastReviewedAt: true, releasedAt: true, releasedById: true,
      archivedAt: true, copiedFromId: true, version: true, organisationId: true, updatedById: true, updatedAt: true,
      purposes: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { description: true, legalBases: { select: { basisCode: true, note: true, legitimateInterest: true, liaReference: true } } },
      },
      dataSubjects: { select: { categoryCode: true, note: true } },
      dataCategories: {
        select: {
          categoryCode: true, description: true, isSpecialCategory: true, retentionPeriod: true, retentionMonths: true,
          retentionStartCode: true, retentionLegalRef: true, sourceCode: true,
        },
      },
      systems: { select: { name: true, vendorId: true, location: true, note: true } },
      jointControllers: { select: { name: true, vendorId: true, contact: true, arrangementRef: true, responsibilities: true } },
      toms: { select: { tomId: true } },
    },
  });
  if (!a) return null;
  const recipients = await loadRecipientSnapshots(tx, id);
  const content = canonicalContent({
    referenceNumber: a.referenceNumber,
    name: a.name,
    description: a.description,
    departmentId: a.departmentId,
    contactName: a.contactName,
    contactEmail: a.contactEmail,
    contactPhone: a.contactPhone,
    role: a.role,
    clientVendorId: a.clientVendorId,
    jointArrangement: a.jointArrangement,
    processingCategories: a.processingCategories,
    operatingStage: a.operatingStage,
    dataSources: a.dataSources,
    estimatedDataSubjects: a.estimatedDataSubjects,
    automatedDecisionMaking: a.automatedDecisionMaking,
    profiling: a.profiling,
    informationProvided: a.informationProvided,
    generalTomDescription: a.generalTomDescription,
    noThirdCountryTransfer: a.noThirdCountryTransfer,
    dpiaDecision: a.dpiaDecision,
    dpiaDecisionReason: a.dpiaDecisionReason,
    dpiaStatus: a.dpiaStatus,
    dpiaReference: a.dpiaReference,
    reviewIntervalMonths: a.reviewIntervalMonths,
    nextReviewAt: iso(a.nextReviewAt),
    purposes: a.purposes,
    dataSubjects: a.dataSubjects,
    dataCategories: a.dataCategories,
    systems: a.systems,
    jointControllers: a.jointControllers,
    tomIds: a.toms.map((t) => t.tomId),
  });
  return {
    snapshot: {
      ...content,
      status: a.status,
      lastReviewedAt: iso(a.lastReviewedAt),
      releasedAt: iso(a.releasedAt),
      releasedById: a.releasedById,
      archivedAt: iso(a.archivedAt),
      copiedFromId: a.copiedFromId,
      recipients,
    },
    meta: { version: a.version, organisationId: a.organisationId, updatedById: a.updatedById, updatedAt: a.updatedAt },
  };
}

const STATE_KEYS = ["status", "lastReviewedAt", "releasedAt", "releasedById", "archivedAt", "copiedFromId"] as const satisfies readonly (keyof ActivityState)[];

/** The content part of a snapshot (what an edit or a restore writes); recipients are written by their own forms. */
export function contentOf(s: ActivitySnapshot): ActivityContent {
  const content: Partial<ActivitySnapshot> = { ...s };
  for (const key of STATE_KEYS) delete content[key];
  delete content.recipients;
  return content as ActivityContent;
}

/** Scalar columns of the content. */
export function contentColumns(c: ActivityContent) {
  return {
    referenceNumber: c.referenceNumber,
    name: c.name,
    description: c.description,
    departmentId: c.departmentId,
    contactName: c.contactName,
    contactEmail: c.contactEmail,
    contactPhone: c.contactPhone,
    role: c.role,
    clientVendorId: c.clientVendorId,
    jointArrangement: c.jointArrangement,
    processingCategories: c.processingCategories,
    operatingStage: c.operatingStage,
    dataSources: c.dataSources,
    estimatedDataSubjects: c.estimatedDataSubjects,
    automatedDecisionMaking: c.automatedDecisionMaking,
    profiling: c.profiling,
    informationProvided: c.informationProvided,
    generalTomDescription: c.generalTomDescription,
    noThirdCountryTransfer: c.noThirdCountryTransfer,
    dpiaDecision: c.dpiaDecision,
    dpiaDecisionReason: c.dpiaDecisionReason,
    dpiaStatus: c.dpiaStatus,
    dpiaReference: c.dpiaReference,
    reviewIntervalMonths: c.reviewIntervalMonths,
    nextReviewAt: c.nextReviewAt ? new Date(c.nextReviewAt) : null,
  };
}

/**
 * Replaces the children of an activity with those of `c`. Data categories and data subjects are matched by
 * code (updated in place), so a recipient's disclosed categories survive an edit; the other children are
 * rewritten.
 */
export async function writeActivityChildren(tx: Tx, activityId: string, c: ActivityContent): Promise<void> {
  await tx.purpose.deleteMany({ where: { activityId } });
  for (const [position, p] of c.purposes.entries()) {
    await tx.purpose.create({
      data: { activityId, position, description: p.description, legalBases: { createMany: { data: p.legalBases } } },
      select: { id: true },
    });
  }

  const subjectCodes = c.dataSubjects.map((s) => s.categoryCode);
  await tx.activityDataSubject.deleteMany({ where: { activityId, categoryCode: { notIn: subjectCodes } } });
  for (const s of c.dataSubjects) {
    await tx.activityDataSubject.upsert({
      where: { activityId_categoryCode: { activityId, categoryCode: s.categoryCode } },
      create: { activityId, categoryCode: s.categoryCode, note: s.note },
      update: { note: s.note },
      select: { id: true },
    });
  }

  const categoryCodes = c.dataCategories.map((d) => d.categoryCode);
  await tx.activityDataCategory.deleteMany({ where: { activityId, categoryCode: { notIn: categoryCodes } } });
  for (const d of c.dataCategories) {
    await tx.activityDataCategory.upsert({
      where: { activityId_categoryCode: { activityId, categoryCode: d.categoryCode } },
      create: { activityId, ...d },
      update: d,
      select: { id: true },
    });
  }

  await tx.activitySystem.deleteMany({ where: { activityId } });
  if (c.systems.length) await tx.activitySystem.createMany({ data: c.systems.map((s) => ({ activityId, ...s })) });
  await tx.jointController.deleteMany({ where: { activityId } });
  if (c.jointControllers.length) await tx.jointController.createMany({ data: c.jointControllers.map((j) => ({ activityId, ...j })) });
  await tx.activityTom.deleteMany({ where: { activityId } });
  if (c.tomIds.length) await tx.activityTom.createMany({ data: c.tomIds.map((tomId) => ({ activityId, tomId })) });
}

/**
 * The register search text of an activity: its content plus vocabulary labels, recipient vendor names and
 * transfer destinations. Reads inside the transaction; the normalisation itself is pure.
 */
export async function activitySearchText(tx: Tx, orgId: string, activityId: string | null, c: ActivityContent): Promise<string> {
  const codes = [...c.purposes.flatMap((p) => p.legalBases.map((b) => b.basisCode)), ...c.dataCategories.map((d) => d.categoryCode), ...c.dataSubjects.map((s) => s.categoryCode)];
  const terms = codes.length
    ? await tx.vocabularyTerm.findMany({ where: { code: { in: [...new Set(codes)] }, OR: [{ organisationId: null }, { organisationId: orgId }] }, select: { labelDe: true, labelEn: true } })
    : [];
  const recipients = activityId
    ? await tx.recipient.findMany({
        where: { activityId },
        select: { service: true, vendor: { select: { name: true } }, transfers: { where: { archivedAt: null }, select: { destinationCountry: true, internationalOrganisation: true } } },
      })
    : [];
  const systemVendors = c.systems.some((s) => s.vendorId)
    ? await tx.vendor.findMany({ where: { id: { in: c.systems.flatMap((s) => (s.vendorId ? [s.vendorId] : [])) } }, select: { name: true } })
    : [];
  return toSearchText([
    c.referenceNumber,
    c.name,
    c.description,
    c.purposes.map((p) => p.description),
    c.dataCategories.map((d) => [d.categoryCode, d.description]),
    terms.map((t) => [t.labelDe, t.labelEn]),
    c.systems.map((s) => s.name),
    systemVendors.map((v) => v.name),
    recipients.map((r) => [r.vendor?.name, r.service, r.transfers.map((t) => [t.destinationCountry, t.internationalOrganisation])]),
  ]);
}

// ───────────────────────────── Restoring recipients and transfers ─────────────────────────────

const nstr = z.string().nullable().default(null);
const transferSnapshotSchema = z.object({
  id: z.string(), organisationId: z.string(), recipientId: z.string(), destinationCountry: nstr, internationalOrganisation: nstr,
  access: z.enum(["STORAGE", "REMOTE_ACCESS", "BOTH"]).catch("STORAGE"), viaVendorId: nstr, mechanism: z.string(), mechanismNote: nstr,
  contractConcludedAt: nstr, isRegular: z.boolean(), importerSubjectToGdpr: z.boolean().default(false), art49Assessment: nstr,
  saInformedAt: nstr, tiaId: nstr, tiaReference: nstr, tiaDate: nstr, supplementaryMeasures: nstr, evidenceUrl: nstr, note: nstr,
  version: z.number().int(), archivedAt: nstr, createdAt: z.string(), updatedAt: z.string(), createdById: nstr, updatedById: nstr,
});
const recipientSnapshotSchema = z.object({
  id: z.string(), organisationId: z.string(), activityId: z.string(), kind: z.string(), vendorId: nstr, departmentId: nstr,
  categoryCode: nstr, role: z.string(), service: nstr, version: z.number().int(), createdAt: z.string(), updatedAt: z.string(),
  dataCategoryCodes: z.array(z.string()).default([]),
  transfers: z.array(transferSnapshotSchema).default([]),
});

/**
 * The recipients of a stored activity snapshot, or null when the snapshot predates recipients in snapshots
 * (revisions written before issue 3) or cannot be read: then a restore leaves recipients and transfers as they are.
 */
export function recipientsFromSnapshotJson(json: unknown): RecipientSnapshot[] | null {
  const raw = json && typeof json === "object" ? (json as Record<string, unknown>).recipients : undefined;
  if (!Array.isArray(raw)) return null;
  const parsed = z.array(recipientSnapshotSchema).safeParse(raw);
  return parsed.success ? (parsed.data as RecipientSnapshot[]) : null;
}

const date = (v: string | null) => (v ? new Date(v) : null);

/** The writable columns of a transfer snapshot (what a restore compares and writes). */
const transferColumnsOf = (t: TransferSnapshot) => ({
  destinationCountry: t.destinationCountry, internationalOrganisation: t.internationalOrganisation, access: t.access, viaVendorId: t.viaVendorId,
  mechanism: t.mechanism, mechanismNote: t.mechanismNote, contractConcludedAt: date(t.contractConcludedAt), isRegular: t.isRegular,
  importerSubjectToGdpr: t.importerSubjectToGdpr, art49Assessment: t.art49Assessment, saInformedAt: date(t.saInformedAt), tiaId: t.tiaId,
  tiaReference: t.tiaReference, tiaDate: date(t.tiaDate), supplementaryMeasures: t.supplementaryMeasures, evidenceUrl: t.evidenceUrl, note: t.note,
  archivedAt: date(t.archivedAt),
});

const sameJson = isJsonEqual;

/**
 * Brings the recipients and transfers of an activity back to `target` (from an older snapshot), inside the
 * caller's transaction (awaits only `tx.*`, C31):
 * - recipients of `target` are updated in place or re-created under their old id; their disclosed data
 *   categories are matched by code to the activity's current data categories;
 * - transfers of `target` are updated in place (archivedAt included, so an archived transfer comes back) or
 *   re-created under their old id; a transfer that exists now but not in `target` is ARCHIVED, never deleted;
 * - a recipient that exists now but not in `target` is removed like "remove recipient" does (Recipient has no
 *   archivedAt; its full state incl. transfers stays in the revision written before and in the audit event);
 * - links to master data that no longer exists in the organisation (vendor, department, TIA, country) are
 *   cleared instead of failing the restore.
 * Refreshes the activity's search text afterwards (from `content`). Version checks are the caller's (the activity row).
 */
export async function restoreActivityRecipients(tx: Tx, actor: Actor, orgId: string, activityId: string, target: RecipientSnapshot[], content: ActivityContent, at: Date): Promise<void> {
  const current = await tx.recipient.findMany({ where: { activityId, organisationId: orgId }, select: { id: true } });
  const targetIds = new Set(target.map((r) => r.id));
  for (const r of current) if (!targetIds.has(r.id)) await tx.recipient.delete({ where: { id: r.id } });

  const ids = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];
  const allTransfers = target.flatMap((r) => r.transfers);
  const vendors = new Set((await tx.vendor.findMany({ where: { organisationId: orgId, id: { in: ids([...target.map((r) => r.vendorId), ...allTransfers.map((t) => t.viaVendorId)]) } }, select: { id: true } })).map((v) => v.id));
  const departments = new Set((await tx.department.findMany({ where: { organisationId: orgId, id: { in: ids(target.map((r) => r.departmentId)) } }, select: { id: true } })).map((d) => d.id));
  const tias = new Set((await tx.transferImpactAssessment.findMany({ where: { organisationId: orgId, id: { in: ids(allTransfers.map((t) => t.tiaId)) } }, select: { id: true } })).map((t) => t.id));
  const countries = new Set((await tx.country.findMany({ where: { code: { in: ids(allTransfers.map((t) => t.destinationCountry)) } }, select: { code: true } })).map((c) => c.code));
  const categories = new Map((await tx.activityDataCategory.findMany({ where: { activityId }, select: { id: true, categoryCode: true } })).map((c) => [c.categoryCode, c.id]));
  const keep = (set: Set<string>, v: string | null) => (v !== null && set.has(v) ? v : null);

  for (const r of target) {
    const columns = {
      kind: r.kind as RecipientKind, vendorId: keep(vendors, r.vendorId), departmentId: keep(departments, r.departmentId),
      categoryCode: r.categoryCode, role: r.role as RecipientRole, service: r.service,
    };
    const existing = await tx.recipient.findFirst({ where: { id: r.id }, select: { activityId: true, organisationId: true, kind: true, vendorId: true, departmentId: true, categoryCode: true, role: true, service: true } });
    if (existing && (existing.activityId !== activityId || existing.organisationId !== orgId)) continue; // never touch another entry's row
    if (!existing) {
      await tx.recipient.create({ data: { id: r.id, organisationId: orgId, activityId, ...columns, createdAt: new Date(r.createdAt) }, select: { id: true } });
    } else {
      const now = { kind: existing.kind, vendorId: existing.vendorId, departmentId: existing.departmentId, categoryCode: existing.categoryCode, role: existing.role, service: existing.service };
      if (!sameJson(now, columns)) await tx.recipient.update({ where: { id: r.id }, data: { ...columns, version: { increment: 1 } }, select: { id: true } });
    }
    const dataCategoryIds = ids(r.dataCategoryCodes.map((code) => categories.get(code) ?? null));
    await tx.recipientDataCategory.deleteMany({ where: { recipientId: r.id } });
    if (dataCategoryIds.length) await tx.recipientDataCategory.createMany({ data: dataCategoryIds.map((dataCategoryId) => ({ recipientId: r.id, dataCategoryId })) });

    const wanted = new Set(r.transfers.map((t) => t.id));
    const stale = await tx.transfer.findMany({ where: { recipientId: r.id, archivedAt: null, id: { notIn: [...wanted] } }, select: { id: true } });
    for (const t of stale) await tx.transfer.update({ where: { id: t.id }, data: { archivedAt: at, updatedById: actor.id, version: { increment: 1 } }, select: { id: true } });

    for (const t of r.transfers) {
      const data = {
        ...transferColumnsOf(t),
        mechanism: t.mechanism as TransferMechanism,
        destinationCountry: keep(countries, t.destinationCountry), viaVendorId: keep(vendors, t.viaVendorId), tiaId: keep(tias, t.tiaId),
      };
      const row = await tx.transfer.findFirst({ where: { id: t.id }, omit: { createdAt: true, updatedAt: true, createdById: true, updatedById: true, version: true } });
      if (row && row.organisationId !== orgId) continue;
      if (!row) {
        await tx.transfer.create({ data: { id: t.id, organisationId: orgId, recipientId: r.id, ...data, createdAt: new Date(t.createdAt), createdById: t.createdById, updatedById: actor.id }, select: { id: true } });
        continue;
      }
      if (!sameJson({ ...row, id: null, organisationId: null }, { id: null, organisationId: null, recipientId: r.id, ...data })) {
        await tx.transfer.update({ where: { id: t.id }, data: { recipientId: r.id, ...data, updatedById: actor.id, version: { increment: 1 } }, select: { id: true } });
      }
    }
  }
  // The search text names recipient vendors and transfer destinations: recompute it for the restored state.
  const searchText = await activitySearchText(tx, orgId, activityId, content);
  await tx.processingActivity.updateMany({ where: { id: activityId, organisationId: orgId }, data: { searchText } });
}
