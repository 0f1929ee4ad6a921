// Processing activities: create, edit with optimistic concurrency (C32), workflow and four eyes, archive and
// restore, revisions with restore (C33), copy to another organisation, one audit event per success and none
// per refusal (C34). Runs the transaction-level mutations on SQLite and PostgreSQL.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/audit";
import { verifyAuditChain } from "@/lib/audit";
import { loadReferenceData } from "@/lib/reference-data/load";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { activityCreateSchema, activityUpdateSchema, type ActivityCreateInput } from "@/lib/activities/schema";
import {
  contentFromSnapshotJson, copyActivityTx, createActivityTx, restoreRevisionTx, updateActivityTx, workflowStepTx, type ActivityOutcome,
} from "@/lib/activities/mutations";
import { contentOf, loadActivitySnapshot } from "@/lib/activities/snapshot";
import { addMembership, createOrganisation, createUser } from "@/e2e/factories";

function form(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    referenceNumber: `VT-${Math.random().toString(36).slice(2, 8)}`,
    name: "Bewerbermanagement",
    description: "Auswahl von Bewerberinnen und Bewerbern",
    role: "CONTROLLER",
    operatingStage: "OPERATION",
    "purposes.0.description": "Durchführung des Bewerbungsverfahrens",
    "purposes.0.legalBases": ["BDSG_26_1", "ART6_1_B"],
    "purposes.1.description": "Talentpool",
    "purposes.1.legalBases": "ART6_1_F",
    "purposes.1.legitimateInterest": "Spätere Stellenbesetzung",
    dataSubjects: ["APPLICANTS"],
    "dataCategories.0.categoryCode": "IDENTITY",
    "dataCategories.0.retentionPeriod": "6 Monate nach Abschluss",
    "dataCategories.0.retentionMonths": "6",
    "dataCategories.1.categoryCode": "HEALTH",
    "dataCategories.1.isSpecialCategory": "on",
    "dataCategories.1.description": "Angaben zur Schwerbehinderung",
    dpiaStatus: "NOT_STARTED",
    reviewIntervalMonths: "12",
    ...over,
  };
}
const createInput = (over: Record<string, unknown> = {}): ActivityCreateInput => activityCreateSchema.parse(form(over));
const updateInput = (version: number, over: Record<string, unknown> = {}) => activityUpdateSchema.parse({ ...form(over), version: String(version) });

describeEachProvider("processing activity mutations", (provider) => {
  let t: TestDatabase;
  let db: Db;
  let orgId: string;
  let otherOrgId: string;
  let dana: Actor;
  let erik: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    db = t.db;
    await loadReferenceData(db);
    orgId = (await createOrganisation(db, { name: `Org A ${provider}` })).id;
    otherOrgId = (await createOrganisation(db, { name: `Org B ${provider}` })).id;
    const d = await createUser(db, { email: `dana-${provider}@example.test`, name: "Dana DSB" });
    const e = await createUser(db, { email: `erik-${provider}@example.test`, name: "Erik Editor" });
    await addMembership(db, d.id, orgId, "DPO");
    await addMembership(db, e.id, orgId, "EDITOR");
    dana = { id: d.id, name: "Dana DSB" };
    erik = { id: e.id, name: "Erik Editor" };
  }, 60_000);
  afterAll(async () => { await t.drop(); });

  const counts = async (id: string) => ({
    revisions: await db.revision.count({ where: { entityType: "Activity", entityId: id } }),
    audits: await db.auditEvent.count({ where: { entityType: "Activity", entityId: id } }),
  });
  const ok = (o: ActivityOutcome) => {
    if (!o.ok) throw new Error(`expected success, got ${JSON.stringify(o)}`);
    return o;
  };
  const create = async (actor: Actor = erik, over: Record<string, unknown> = {}) => ok(await db.$transaction((tx) => createActivityTx(tx, actor, orgId, createInput(over))));

  it("creates a DRAFT with purposes, legal bases and data categories, revision v1 and one audit event", async () => {
    const { id, version } = await create();
    expect(version).toBe(1);
    const row = await db.processingActivity.findUniqueOrThrow({ where: { id }, select: { status: true, searchText: true, createdById: true } });
    expect(row.status).toBe("DRAFT");
    expect(row.createdById).toBe(erik.id);
    expect(row.searchText).toContain("gesundheit");
    const snap = await db.$transaction((tx) => loadActivitySnapshot(tx, orgId, id));
    expect(snap?.snapshot.purposes).toHaveLength(2);
    expect(snap?.snapshot.purposes[0]?.legalBases.map((b) => b.basisCode)).toEqual(["ART6_1_B", "BDSG_26_1"]);
    expect(snap?.snapshot.purposes[1]?.legalBases[0]?.legitimateInterest).toBe("Spätere Stellenbesetzung");
    expect(snap?.snapshot.dataCategories.find((c) => c.categoryCode === "HEALTH")?.isSpecialCategory).toBe(true);
    expect(await counts(id)).toEqual({ revisions: 1, audits: 1 });
  });

  it("refuses unknown vocabulary codes and foreign ids without writing", async () => {
    const before = await db.auditEvent.count();
    const o = await db.$transaction((tx) => createActivityTx(tx, erik, orgId, createInput({ "purposes.0.legalBases": "NOPE", departmentId: "foreign-dept" })));
    expect(o).toEqual({ ok: false, kind: "invalid", fieldErrors: { departmentId: ["errors.invalidOption"], "purposes.0.legalBases": ["errors.invalidOption"] } });
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("refuses a duplicate reference number", async () => {
    const first = await create();
    const ref = (await db.processingActivity.findUniqueOrThrow({ where: { id: first.id } })).referenceNumber;
    const o = await db.$transaction((tx) => createActivityTx(tx, erik, orgId, createInput({ referenceNumber: ref })));
    expect(o).toEqual({ ok: false, kind: "invalid", fieldErrors: { referenceNumber: ["activity.errors.duplicateReference"] } });
  });

  it("an archived organisation term stays savable on activities that use it; new uses are refused", async () => {
    const term = await db.vocabularyTerm.create({ data: { organisationId: orgId, kind: "DATA_SUBJECT", code: "ORG_LIEFERANTEN", labelDe: "Lieferanten", labelEn: "Suppliers" } });
    const { id } = await create(erik, { dataSubjects: ["ORG_LIEFERANTEN"] });
    await db.vocabularyTerm.update({ where: { id: term.id }, data: { archivedAt: new Date() } });
    ok(await db.$transaction((tx) => updateActivityTx(tx, erik, orgId, id, updateInput(1, { name: "Lieferantenpflege", dataSubjects: ["ORG_LIEFERANTEN"] }))));
    const refused = await db.$transaction((tx) => createActivityTx(tx, erik, orgId, createInput({ dataSubjects: ["ORG_LIEFERANTEN"] })));
    expect(refused).toEqual({ ok: false, kind: "invalid", fieldErrors: { dataSubjects: ["errors.invalidOption"] } });
  });

  it("saving the edit form keeps the DPO's DPIA decision and reason (not form fields)", async () => {
    const { id } = await create();
    await db.processingActivity.update({ where: { id }, data: { dpiaDecision: "REQUIRED", dpiaDecisionReason: "Zwei WP248-Kriterien" } });
    ok(await db.$transaction((tx) => updateActivityTx(tx, erik, orgId, id, updateInput(1, { name: "Vom Editor geändert" }))));
    expect(await db.processingActivity.findUniqueOrThrow({ where: { id }, select: { name: true, dpiaDecision: true, dpiaDecisionReason: true } })).toEqual({
      name: "Vom Editor geändert", dpiaDecision: "REQUIRED", dpiaDecisionReason: "Zwei WP248-Kriterien",
    });
  });

  it("C32: a stale version is a conflict naming who saved and when, with the differences; nothing is written", async () => {
    const { id } = await create(erik);
    ok(await db.$transaction((tx) => updateActivityTx(tx, dana, orgId, id, updateInput(1, { name: "Von Dana geändert" }))));
    const before = await counts(id);
    const o = await db.$transaction((tx) => updateActivityTx(tx, erik, orgId, id, updateInput(1, { name: "Von Erik geändert" })));
    if (o.ok || o.kind !== "conflict") throw new Error("expected a conflict");
    expect(o.conflict.by).toBe("Dana DSB");
    expect(Number.isNaN(Date.parse(o.conflict.at))).toBe(false);
    expect(o.conflict.changes.name).toEqual({ old: "Von Erik geändert", new: "Von Dana geändert" });
    expect(await counts(id)).toEqual(before);
    expect((await db.processingActivity.findUniqueOrThrow({ where: { id } })).name).toBe("Von Dana geändert");
  });

  it("C32: 20 parallel saves with the same version: exactly one succeeds", async () => {
    const { id } = await create();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => db.$transaction((tx) => updateActivityTx(tx, erik, orgId, id, updateInput(1, { name: `Parallel ${i}` })), { timeout: 30_000, maxWait: 30_000 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.kind === "conflict")).toHaveLength(19);
    expect(await counts(id)).toEqual({ revisions: 2, audits: 2 });
    expect((await db.processingActivity.findUniqueOrThrow({ where: { id } })).version).toBe(2);
  }, 60_000);

  it("workflow: submit, release (four eyes), editing a released entry goes back to IN_REVIEW", async () => {
    await db.organisation.update({ where: { id: orgId }, data: { requireFourEyes: true } });
    const { id } = await create(dana);
    ok(await db.$transaction((tx) => workflowStepTx(tx, dana, orgId, id, "submit", { version: 1 })));
    const refused = await db.$transaction((tx) => workflowStepTx(tx, dana, orgId, id, "release", { version: 2 }));
    expect(refused).toEqual({ ok: false, kind: "refused", error: "activity.errors.fourEyes" });
    const r = ok(await db.$transaction((tx) => workflowStepTx(tx, erik, orgId, id, "release", { version: 2 })));
    const released = await db.processingActivity.findUniqueOrThrow({ where: { id } });
    expect(released.status).toBe("RELEASED");
    expect(released.releasedById).toBe(erik.id);
    ok(await db.$transaction((tx) => updateActivityTx(tx, erik, orgId, id, updateInput(r.version, { name: "Nach Freigabe geändert" }))));
    expect((await db.processingActivity.findUniqueOrThrow({ where: { id } })).status).toBe("IN_REVIEW");
    const last = await db.revision.findFirstOrThrow({ where: { entityId: id }, orderBy: { version: "desc" } });
    expect(last.changes).toMatchObject({ status: { old: "RELEASED", new: "IN_REVIEW" } });
    await db.organisation.update({ where: { id: orgId }, data: { requireFourEyes: false } });
  });

  it("confirming a review sets the last and next review date and writes revision 'review'", async () => {
    const { id } = await create();
    ok(await db.$transaction((tx) => workflowStepTx(tx, dana, orgId, id, "review", { version: 1 }, new Date("2026-03-10T08:00:00Z"))));
    const a = await db.processingActivity.findUniqueOrThrow({ where: { id } });
    expect(a.lastReviewedAt?.toISOString()).toBe("2026-03-10T08:00:00.000Z");
    expect(a.nextReviewAt?.toISOString()).toBe("2027-03-10T08:00:00.000Z");
    expect((await db.revision.findFirstOrThrow({ where: { entityId: id, version: 2 } })).action).toBe("review");
  });

  it("archive and restore: nothing is deleted; restore returns to DRAFT; invalid steps write nothing", async () => {
    const { id } = await create();
    ok(await db.$transaction((tx) => workflowStepTx(tx, dana, orgId, id, "archive", { version: 1 })));
    const archived = await db.processingActivity.findUniqueOrThrow({ where: { id } });
    expect(archived.status).toBe("ARCHIVED");
    expect(archived.archivedAt).not.toBeNull();
    expect(await db.processingActivity.count({ where: { organisationId: orgId, archivedAt: null, status: { not: "ARCHIVED" }, id } })).toBe(0);
    const before = await counts(id);
    expect(await db.$transaction((tx) => updateActivityTx(tx, erik, orgId, id, updateInput(2)))).toEqual({ ok: false, kind: "refused", error: "activity.errors.archived" });
    expect(await db.$transaction((tx) => workflowStepTx(tx, dana, orgId, id, "release", { version: 2 }))).toEqual({ ok: false, kind: "refused", error: "activity.errors.invalidTransition" });
    expect(await counts(id)).toEqual(before);
    ok(await db.$transaction((tx) => workflowStepTx(tx, dana, orgId, id, "restore", { version: 2 })));
    const restored = await db.processingActivity.findUniqueOrThrow({ where: { id } });
    expect(restored.status).toBe("DRAFT");
    expect(restored.archivedAt).toBeNull();
    expect(await counts(id)).toEqual({ revisions: 3, audits: 3 });
  });

  it("C33: revision count = saves + 1; restoring revision N writes a new revision with N's content", async () => {
    const { id } = await create();
    const names = ["Zweite Fassung", "Dritte Fassung", "Vierte Fassung"];
    for (const [i, name] of names.entries()) {
      ok(await db.$transaction((tx) => updateActivityTx(tx, erik, orgId, id, updateInput(i + 1, { name, "purposes.2.description": `Zusatz ${i}`, "purposes.2.legalBases": "ART6_1_C", dataSubjects: i === 1 ? ["EMPLOYEES"] : ["APPLICANTS"] }))));
    }
    expect(await counts(id)).toEqual({ revisions: names.length + 1, audits: names.length + 1 });
    const v2 = await db.revision.findFirstOrThrow({ where: { entityId: id, version: 2 } });
    ok(await db.$transaction((tx) => restoreRevisionTx(tx, dana, orgId, id, { version: 4, revision: 2 })));
    const v5 = await db.revision.findFirstOrThrow({ where: { entityId: id, version: 5 } });
    expect(v5.action).toBe("revert");
    expect(v5.reason).toBe("restoredFrom:2");
    expect(contentFromSnapshotJson(v5.snapshot)).toEqual(contentFromSnapshotJson(v2.snapshot));
    const now = await db.$transaction((tx) => loadActivitySnapshot(tx, orgId, id));
    expect(now && contentOf(now.snapshot)).toEqual(contentFromSnapshotJson(v2.snapshot));
    expect(await counts(id)).toEqual({ revisions: 5, audits: 5 });
  });

  it("a stale restore is a conflict", async () => {
    const { id } = await create();
    ok(await db.$transaction((tx) => updateActivityTx(tx, erik, orgId, id, updateInput(1, { name: "x" }))));
    const o = await db.$transaction((tx) => restoreRevisionTx(tx, dana, orgId, id, { version: 1, revision: 1 }));
    expect(o.ok === false && o.kind).toBe("conflict");
  });

  it("copies to another organisation as a DRAFT with lineage and a free reference number", async () => {
    const { id } = await create(dana);
    ok(await db.$transaction((tx) => workflowStepTx(tx, dana, orgId, id, "submit", { version: 1 })));
    const ref = (await db.processingActivity.findUniqueOrThrow({ where: { id } })).referenceNumber;
    const first = ok(await db.$transaction((tx) => copyActivityTx(tx, dana, orgId, id, otherOrgId)));
    const second = ok(await db.$transaction((tx) => copyActivityTx(tx, dana, orgId, id, otherOrgId)));
    const copies = await db.processingActivity.findMany({ where: { id: { in: [first.id, second.id] } }, orderBy: { createdAt: "asc" } });
    expect(copies.map((c) => [c.organisationId, c.status, c.copiedFromId])).toEqual([[otherOrgId, "DRAFT", id], [otherOrgId, "DRAFT", id]]);
    expect(new Set(copies.map((c) => c.referenceNumber))).toEqual(new Set([ref, `${ref}-K1`]));
    expect(await db.purpose.count({ where: { activityId: first.id } })).toBe(2);
    expect(await db.auditEvent.count({ where: { entityId: first.id, organisationId: otherOrgId } })).toBe(1);
    expect(await db.$transaction((tx) => copyActivityTx(tx, dana, otherOrgId, id, orgId))).toEqual({ ok: false, kind: "not-found" });
  });

  it("an activity of another organisation is not found", async () => {
    const { id } = await create();
    expect(await db.$transaction((tx) => updateActivityTx(tx, erik, otherOrgId, id, updateInput(1)))).toEqual({ ok: false, kind: "not-found" });
    expect(await db.$transaction((tx) => workflowStepTx(tx, erik, otherOrgId, id, "submit", { version: 1 }))).toEqual({ ok: false, kind: "not-found" });
  });

  it("the audit chains verify after all of the above", async () => {
    expect((await verifyAuditChain(db, orgId)).ok).toBe(true);
    expect((await verifyAuditChain(db, otherOrgId)).ok).toBe(true);
  });
});
