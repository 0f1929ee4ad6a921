// Canonical snapshot of a processing activity for revisions, and writing content back (save and restore).
// Every function runs inside the caller's transaction and awaits only `tx.*` (C31).
import type { Tx } from "@/lib/db";
import { toSearchText } from "@/lib/domain/search-text";
import { canonicalContent, type ActivityContent } from "@/lib/activities/schema";
import type { ActivityStatus } from "@/prisma/generated/sqlite/enums";

/** Workflow state stored next to the content in each revision. */
export type ActivityState = {
  status: ActivityStatus;
  lastReviewedAt: string | null;
  releasedAt: string | null;
  releasedById: string | null;
  archivedAt: string | null;
  copiedFromId: string | null;
};

export type ActivitySnapshot = ActivityContent & ActivityState;

/** The row facts the mutations need besides the snapshot. */
export type ActivityRowMeta = { version: number; organisationId: string; updatedById: string | null; updatedAt: Date };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

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
    },
    meta: { version: a.version, organisationId: a.organisationId, updatedById: a.updatedById, updatedAt: a.updatedAt },
  };
}

const STATE_KEYS = ["status", "lastReviewedAt", "releasedAt", "releasedById", "archivedAt", "copiedFromId"] as const satisfies readonly (keyof ActivityState)[];

/** The content part of a snapshot (what an edit or a restore writes). */
export function contentOf(s: ActivitySnapshot): ActivityContent {
  const content: Partial<ActivitySnapshot> = { ...s };
  for (const key of STATE_KEYS) delete content[key];
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
