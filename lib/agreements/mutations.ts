// Transaction bodies of the agreement (AVV) actions; await only `tx.*` (C31). The vendor and every covered
// activity are re-checked to belong to `orgId`; one Revision + one AuditEvent per success, none on failure.
import type { Tx } from "@/lib/db";
import { recordAudit, recordRevision, type Actor } from "@/lib/audit";
import { diff } from "@/lib/domain/diff";
import { toSearchText } from "@/lib/domain/search-text";
import type { DpaCreateInput, DpaUpdateInput } from "@/lib/agreements/schema";
import type { MutationResult } from "@/lib/vendors/mutations";
import { z } from "zod";
import { DpaStatus, TransferMechanism } from "@/prisma/generated/sqlite/enums";
import { restoredFrom, revisionSnapshot, snapBool, snapDate, snapText } from "@/lib/history/revisions";
import type { RevisionRestoreInput } from "@/lib/history/schema";

const NOT_FOUND = { ok: false, error: "not-found" } as const;
const CONFLICT = { ok: false, error: "conflict" } as const;

function dpaData(input: DpaCreateInput) {
  return {
    vendorId: input.vendorId,
    title: input.title,
    status: input.status,
    signedAt: input.signedAt ?? null,
    documentVersion: input.documentVersion ?? null,
    effectiveFrom: input.effectiveFrom ?? null,
    termEndsAt: input.termEndsAt ?? null,
    nextReviewAt: input.nextReviewAt ?? null,
    art28a: input.art28a, art28b: input.art28b, art28c: input.art28c, art28d: input.art28d,
    art28e: input.art28e, art28f: input.art28f, art28g: input.art28g, art28h: input.art28h,
    sccMechanism: input.sccMechanism ?? null,
    documentRef: input.documentRef ?? null,
    documentUrl: input.documentUrl ?? null,
    notes: input.notes ?? null,
  };
}

/** The agreement with its covered activity ids, as stored in a Revision. */
export async function snapshotDpa(tx: Tx, orgId: string, id: string) {
  const row = await tx.dataProcessingAgreement.findFirst({ where: { id, organisationId: orgId }, omit: { searchText: true }, include: { activities: { select: { activityId: true }, orderBy: { activityId: "asc" } } } });
  if (!row) return null;
  const { activities, ...rest } = row;
  return { ...rest, activityIds: activities.map((a) => a.activityId) };
}

/** Vendor (not archived) and activities must be of `orgId`; returns the failing field or null, and the vendor name. */
async function checkReferences(tx: Tx, orgId: string, input: DpaCreateInput): Promise<{ field: string } | { vendorName: string }> {
  const vendor = await tx.vendor.findFirst({ where: { id: input.vendorId, organisationId: orgId, archivedAt: null }, select: { name: true } });
  if (!vendor) return { field: "vendorId" };
  if (input.activityIds.length > 0) {
    const found = await tx.processingActivity.count({ where: { id: { in: input.activityIds }, organisationId: orgId } });
    if (found !== input.activityIds.length) return { field: "activityIds" };
  }
  return { vendorName: vendor.name };
}

export async function createDpaTx(tx: Tx, actor: Actor, orgId: string, input: DpaCreateInput): Promise<MutationResult> {
  const refs = await checkReferences(tx, orgId, input);
  if ("field" in refs) return { ok: false, error: "not-found", field: refs.field };
  const data = dpaData(input);
  const created = await tx.dataProcessingAgreement.create({
    data: {
      ...data, organisationId: orgId, createdById: actor.id, updatedById: actor.id,
      searchText: toSearchText([data.title, refs.vendorName, data.documentRef, data.documentVersion]),
      activities: { createMany: { data: input.activityIds.map((activityId) => ({ activityId })) } },
    },
    select: { id: true },
  });
  const snapshot = await snapshotDpa(tx, orgId, created.id);
  await recordRevision(tx, actor, { entityType: "DataProcessingAgreement", entityId: created.id, organisationId: orgId, version: 1, action: "create", snapshot });
  await recordAudit(tx, actor, { action: "dpa.create", entityType: "DataProcessingAgreement", entityId: created.id, organisationId: orgId, changes: diff({}, { ...data, activityIds: input.activityIds }) });
  return { ok: true, id: created.id };
}

export async function updateDpaTx(tx: Tx, actor: Actor, orgId: string, id: string, input: DpaUpdateInput): Promise<MutationResult> {
  const { version, reason, ...fields } = input;
  const before = await snapshotDpa(tx, orgId, id);
  if (!before || before.archivedAt !== null) return NOT_FOUND;
  const refs = await checkReferences(tx, orgId, fields);
  if ("field" in refs) return { ok: false, error: "not-found", field: refs.field };
  if (before.version !== version) return CONFLICT;
  const data = dpaData(fields);
  const { count } = await tx.dataProcessingAgreement.updateMany({
    where: { id, organisationId: orgId, version },
    data: { ...data, updatedById: actor.id, version: { increment: 1 }, searchText: toSearchText([data.title, refs.vendorName, data.documentRef, data.documentVersion]) },
  });
  if (count === 0) return CONFLICT;
  await tx.dpaActivity.deleteMany({ where: { dpaId: id } });
  if (fields.activityIds.length) await tx.dpaActivity.createMany({ data: fields.activityIds.map((activityId) => ({ dpaId: id, activityId })) });
  const after = await snapshotDpa(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = diff(before, { ...data, activityIds: [...fields.activityIds].sort() });
  await recordRevision(tx, actor, { entityType: "DataProcessingAgreement", entityId: id, organisationId: orgId, version: after.version, action: "update", snapshot: after, changes, reason: reason ?? null });
  await recordAudit(tx, actor, { action: "dpa.update", entityType: "DataProcessingAgreement", entityId: id, organisationId: orgId, changes });
  return { ok: true, id };
}

export async function setDpaArchivedTx(tx: Tx, actor: Actor, orgId: string, id: string, version: number, archived: boolean): Promise<MutationResult> {
  const before = await tx.dataProcessingAgreement.findFirst({ where: { id, organisationId: orgId }, select: { archivedAt: true, version: true } });
  if (!before) return NOT_FOUND;
  if (before.version !== version || (before.archivedAt !== null) === archived) return CONFLICT;
  const archivedAt = archived ? new Date() : null;
  const { count } = await tx.dataProcessingAgreement.updateMany({ where: { id, organisationId: orgId, version }, data: { archivedAt, updatedById: actor.id, version: { increment: 1 } } });
  if (count === 0) return CONFLICT;
  const after = await snapshotDpa(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = { archivedAt: { old: before.archivedAt?.toISOString() ?? null, new: archivedAt?.toISOString() ?? null } };
  const action = archived ? "archive" : "restore";
  await recordRevision(tx, actor, { entityType: "DataProcessingAgreement", entityId: id, organisationId: orgId, version: after.version, action, snapshot: after, changes });
  await recordAudit(tx, actor, { action: `dpa.${action}`, entityType: "DataProcessingAgreement", entityId: id, organisationId: orgId, changes });
  return { ok: true, id };
}

// ───────────────────────────── Restoring a revision (C33) ─────────────────────────────

const storedDpaSchema = z.object({
  vendorId: z.string(), title: z.string().min(1), status: z.enum(DpaStatus), signedAt: snapDate, documentVersion: snapText,
  effectiveFrom: snapDate, termEndsAt: snapDate, nextReviewAt: snapDate,
  art28a: snapBool, art28b: snapBool, art28c: snapBool, art28d: snapBool, art28e: snapBool, art28f: snapBool, art28g: snapBool, art28h: snapBool,
  sccMechanism: z.enum(TransferMechanism).nullish().transform((v) => v ?? null), documentRef: snapText, documentUrl: snapText, notes: snapText,
  activityIds: z.array(z.string()).default([]),
});

/**
 * Brings back the content of revision `input.revision` (fields and covered activities) as a new revision (action
 * "revert", audit "dpa.revert"). Covered activities no longer in the organisation are left out; a vendor no
 * longer in the organisation refuses the restore ("not-found" on vendorId).
 */
export async function restoreDpaRevisionTx(tx: Tx, actor: Actor, orgId: string, id: string, input: RevisionRestoreInput): Promise<MutationResult> {
  const before = await snapshotDpa(tx, orgId, id);
  if (!before || before.archivedAt !== null) return NOT_FOUND;
  const stored = storedDpaSchema.safeParse(await revisionSnapshot(tx, "DataProcessingAgreement", orgId, id, input.revision));
  if (!stored.success) return NOT_FOUND;
  const { activityIds: storedActivityIds, ...data } = stored.data;
  const vendor = await tx.vendor.findFirst({ where: { id: data.vendorId, organisationId: orgId }, select: { name: true } });
  if (!vendor) return { ok: false, error: "not-found", field: "vendorId" };
  const activityIds = storedActivityIds.length
    ? (await tx.processingActivity.findMany({ where: { id: { in: storedActivityIds }, organisationId: orgId }, select: { id: true }, orderBy: { id: "asc" } })).map((a) => a.id)
    : [];
  if (before.version !== input.version) return CONFLICT;
  const { count } = await tx.dataProcessingAgreement.updateMany({
    where: { id, organisationId: orgId, version: input.version },
    data: { ...data, updatedById: actor.id, version: { increment: 1 }, searchText: toSearchText([data.title, vendor.name, data.documentRef, data.documentVersion]) },
  });
  if (count === 0) return CONFLICT;
  await tx.dpaActivity.deleteMany({ where: { dpaId: id } });
  if (activityIds.length) await tx.dpaActivity.createMany({ data: activityIds.map((activityId) => ({ dpaId: id, activityId })) });
  const after = await snapshotDpa(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = { ...diff(before, after, { ignore: ["updatedAt", "version", "updatedById"] }), ...restoredFrom(input.revision) };
  await recordRevision(tx, actor, { entityType: "DataProcessingAgreement", entityId: id, organisationId: orgId, version: after.version, action: "revert", snapshot: after, changes, reason: input.reason });
  await recordAudit(tx, actor, { action: "dpa.revert", entityType: "DataProcessingAgreement", entityId: id, organisationId: orgId, changes });
  return { ok: true, id };
}
