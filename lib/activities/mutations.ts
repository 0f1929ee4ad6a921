// Transaction-level writes of processing activities. Each function runs INSIDE the caller's
// `db.$transaction(async (tx) => …)`, awaits only `tx.*` (C31), writes the Revision and the AuditEvent of a
// success in the same transaction and writes nothing on a refusal. The server actions (actions.ts) and the
// integration tests call them.
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { recordAudit, recordRevision, type Actor } from "@/lib/audit";
import { diff } from "@/lib/domain/diff";
import { applyWorkflowStep, confirmReview, statusAfterEdit, type WorkflowStep } from "@/lib/domain/workflow";
import { canonicalContent, contentFromInput, type ActivityContent, type ConflictInfo, type ActivityCreateInput, type ActivityUpdateInput } from "@/lib/activities/schema";
import { activitySearchText, contentColumns, contentOf, loadActivitySnapshot, recipientsFromSnapshotJson, restoreActivityRecipients, writeActivityChildren, type ActivitySnapshot, type RecipientSnapshot } from "@/lib/activities/snapshot";
import { can } from "@/lib/domain/permissions";
import { listsInForce, type DpiaListSnapshot } from "@/lib/domain/dpia-screening";
import { DPIA_CRITERIA_ACTION, DPIA_DECISION_ACTION, loadDpiaRecord, screenRecord } from "@/lib/dpia/load";
import type { DpiaCriteriaInput, DpiaDecisionInput } from "@/lib/dpia/schema";

export const ENTITY_TYPE = "Activity";


export type ActivityOutcome =
  | { ok: true; id: string; version: number }
  | { ok: false; kind: "not-found" }
  | { ok: false; kind: "conflict"; conflict: ConflictInfo }
  | { ok: false; kind: "invalid"; fieldErrors: Record<string, string[]> }
  | { ok: false; kind: "refused"; error: string };

const NOT_FOUND = { ok: false, kind: "not-found" } as const;
const refused = (error: string): ActivityOutcome => ({ ok: false, kind: "refused", error });

/** Who saved the current version and when (the newest revision), and what differs from `submitted`. */
async function conflictOf(tx: Tx, id: string, current: { snapshot: ActivitySnapshot; version: number }, submitted: ActivityContent | null): Promise<ActivityOutcome> {
  const last = await tx.revision.findFirst({ where: { entityType: ENTITY_TYPE, entityId: id }, orderBy: { version: "desc" }, select: { authorName: true, createdAt: true } });
  const changes = submitted ? diff(submitted, contentOf(current.snapshot)) : {};
  return { ok: false, kind: "conflict", conflict: { by: last?.authorName ?? "?", at: (last?.createdAt ?? new Date(0)).toISOString(), changes, version: current.version } };
}

/** Checks that every id and vocabulary code of the content belongs to the organisation (or the built-in vocabulary). */
/**
 * Vocabulary codes the saved activity uses now ("KIND:code"): an organisation may archive a term that is in
 * use; entries keeping it stay savable, new uses are refused.
 */
async function termsInUse(tx: Tx, activityId: string): Promise<Set<string>> {
  const [bases, subjects, categories] = await Promise.all([
    tx.purposeLegalBasis.findMany({ where: { purpose: { activityId } }, select: { basisCode: true } }),
    tx.activityDataSubject.findMany({ where: { activityId }, select: { categoryCode: true } }),
    tx.activityDataCategory.findMany({ where: { activityId }, select: { categoryCode: true, retentionStartCode: true, sourceCode: true } }),
  ]);
  const used = new Set<string>();
  for (const b of bases) used.add(`LEGAL_BASIS:${b.basisCode}`);
  for (const d of subjects) used.add(`DATA_SUBJECT:${d.categoryCode}`);
  for (const c of categories) {
    used.add(`DATA_CATEGORY:${c.categoryCode}`);
    if (c.retentionStartCode) used.add(`RETENTION_START:${c.retentionStartCode}`);
    if (c.sourceCode) used.add(`DATA_SOURCE:${c.sourceCode}`);
  }
  return used;
}

async function referenceErrors(tx: Tx, orgId: string, c: ActivityContent, inUse: ReadonlySet<string> = new Set()): Promise<Record<string, string[]> | null> {
  const errors: Record<string, string[]> = {};
  const add = (key: string) => ((errors[key] ??= []).includes("errors.invalidOption") ? undefined : errors[key].push("errors.invalidOption"));

  if (c.departmentId && !(await tx.department.findFirst({ where: { id: c.departmentId, organisationId: orgId }, select: { id: true } }))) add("departmentId");
  const vendorIds = [c.clientVendorId, ...c.systems.map((s) => s.vendorId), ...c.jointControllers.map((j) => j.vendorId)].filter((v): v is string => v !== null);
  const vendors = vendorIds.length ? new Set((await tx.vendor.findMany({ where: { id: { in: vendorIds }, organisationId: orgId }, select: { id: true } })).map((v) => v.id)) : new Set<string>();
  if (c.clientVendorId && !vendors.has(c.clientVendorId)) add("clientVendorId");
  c.systems.forEach((s, i) => s.vendorId && !vendors.has(s.vendorId) && add(`systems.${i}.vendorId`));
  if (c.tomIds.length) {
    const toms = await tx.technicalOrganisationalMeasure.count({ where: { id: { in: c.tomIds }, organisationId: orgId } });
    if (toms !== c.tomIds.length) add("toms");
  }
  const terms = await tx.vocabularyTerm.findMany({
    where: { OR: [{ organisationId: null }, { organisationId: orgId }] },
    select: { kind: true, code: true, archivedAt: true },
  });
  const known = new Set(terms.filter((t) => t.archivedAt === null || inUse.has(`${t.kind}:${t.code}`)).map((t) => `${t.kind}:${t.code}`));
  const has = (kind: string, code: string) => known.has(`${kind}:${code}`);
  c.purposes.forEach((p, i) => p.legalBases.some((b) => !has("LEGAL_BASIS", b.basisCode)) && add(`purposes.${i}.legalBases`));
  if (c.dataSubjects.some((s) => !has("DATA_SUBJECT", s.categoryCode))) add("dataSubjects");
  c.dataCategories.forEach((d, i) => {
    if (!has("DATA_CATEGORY", d.categoryCode)) add(`dataCategories.${i}.categoryCode`);
    if (d.retentionStartCode && !has("RETENTION_START", d.retentionStartCode)) add(`dataCategories.${i}.retentionStartCode`);
    if (d.sourceCode && !has("DATA_SOURCE", d.sourceCode)) add(`dataCategories.${i}.sourceCode`);
  });
  return Object.keys(errors).length ? errors : null;
}

async function referenceNumberTaken(tx: Tx, orgId: string, referenceNumber: string, exceptId: string | null): Promise<boolean> {
  const other = await tx.processingActivity.findFirst({ where: { organisationId: orgId, referenceNumber, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  return other !== null;
}

const DUPLICATE_REFERENCE = { referenceNumber: ["activity.errors.duplicateReference"] };

/** Creates an activity (DRAFT) from the parsed form: revision v1 "create" + audit "activity.create". */
export async function createActivityTx(tx: Tx, actor: Actor, orgId: string, input: ActivityCreateInput, at: Date = new Date()): Promise<ActivityOutcome> {
  const content = contentFromInput(input);
  const errors = await referenceErrors(tx, orgId, content);
  if (errors) return { ok: false, kind: "invalid", fieldErrors: errors };
  if (await referenceNumberTaken(tx, orgId, content.referenceNumber, null)) return { ok: false, kind: "invalid", fieldErrors: DUPLICATE_REFERENCE };
  return insertActivity(tx, actor, orgId, content, { copiedFromId: null, reason: input.changeReason ?? null, at });
}

async function insertActivity(tx: Tx, actor: Actor, orgId: string, content: ActivityContent, opts: { copiedFromId: string | null; reason: string | null; at: Date }): Promise<ActivityOutcome> {
  const searchText = await activitySearchText(tx, orgId, null, content);
  const created = await tx.processingActivity.create({
    data: { ...contentColumns(content), organisationId: orgId, status: "DRAFT", searchText, copiedFromId: opts.copiedFromId, createdById: actor.id, updatedById: actor.id },
    select: { id: true },
  });
  await writeActivityChildren(tx, created.id, content);
  const after = await loadActivitySnapshot(tx, orgId, created.id);
  if (!after) throw new Error("createActivity: the new activity vanished inside its transaction");
  await recordRevision(tx, actor, { entityType: ENTITY_TYPE, entityId: created.id, organisationId: orgId, version: 1, action: "create", snapshot: after.snapshot, reason: opts.reason, at: opts.at });
  await recordAudit(tx, actor, {
    action: "activity.create", entityType: ENTITY_TYPE, entityId: created.id, organisationId: orgId, at: opts.at,
    changes: { name: { old: null, new: `${content.referenceNumber} ${content.name}` }, ...(opts.copiedFromId ? { copiedFromId: { old: null, new: opts.copiedFromId } } : {}) },
  });
  return { ok: true, id: created.id, version: 1 };
}

/**
 * Writes new content with optimistic concurrency: `updateMany where { id, organisationId, version }`; a stale
 * version is a conflict naming the author and time of the current version and the differences between the
 * submitted and the stored content. A released entry goes back to IN_REVIEW.
 */
async function writeContent(
  tx: Tx, actor: Actor, orgId: string, id: string, expectedVersion: number, content: ActivityContent,
  revision: { action: string; reason: string | null; auditAction: string; extra?: Record<string, unknown>; recipients?: RecipientSnapshot[] | null }, at: Date,
): Promise<ActivityOutcome> {
  const before = await loadActivitySnapshot(tx, orgId, id);
  if (!before) return NOT_FOUND;
  if (before.meta.version !== expectedVersion) return conflictOf(tx, id, { snapshot: before.snapshot, version: before.meta.version }, content);
  const next = statusAfterEdit(before.snapshot.status);
  if (!next.ok) return refused(next.error);
  if (await referenceNumberTaken(tx, orgId, content.referenceNumber, id)) return { ok: false, kind: "invalid", fieldErrors: DUPLICATE_REFERENCE };

  const searchText = await activitySearchText(tx, orgId, id, content);
  const { count } = await tx.processingActivity.updateMany({
    where: { id, organisationId: orgId, version: expectedVersion },
    data: { ...contentColumns(content), status: next.status, searchText, updatedById: actor.id, version: { increment: 1 } },
  });
  if (count === 0) {
    const current = await loadActivitySnapshot(tx, orgId, id);
    return current ? conflictOf(tx, id, { snapshot: current.snapshot, version: current.meta.version }, content) : NOT_FOUND;
  }
  await writeActivityChildren(tx, id, content);
  if (revision.recipients) await restoreActivityRecipients(tx, actor, orgId, id, revision.recipients, content, at);
  const after = await loadActivitySnapshot(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = diff(before.snapshot, after.snapshot);
  await recordRevision(tx, actor, { entityType: ENTITY_TYPE, entityId: id, organisationId: orgId, version: after.meta.version, action: revision.action, snapshot: after.snapshot, changes, reason: revision.reason, at });
  await recordAudit(tx, actor, { action: revision.auditAction, entityType: ENTITY_TYPE, entityId: id, organisationId: orgId, changes: { ...changes, ...revision.extra }, at });
  return { ok: true, id, version: after.meta.version };
}

/** Saves the edit form. Data-subject notes and the DPO's DPIA decision (not on the form) are kept. */
export async function updateActivityTx(tx: Tx, actor: Actor, orgId: string, id: string, input: ActivityUpdateInput, at: Date = new Date()): Promise<ActivityOutcome> {
  const submitted = contentFromInput(input);
  const errors = await referenceErrors(tx, orgId, submitted, await termsInUse(tx, id));
  if (errors) return { ok: false, kind: "invalid", fieldErrors: errors };
  const notes = new Map((await tx.activityDataSubject.findMany({ where: { activityId: id, activity: { organisationId: orgId } }, select: { categoryCode: true, note: true } })).map((s) => [s.categoryCode, s.note]));
  const decision = await tx.processingActivity.findFirst({ where: { id, organisationId: orgId }, select: { dpiaDecision: true, dpiaDecisionReason: true } });
  const content = canonicalContent({
    ...submitted,
    dpiaDecision: decision?.dpiaDecision ?? submitted.dpiaDecision,
    dpiaDecisionReason: decision ? decision.dpiaDecisionReason : submitted.dpiaDecisionReason,
    dataSubjects: submitted.dataSubjects.map((s) => ({ ...s, note: notes.get(s.categoryCode) ?? null })),
  });
  return writeContent(tx, actor, orgId, id, input.version, content, { action: "update", reason: input.changeReason ?? null, auditAction: "activity.update" }, at);
}

const REVISION_ACTION: Record<WorkflowStep, string> = { submit: "submit", release: "release", backToDraft: "draft", archive: "archive", restore: "restore", review: "review" };

/** Takes a workflow step (permission already checked by the action). */
export async function workflowStepTx(
  tx: Tx, actor: Actor, orgId: string, id: string, step: WorkflowStep, input: { version: number; reason?: string | null }, at: Date = new Date(),
): Promise<ActivityOutcome> {
  const before = await loadActivitySnapshot(tx, orgId, id);
  if (!before) return NOT_FOUND;
  if (before.meta.version !== input.version) return conflictOf(tx, id, { snapshot: before.snapshot, version: before.meta.version }, null);
  const org = await tx.organisation.findUniqueOrThrow({ where: { id: orgId }, select: { requireFourEyes: true } });
  const outcome = applyWorkflowStep(step, { status: before.snapshot.status, actorId: actor.id ?? "", lastEditorId: before.meta.updatedById, requireFourEyes: org.requireFourEyes });
  if (!outcome.ok) return refused(outcome.error);

  const extra =
    step === "release" ? { releasedAt: at, releasedById: actor.id }
    : step === "archive" ? { archivedAt: at }
    : step === "restore" ? { archivedAt: null }
    : step === "review" ? confirmReview(at, before.snapshot.reviewIntervalMonths)
    : {};
  const { count } = await tx.processingActivity.updateMany({
    where: { id, organisationId: orgId, version: input.version },
    data: { status: outcome.status, ...extra, version: { increment: 1 } },
  });
  if (count === 0) {
    const current = await loadActivitySnapshot(tx, orgId, id);
    return current ? conflictOf(tx, id, { snapshot: current.snapshot, version: current.meta.version }, null) : NOT_FOUND;
  }
  const after = await loadActivitySnapshot(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = diff(before.snapshot, after.snapshot);
  await recordRevision(tx, actor, { entityType: ENTITY_TYPE, entityId: id, organisationId: orgId, version: after.meta.version, action: REVISION_ACTION[step], snapshot: after.snapshot, changes, reason: input.reason ?? null, at });
  await recordAudit(tx, actor, { action: `activity.${REVISION_ACTION[step]}`, entityType: ENTITY_TYPE, entityId: id, organisationId: orgId, changes, at });
  return { ok: true, id, version: after.meta.version };
}

// ───────────────────────────── Restoring a revision ─────────────────────────────

const s = z.string().nullish().transform((v) => v ?? null);
const int = z.number().int().nullish().transform((v) => v ?? null);
const bool = z.boolean().nullish().transform((v) => v ?? false);
/** Reads the content of a stored snapshot (also the older factory format with ids and `toms: [{ tomId }]`). */
const storedContentSchema = z.object({
  referenceNumber: z.string(),
  name: z.string(),
  description: s, departmentId: s, contactName: s, contactEmail: s, contactPhone: s,
  role: z.enum(["CONTROLLER", "JOINT_CONTROLLER", "PROCESSOR"]),
  clientVendorId: s, jointArrangement: s, processingCategories: s,
  operatingStage: z.enum(["PLANNING", "TEST", "ROLL_OUT", "OPERATION"]),
  dataSources: s, estimatedDataSubjects: int, automatedDecisionMaking: bool, profiling: bool,
  informationProvided: s, generalTomDescription: s, noThirdCountryTransfer: bool,
  dpiaDecision: z.enum(["PENDING", "NOT_REQUIRED", "REQUIRED"]),
  dpiaDecisionReason: s,
  dpiaStatus: z.enum(["NOT_STARTED", "IN_PROGRESS", "COMPLETED"]),
  dpiaReference: s,
  reviewIntervalMonths: z.number().int(),
  nextReviewAt: s,
  purposes: z.array(z.object({ description: z.string(), legalBases: z.array(z.object({ basisCode: z.string(), note: s, legitimateInterest: s, liaReference: s })) })).default([]),
  dataSubjects: z.array(z.object({ categoryCode: z.string(), note: s })).default([]),
  dataCategories: z.array(z.object({
    categoryCode: z.string(), description: s, isSpecialCategory: bool, retentionPeriod: s, retentionMonths: int,
    retentionStartCode: s, retentionLegalRef: s, sourceCode: s,
  })).default([]),
  systems: z.array(z.object({ name: z.string(), vendorId: s, location: s, note: s })).default([]),
  jointControllers: z.array(z.object({ name: z.string(), vendorId: s, contact: s, arrangementRef: s, responsibilities: s })).default([]),
  tomIds: z.array(z.string()).optional(),
  toms: z.array(z.object({ tomId: z.string() })).optional(),
});

export function contentFromSnapshotJson(json: unknown): ActivityContent | null {
  const r = storedContentSchema.safeParse(json);
  if (!r.success) return null;
  const { toms, tomIds, ...rest } = r.data;
  return canonicalContent({ ...rest, tomIds: tomIds ?? (toms ?? []).map((t) => t.tomId) });
}

/** Restores the content of revision `revision` as a new revision (action "revert"); workflow state follows statusAfterEdit. */
export async function restoreRevisionTx(tx: Tx, actor: Actor, orgId: string, id: string, input: { version: number; revision: number }, at: Date = new Date()): Promise<ActivityOutcome> {
  const rev = await tx.revision.findFirst({ where: { entityType: ENTITY_TYPE, entityId: id, organisationId: orgId, version: input.revision }, select: { snapshot: true } });
  if (!rev) return NOT_FOUND;
  const content = contentFromSnapshotJson(rev.snapshot);
  if (!content) return refused("activity.errors.revisionUnreadable");
  // Master data that no longer exists cannot be linked again.
  const dept = content.departmentId ? await tx.department.findFirst({ where: { id: content.departmentId, organisationId: orgId }, select: { id: true } }) : null;
  const restored = { ...content, departmentId: dept ? content.departmentId : null };
  return writeContent(tx, actor, orgId, id, input.version, restored, { action: "revert", reason: `restoredFrom:${input.revision}`, auditAction: "activity.revert", extra: { restoredFromVersion: { old: null, new: input.revision } }, recipients: recipientsFromSnapshotJson(rev.snapshot) }, at);
}

// ───────────────────────────── Copy to another organisation ─────────────────────────────

/**
 * Copies the content of an activity into `targetOrgId` as a new DRAFT (lineage in copiedFromId). Links to the
 * source organisation's master data (department, vendors, TOMs) do not carry over. The reference number is
 * kept when free in the target, otherwise suffixed "-K1", "-K2", …
 */
export async function copyActivityTx(tx: Tx, actor: Actor, sourceOrgId: string, id: string, targetOrgId: string, at: Date = new Date()): Promise<ActivityOutcome> {
  const source = await loadActivitySnapshot(tx, sourceOrgId, id);
  if (!source) return NOT_FOUND;
  if (sourceOrgId === targetOrgId) return refused("activity.errors.copySameOrganisation");
  const c = contentOf(source.snapshot);
  let referenceNumber = c.referenceNumber;
  for (let i = 1; await referenceNumberTaken(tx, targetOrgId, referenceNumber, null); i++) {
    if (i > 500) return refused("activity.errors.duplicateReference");
    referenceNumber = `${c.referenceNumber}-K${i}`;
  }
  const content = canonicalContent({
    ...c,
    referenceNumber,
    departmentId: null,
    clientVendorId: null,
    systems: c.systems.map((x) => ({ ...x, vendorId: null })),
    jointControllers: c.jointControllers.map((x) => ({ ...x, vendorId: null })),
    tomIds: [],
  });
  return insertActivity(tx, actor, targetOrgId, content, { copiedFromId: id, reason: null, at });
}

// ───────────────────────────── DPIA screening (issue 4) ─────────────────────────────

/**
 * Records the DPO's DPIA decision and its mandatory reason against the indicator as it stands (optimistic
 * concurrency on the activity's version). The revision snapshot carries the indicator at decision time
 * ("dpiaScreening": criteria, verdict, triggered items with list versions, consequences) so a later change
 * shows as a warning. The role is checked again here, inside the transaction, against the stored membership
 * (the action has authorized "dpia:decide" already). The workflow status and the last editor stay as they are.
 */
export async function recordDpiaDecisionTx(
  tx: Tx, actor: Actor, orgId: string, id: string, input: DpiaDecisionInput, lists: readonly DpiaListSnapshot[], at: Date = new Date(),
): Promise<ActivityOutcome> {
  const membership = actor.id ? await tx.membership.findFirst({ where: { userId: actor.id, organisationId: orgId }, select: { role: true } }) : null;
  const asUser = { id: actor.id ?? "", isAdmin: false, memberships: membership ? [{ orgId, role: membership.role }] : [], vendorContacts: [] };
  if (!can(asUser, "dpia:decide", orgId)) return refused("errors.forbidden");

  const before = await loadActivitySnapshot(tx, orgId, id);
  const record = await loadDpiaRecord(tx, orgId, id);
  if (!before || !record) return NOT_FOUND;
  if (before.meta.version !== input.version) return conflictOf(tx, id, { snapshot: before.snapshot, version: before.meta.version }, null);
  if (record.archived) return refused("dpia.errors.archived");
  const { basis } = screenRecord(record, lists, at);

  const { count } = await tx.processingActivity.updateMany({
    where: { id, organisationId: orgId, version: input.version },
    data: { dpiaDecision: input.decision, dpiaDecisionReason: input.reason, version: { increment: 1 } },
  });
  if (count === 0) {
    const current = await loadActivitySnapshot(tx, orgId, id);
    return current ? conflictOf(tx, id, { snapshot: current.snapshot, version: current.meta.version }, null) : NOT_FOUND;
  }
  const after = await loadActivitySnapshot(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = diff(before.snapshot, after.snapshot);
  await recordRevision(tx, actor, {
    entityType: ENTITY_TYPE, entityId: id, organisationId: orgId, version: after.meta.version, action: DPIA_DECISION_ACTION,
    snapshot: { ...after.snapshot, dpiaCriteria: record.criteria, dpiaScreening: basis }, changes, reason: input.reason, at,
  });
  await recordAudit(tx, actor, {
    action: "activity.dpiaDecision", entityType: ENTITY_TYPE, entityId: id, organisationId: orgId, at,
    changes: { ...changes, dpiaScreening: { old: null, new: basis } },
  });
  return { ok: true, id, version: after.meta.version };
}

/**
 * Saves the ticked screening criteria (codes of the lists in force on `at`; anything else is refused as
 * invalid). A recorded decision stays; the DPIA page then shows that the indicator changed since.
 */
export async function saveDpiaCriteriaTx(
  tx: Tx, actor: Actor, orgId: string, id: string, input: DpiaCriteriaInput, lists: readonly DpiaListSnapshot[], at: Date = new Date(),
): Promise<ActivityOutcome> {
  const known = new Set(listsInForce(lists, at).flatMap((l) => l.items.map((i) => i.code)));
  const criteria = [...new Set(input.criteria)].sort();
  if (criteria.some((c) => !known.has(c))) return { ok: false, kind: "invalid", fieldErrors: { criteria: ["errors.invalidOption"] } };

  const before = await loadActivitySnapshot(tx, orgId, id);
  const record = await loadDpiaRecord(tx, orgId, id);
  if (!before || !record) return NOT_FOUND;
  if (before.meta.version !== input.version) return conflictOf(tx, id, { snapshot: before.snapshot, version: before.meta.version }, null);
  if (record.archived) return refused("dpia.errors.archived");

  const { count } = await tx.processingActivity.updateMany({
    where: { id, organisationId: orgId, version: input.version },
    data: { dpiaCriteria: criteria, version: { increment: 1 } },
  });
  if (count === 0) {
    const current = await loadActivitySnapshot(tx, orgId, id);
    return current ? conflictOf(tx, id, { snapshot: current.snapshot, version: current.meta.version }, null) : NOT_FOUND;
  }
  const after = await loadActivitySnapshot(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = { dpiaCriteria: { old: record.criteria, new: criteria } };
  await recordRevision(tx, actor, {
    entityType: ENTITY_TYPE, entityId: id, organisationId: orgId, version: after.meta.version, action: DPIA_CRITERIA_ACTION,
    snapshot: { ...after.snapshot, dpiaCriteria: criteria }, changes, reason: null, at,
  });
  await recordAudit(tx, actor, { action: "activity.dpiaCriteria", entityType: ENTITY_TYPE, entityId: id, organisationId: orgId, changes, at });
  return { ok: true, id, version: after.meta.version };
}
