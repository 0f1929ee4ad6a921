// Transaction bodies for an activity's recipients and transfers; await only `tx.*` (C31).
// Recipients and transfers are children of the activity: every change re-checks that the activity, the
// vendor, department, data categories, country, sub-processor and TIA belong to `orgId` (else "not-found"),
// increments the ACTIVITY's version (optimistic, updateMany where {id, version}), sends a released activity
// back to review (statusAfterEdit), refreshes its search text, and writes one Revision of the activity
// (entityType "Activity", snapshot from lib/activities/snapshot.ts, the child change in `changes`) and one
// AuditEvent. A failure writes neither.
import type { Tx } from "@/lib/db";
import { recordAudit, recordRevision, type Actor } from "@/lib/audit";
import { ENTITY_TYPE } from "@/lib/activities/mutations";
import { activitySearchText, contentOf, loadActivitySnapshot } from "@/lib/activities/snapshot";
import { toJsonValue } from "@/lib/domain/diff";
import { statusAfterEdit } from "@/lib/domain/workflow";
import type { RecipientCreateInput, RecipientUpdateInput, TransferCreateInput, TransferUpdateInput } from "@/lib/recipients/schema";

export type ChildResult = { ok: true; id: string } | { ok: false; error: "not-found" | "conflict" | "archived"; field?: string };

type Change = { ok: true; id: string; changes: Record<string, unknown> } | { ok: false; error: "not-found" | "conflict"; field?: string };

/** Runs `change` on the activity's children and records it on the activity (version, status, search text, revision, audit). */
async function onActivity(tx: Tx, actor: Actor, orgId: string, activityId: string, action: string, change: () => Promise<Change>): Promise<ChildResult> {
  const before = await loadActivitySnapshot(tx, orgId, activityId);
  if (!before) return { ok: false, error: "not-found" };
  const next = statusAfterEdit(before.snapshot.status);
  if (!next.ok || before.snapshot.archivedAt !== null) return { ok: false, error: "archived" };
  const outcome = await change();
  if (!outcome.ok) return outcome;
  const searchText = await activitySearchText(tx, orgId, activityId, contentOf(before.snapshot));
  const { count } = await tx.processingActivity.updateMany({
    where: { id: activityId, organisationId: orgId, version: before.meta.version },
    data: { status: next.status, searchText, updatedById: actor.id, version: { increment: 1 } },
  });
  if (count === 0) throw new ActivityConflict();
  const after = await loadActivitySnapshot(tx, orgId, activityId);
  if (!after) return { ok: false, error: "not-found" };
  const changes = { ...outcome.changes, ...(before.snapshot.status !== after.snapshot.status ? { status: { old: before.snapshot.status, new: after.snapshot.status } } : {}) };
  await recordRevision(tx, actor, { entityType: ENTITY_TYPE, entityId: activityId, organisationId: orgId, version: after.meta.version, action, snapshot: after.snapshot, changes });
  await recordAudit(tx, actor, { action: `activity.${action}`, entityType: ENTITY_TYPE, entityId: activityId, organisationId: orgId, changes });
  return { ok: true, id: outcome.id };
}

/** Thrown when the activity changed between read and write: rolls back the child change (caller maps to "conflict"). */
export class ActivityConflict extends Error {
  constructor() { super("activity version changed"); }
}

async function checkRecipientRefs(tx: Tx, orgId: string, activityId: string, input: RecipientCreateInput): Promise<string | null> {
  if (input.kind === "VENDOR") {
    if (!input.vendorId || !(await tx.vendor.findFirst({ where: { id: input.vendorId, organisationId: orgId, archivedAt: null }, select: { id: true } }))) return "vendorId";
  } else if (input.kind === "INTERNAL") {
    if (!input.departmentId || !(await tx.department.findFirst({ where: { id: input.departmentId, organisationId: orgId, archivedAt: null }, select: { id: true } }))) return "departmentId";
  } else if (!input.categoryCode || !(await tx.vocabularyTerm.findFirst({ where: { kind: "RECIPIENT_CATEGORY", code: input.categoryCode, archivedAt: null, OR: [{ organisationId: null }, { organisationId: orgId }] }, select: { id: true } }))) {
    return "categoryCode";
  }
  if (input.dataCategoryIds.length > 0) {
    const found = await tx.activityDataCategory.count({ where: { id: { in: input.dataCategoryIds }, activityId } });
    if (found !== input.dataCategoryIds.length) return "dataCategoryIds";
  }
  return null;
}

const recipientColumns = (input: RecipientCreateInput) => ({
  kind: input.kind,
  vendorId: input.kind === "VENDOR" ? (input.vendorId ?? null) : null,
  departmentId: input.kind === "INTERNAL" ? (input.departmentId ?? null) : null,
  categoryCode: input.kind === "CATEGORY" ? (input.categoryCode ?? null) : null,
  role: input.role,
  service: input.service ?? null,
});

async function recipientState(tx: Tx, id: string) {
  const r = await tx.recipient.findUnique({ where: { id }, select: { id: true, kind: true, vendorId: true, departmentId: true, categoryCode: true, role: true, service: true, version: true, dataCategories: { select: { dataCategoryId: true }, orderBy: { dataCategoryId: "asc" } } } });
  return r ? { ...r, dataCategories: r.dataCategories.map((d) => d.dataCategoryId) } : null;
}

export function addRecipientTx(tx: Tx, actor: Actor, orgId: string, activityId: string, input: RecipientCreateInput): Promise<ChildResult> {
  return onActivity(tx, actor, orgId, activityId, "recipient.add", async () => {
    const bad = await checkRecipientRefs(tx, orgId, activityId, input);
    if (bad) return { ok: false, error: "not-found", field: bad };
    const created = await tx.recipient.create({
      data: { ...recipientColumns(input), organisationId: orgId, activityId, dataCategories: { createMany: { data: input.dataCategoryIds.map((dataCategoryId) => ({ dataCategoryId })) } } },
      select: { id: true },
    });
    return { ok: true, id: created.id, changes: { recipient: { old: null, new: toJsonValue(await recipientState(tx, created.id)) } } };
  });
}

export function updateRecipientTx(tx: Tx, actor: Actor, orgId: string, activityId: string, input: RecipientUpdateInput): Promise<ChildResult> {
  const { recipientId, version, ...fields } = input;
  return onActivity(tx, actor, orgId, activityId, "recipient.update", async () => {
    const before = await tx.recipient.findFirst({ where: { id: recipientId, activityId, organisationId: orgId }, select: { id: true } });
    if (!before) return { ok: false, error: "not-found" };
    const bad = await checkRecipientRefs(tx, orgId, activityId, fields);
    if (bad) return { ok: false, error: "not-found", field: bad };
    const old = await recipientState(tx, recipientId);
    const { count } = await tx.recipient.updateMany({ where: { id: recipientId, version }, data: { ...recipientColumns(fields), version: { increment: 1 } } });
    if (count === 0) return { ok: false, error: "conflict" };
    await tx.recipientDataCategory.deleteMany({ where: { recipientId } });
    if (fields.dataCategoryIds.length) await tx.recipientDataCategory.createMany({ data: fields.dataCategoryIds.map((dataCategoryId) => ({ recipientId, dataCategoryId })) });
    return { ok: true, id: recipientId, changes: { recipient: { old: toJsonValue(old), new: toJsonValue(await recipientState(tx, recipientId)) } } };
  });
}

/** Removes a recipient with its transfers (children of the activity; the old state stays in the revision and audit event). */
export function removeRecipientTx(tx: Tx, actor: Actor, orgId: string, activityId: string, recipientId: string): Promise<ChildResult> {
  return onActivity(tx, actor, orgId, activityId, "recipient.remove", async () => {
    const old = await tx.recipient.findFirst({ where: { id: recipientId, activityId, organisationId: orgId }, select: { id: true } });
    if (!old) return { ok: false, error: "not-found" };
    const state = await recipientState(tx, recipientId);
    const transfers = await tx.transfer.findMany({ where: { recipientId }, omit: { createdAt: true, updatedAt: true } });
    await tx.recipient.delete({ where: { id: recipientId } });
    return { ok: true, id: recipientId, changes: { recipient: { old: toJsonValue({ ...state, transfers }), new: null } } };
  });
}

async function checkTransferRefs(tx: Tx, orgId: string, input: TransferCreateInput | Omit<TransferUpdateInput, "transferId" | "version">): Promise<string | null> {
  if (input.destinationCountry && (await tx.country.count({ where: { code: input.destinationCountry } })) !== 1) return "destinationCountry";
  if (input.viaVendorId && !(await tx.vendor.findFirst({ where: { id: input.viaVendorId, organisationId: orgId }, select: { id: true } }))) return "viaVendorId";
  if (input.tiaId && !(await tx.transferImpactAssessment.findFirst({ where: { id: input.tiaId, organisationId: orgId }, select: { id: true } }))) return "tiaId";
  return null;
}

const transferColumns = (input: Omit<TransferUpdateInput, "transferId" | "version">) => ({
  destinationCountry: input.destinationCountry ?? null,
  internationalOrganisation: input.internationalOrganisation ?? null,
  access: input.access,
  viaVendorId: input.viaVendorId ?? null,
  mechanism: input.mechanism,
  mechanismNote: input.mechanismNote ?? null,
  contractConcludedAt: input.contractConcludedAt ?? null,
  isRegular: input.isRegular,
  importerSubjectToGdpr: input.importerSubjectToGdpr,
  art49Assessment: input.art49Assessment ?? null,
  saInformedAt: input.saInformedAt ?? null,
  tiaId: input.tiaId ?? null,
  tiaReference: input.tiaReference ?? null,
  tiaDate: input.tiaDate ?? null,
  supplementaryMeasures: input.supplementaryMeasures ?? null,
  evidenceUrl: input.evidenceUrl ?? null,
  note: input.note ?? null,
});

const transferState = (tx: Tx, id: string) => tx.transfer.findUnique({ where: { id }, omit: { createdAt: true, updatedAt: true } });

export function addTransferTx(tx: Tx, actor: Actor, orgId: string, activityId: string, input: TransferCreateInput): Promise<ChildResult> {
  const { recipientId, ...fields } = input;
  return onActivity(tx, actor, orgId, activityId, "transfer.add", async () => {
    const recipient = await tx.recipient.findFirst({ where: { id: recipientId, activityId, organisationId: orgId }, select: { id: true } });
    if (!recipient) return { ok: false, error: "not-found", field: "recipientId" };
    const bad = await checkTransferRefs(tx, orgId, fields);
    if (bad) return { ok: false, error: "not-found", field: bad };
    const created = await tx.transfer.create({ data: { ...transferColumns(fields), organisationId: orgId, recipientId, createdById: actor.id, updatedById: actor.id }, select: { id: true } });
    return { ok: true, id: created.id, changes: { transfer: { old: null, new: toJsonValue(await transferState(tx, created.id)) } } };
  });
}

export function updateTransferTx(tx: Tx, actor: Actor, orgId: string, activityId: string, input: TransferUpdateInput): Promise<ChildResult> {
  const { transferId, version, ...fields } = input;
  return onActivity(tx, actor, orgId, activityId, "transfer.update", async () => {
    const old = await tx.transfer.findFirst({ where: { id: transferId, organisationId: orgId, archivedAt: null, recipient: { activityId } }, omit: { createdAt: true, updatedAt: true } });
    if (!old) return { ok: false, error: "not-found" };
    const bad = await checkTransferRefs(tx, orgId, fields);
    if (bad) return { ok: false, error: "not-found", field: bad };
    const { count } = await tx.transfer.updateMany({ where: { id: transferId, version }, data: { ...transferColumns(fields), updatedById: actor.id, version: { increment: 1 } } });
    if (count === 0) return { ok: false, error: "conflict" };
    return { ok: true, id: transferId, changes: { transfer: { old: toJsonValue(old), new: toJsonValue(await transferState(tx, transferId)) } } };
  });
}

/** Archives a transfer (Transfer is archived, never deleted by a user). */
export function archiveTransferTx(tx: Tx, actor: Actor, orgId: string, activityId: string, transferId: string, version: number): Promise<ChildResult> {
  return onActivity(tx, actor, orgId, activityId, "transfer.archive", async () => {
    const old = await tx.transfer.findFirst({ where: { id: transferId, organisationId: orgId, archivedAt: null, recipient: { activityId } }, select: { id: true } });
    if (!old) return { ok: false, error: "not-found" };
    const archivedAt = new Date();
    const { count } = await tx.transfer.updateMany({ where: { id: transferId, version }, data: { archivedAt, updatedById: actor.id, version: { increment: 1 } } });
    if (count === 0) return { ok: false, error: "conflict" };
    return { ok: true, id: transferId, changes: { transfer: { id: transferId, archivedAt: { old: null, new: archivedAt.toISOString() } } } };
  });
}
