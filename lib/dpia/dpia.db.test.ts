// DPIA decision and criteria (issue 4) on SQLite and PostgreSQL: the DPO records a decision with its reason
// against the indicator (revision with the indicator at decision time + audit event, in one transaction);
// a stale version is a conflict; EDITOR and VIEWER are refused in the transaction; nothing is written on a
// refusal; a criterion ticked later makes the recorded decision stale.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { verifyAuditChain, type Actor } from "@/lib/audit";
import { loadReferenceData } from "@/lib/reference-data/load";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { recordDpiaDecisionTx, saveDpiaCriteriaTx, workflowStepTx } from "@/lib/activities/mutations";
import { decisionDrift, parseDecisionBasis } from "@/lib/dpia/decision";
import { loadDpiaRecord, screenRecord } from "@/lib/dpia/load";
import { dpiaCriteriaSchema, dpiaDecisionSchema } from "@/lib/dpia/schema";
import { loadReferenceSnapshot } from "@/lib/risk/load";
import type { DpiaListSnapshot } from "@/lib/domain/dpia-screening";
import { addMembership, createActivity, createOrganisation, createUser } from "@/e2e/factories";

const AT = new Date("2026-12-03T09:00:00.000Z");

describeEachProvider("DPIA decision and criteria", (provider) => {
  let t: TestDatabase;
  let db: Db;
  let orgId: string;
  let otherOrgId: string;
  let lists: readonly DpiaListSnapshot[];
  const actors: Record<"dpo" | "editor" | "viewer" | "admin" | "foreignDpo", Actor> = {} as never;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    db = t.db;
    await loadReferenceData(db);
    lists = (await loadReferenceSnapshot(db)).dpiaLists;
    orgId = (await createOrganisation(db, { name: `DSFA A ${provider}` })).id;
    otherOrgId = (await createOrganisation(db, { name: `DSFA B ${provider}` })).id;
    const roles = [["dpo", "DPO", orgId], ["editor", "EDITOR", orgId], ["viewer", "VIEWER", orgId], ["admin", "ADMIN", orgId], ["foreignDpo", "DPO", otherOrgId]] as const;
    for (const [key, role, org] of roles) {
      const u = await createUser(db, { email: `${key}-${provider}@example.test`, name: `${role} ${key}` });
      await addMembership(db, u.id, org, role);
      actors[key] = { id: u.id, name: `${role} ${key}` };
    }
  }, 120_000);
  afterAll(async () => { await t.drop(); });

  const activity = async (over: Record<string, unknown> = {}) =>
    createActivity(db, orgId, { dataSubjects: ["EMPLOYEES"], dataCategories: [{ categoryCode: "HEALTH", retentionPeriod: "3 Jahre" }], dpiaCriteria: ["WP248_4", "WP248_7"], ...over });
  const counts = async (id: string) => ({
    revisions: await db.revision.count({ where: { entityType: "Activity", entityId: id } }),
    audits: await db.auditEvent.count({ where: { entityType: "Activity", entityId: id } }),
  });
  const decide = (actor: Actor, id: string, version: number, over: Record<string, string> = {}, org = orgId) =>
    db.$transaction((tx) => recordDpiaDecisionTx(tx, actor, org, id, dpiaDecisionSchema.parse({ version: String(version), decision: "REQUIRED", reason: "Zwei Kriterien nach WP 248 erfüllt; DSFA wird durchgeführt.", ...over }), lists, AT));

  it("the DPO records the decision and reason; the revision keeps the indicator at decision time; one audit event", async () => {
    const a = await activity();
    const before = await counts(a.id);
    const o = await decide(actors.dpo, a.id, 1);
    expect(o).toEqual({ ok: true, id: a.id, version: 2 });

    const row = await db.processingActivity.findUniqueOrThrow({ where: { id: a.id }, select: { dpiaDecision: true, dpiaDecisionReason: true, version: true, status: true, updatedById: true } });
    expect(row).toMatchObject({ dpiaDecision: "REQUIRED", dpiaDecisionReason: "Zwei Kriterien nach WP 248 erfüllt; DSFA wird durchgeführt.", version: 2, status: "DRAFT" });
    expect(await counts(a.id)).toEqual({ revisions: before.revisions + 1, audits: before.audits + 1 });

    const rev = await db.revision.findFirstOrThrow({ where: { entityType: "Activity", entityId: a.id, version: 2 } });
    expect(rev).toMatchObject({ action: "dpia-decision", reason: "Zwei Kriterien nach WP 248 erfüllt; DSFA wird durchgeführt.", authorId: actors.dpo.id });
    const snap = rev.snapshot as Record<string, unknown>;
    expect(snap.dpiaDecision).toBe("REQUIRED");
    expect(snap.dpiaCriteria).toEqual(["WP248_4", "WP248_7"]);
    const basis = parseDecisionBasis(snap.dpiaScreening);
    expect(basis).toMatchObject({ verdict: "likely", wp248Count: 2, criteria: ["WP248_4", "WP248_7"], asOf: "2026-12-03" });
    expect(basis?.reasons.map((r) => r.code)).toEqual(["WP248_4", "WP248_7"]);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Activity", entityId: a.id, action: "activity.dpiaDecision" } });
    const changes = audit.changes as Record<string, { old: unknown; new: unknown }>;
    expect(changes.dpiaDecision).toEqual({ old: "PENDING", new: "REQUIRED" });
    expect((changes.dpiaScreening?.new as { verdict: string }).verdict).toBe("likely");
    expect(await verifyAuditChain(db, orgId)).toMatchObject({ ok: true });
  });

  it("a stale version is a conflict naming the current version; nothing is written", async () => {
    const a = await activity();
    expect((await decide(actors.dpo, a.id, 1)).ok).toBe(true);
    const before = await counts(a.id);
    const o = await decide(actors.dpo, a.id, 1, { decision: "NOT_REQUIRED", reason: "veraltet" });
    expect(o).toMatchObject({ ok: false, kind: "conflict", conflict: { version: 2, by: actors.dpo.name } });
    expect(await counts(a.id)).toEqual(before);
    expect((await db.processingActivity.findUniqueOrThrow({ where: { id: a.id } })).dpiaDecision).toBe("REQUIRED");
  });

  it("EDITOR, VIEWER, organisation ADMIN, a DPO of another organisation and an actor without id are refused; nothing is written", async () => {
    const a = await activity();
    const before = await counts(a.id);
    for (const actor of [actors.editor, actors.viewer, actors.admin, actors.foreignDpo, { id: null, name: "system" }]) {
      expect(await decide(actor, a.id, 1)).toEqual({ ok: false, kind: "refused", error: "errors.forbidden" });
    }
    expect(await counts(a.id)).toEqual(before);
    expect((await db.processingActivity.findUniqueOrThrow({ where: { id: a.id } })).dpiaDecision).toBe("PENDING");
  });

  it("an activity of another organisation is a miss; a blank reason does not parse", async () => {
    const foreign = await createActivity(db, otherOrgId, {});
    expect(await decide(actors.dpo, foreign.id, 1)).toEqual({ ok: false, kind: "not-found" });
    expect(dpiaDecisionSchema.safeParse({ version: "1", decision: "REQUIRED", reason: "   " }).success).toBe(false);
    expect(dpiaDecisionSchema.safeParse({ version: "1", decision: "PENDING", reason: "x" }).success).toBe(false);
  });

  it("an archived activity is refused", async () => {
    const a = await activity();
    expect((await db.$transaction((tx) => workflowStepTx(tx, actors.dpo, orgId, a.id, "archive", { version: 1 }, AT))).ok).toBe(true);
    expect(await decide(actors.dpo, a.id, 2)).toEqual({ ok: false, kind: "refused", error: "dpia.errors.archived" });
  });

  it("criteria: unknown codes are refused; saving writes a revision and an audit event; the decision then shows as stale", async () => {
    const a = await activity();
    expect((await decide(actors.dpo, a.id, 1)).ok).toBe(true);
    const save = (version: number, criteria: string[]) =>
      db.$transaction((tx) => saveDpiaCriteriaTx(tx, actors.editor, orgId, a.id, dpiaCriteriaSchema.parse({ version: String(version), criteria }), lists, AT));

    const before = await counts(a.id);
    expect(await save(2, ["WP248_4", "NOPE_1"])).toEqual({ ok: false, kind: "invalid", fieldErrors: { criteria: ["errors.invalidOption"] } });
    expect(await counts(a.id)).toEqual(before);
    expect(await save(1, ["WP248_4"])).toMatchObject({ ok: false, kind: "conflict" });

    expect(await save(2, ["WP248_7", "DSK_11", "WP248_4"])).toEqual({ ok: true, id: a.id, version: 3 });
    expect(await counts(a.id)).toEqual({ revisions: before.revisions + 1, audits: before.audits + 1 });
    const row = await db.processingActivity.findUniqueOrThrow({ where: { id: a.id }, select: { dpiaCriteria: true, dpiaDecision: true } });
    expect(row).toEqual({ dpiaCriteria: ["DSK_11", "WP248_4", "WP248_7"], dpiaDecision: "REQUIRED" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: a.id, action: "activity.dpiaCriteria" } });
    expect(audit.changes).toEqual({ dpiaCriteria: { old: ["WP248_4", "WP248_7"], new: ["DSK_11", "WP248_4", "WP248_7"] } });

    const recorded = parseDecisionBasis(((await db.revision.findFirstOrThrow({ where: { entityId: a.id, action: "dpia-decision" } })).snapshot as Record<string, unknown>).dpiaScreening);
    const record = await loadDpiaRecord(db, orgId, a.id);
    if (!recorded || !record) throw new Error("missing");
    const drift = decisionDrift(recorded, screenRecord(record, lists, AT).basis);
    expect(drift).toEqual({ stale: true, verdictChanged: true, added: ["DSK_11@1.1"], removed: [] });
  });
});
