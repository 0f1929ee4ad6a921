// The 30-day risk trend's earlier figure on SQLite and PostgreSQL (issue 4): the register as it stood on a
// past moment, rebuilt from the revisions the mutations write, evaluated as of that moment. A transfer fixed
// since (Privacy Shield → SCC module 2 with a TIA) is critical then and not now; an activity archived since
// still counts then; an activity created since does not.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/audit";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { loadReferenceData } from "@/lib/reference-data/load";
import { evaluateRiskInputs, loadReferenceSnapshot, loadRiskRows } from "@/lib/risk/load";
import { loadRiskInputsAsOf } from "@/lib/risk/history";
import { summarizeRisk } from "@/lib/domain/risk-summary";
import { updateTransferTx } from "@/lib/recipients/mutations";
import { transferUpdateSchema } from "@/lib/recipients/schema";
import { workflowStepTx } from "@/lib/activities/mutations";
import { createActivity, createOrganisation, createTia, createVendor } from "@/e2e/factories";

const dana: Actor = { id: null, name: "Dana Datenschutz" };

/** Waits for the clock to pass `t` (at most a millisecond), so later revisions are strictly after it. */
function passMoment(t: Date): void {
  while (Date.now() <= t.getTime()) {
    // spin: revisions carry millisecond timestamps
  }
}

describeEachProvider("risk inputs as of a past moment (revision history)", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await loadReferenceData(t.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("rebuilds transfers, archived and later activities from the revisions and evaluates them as of then", async () => {
    const ref = await loadReferenceSnapshot(t.db);
    const orgId = (await createOrganisation(t.db)).id;
    const vendor = await createVendor(t.db, orgId, { name: "Umfrage Inc.", country: "US", kind: "PROCESSOR" });
    const recipients = (mechanism: "PRIVACY_SHIELD" | "NONE_STATED") => [{ kind: "VENDOR" as const, role: "PROCESSOR" as const, vendorId: vendor.id, transfers: [{ destinationCountry: "US", mechanism }] }];
    const fixed = await createActivity(t.db, orgId, { name: "Kundenbefragung", recipients: recipients("PRIVACY_SHIELD") });
    const archived = await createActivity(t.db, orgId, { name: "Altes Tool", recipients: recipients("NONE_STATED") });

    const then = new Date();
    passMoment(then);

    // Since then: the Privacy Shield transfer fixed with SCC module 2 and a positive TIA, one activity
    // archived, one created with a transfer without a mechanism.
    const tia = await createTia(t.db, orgId, { title: "TIA Umfrage", vendorId: vendor.id, assessedAt: new Date(), nextReviewAt: new Date(Date.now() + 365 * 86_400_000), conclusion: "GO" });
    const transfer = await t.db.transfer.findFirstOrThrow({ where: { recipient: { activityId: fixed.id } }, select: { id: true, version: true } });
    const update = transferUpdateSchema.parse({ transferId: transfer.id, version: String(transfer.version), destinationCountry: "US", access: "STORAGE", mechanism: "SCC_2021_M2", contractConcludedAt: "2026-11-02", isRegular: "on", tiaId: tia.id });
    expect((await t.db.$transaction((tx) => updateTransferTx(tx, dana, orgId, fixed.id, update))).ok).toBe(true);
    const version = (await t.db.processingActivity.findUniqueOrThrow({ where: { id: archived.id }, select: { version: true } })).version;
    const archivedResult = await t.db.$transaction((tx) => workflowStepTx(tx, dana, orgId, archived.id, "archive", { version, reason: "Tool abgeschaltet" }));
    expect(archivedResult).toMatchObject({ ok: true });
    const later = await createActivity(t.db, orgId, { name: "Neues Tool", recipients: recipients("NONE_STATED") });

    const now = new Date();
    const current = await loadRiskRows(t.db, orgId, now, ref);
    const before = evaluateRiskInputs(await loadRiskInputsAsOf(t.db, orgId, then), then, ref);

    const verdictOf = (rows: typeof current.rows, activityId: string) => rows.filter((r) => r.activityId === activityId).map((r) => r.verdict.verdict);
    expect(verdictOf(current.rows, fixed.id)).toEqual(["ok"]);
    expect(verdictOf(before.rows, fixed.id)).toEqual(["critical"]); // TR16: Privacy Shield after 16 July 2020
    expect(before.rows.find((r) => r.activityId === fixed.id)?.mechanism).toBe("PRIVACY_SHIELD");
    expect(verdictOf(current.rows, archived.id)).toEqual([]);
    expect(verdictOf(before.rows, archived.id)).toEqual(["critical"]);
    expect(verdictOf(current.rows, later.id)).toEqual(["critical"]);
    expect(verdictOf(before.rows, later.id)).toEqual([]);

    const counts = (rows: typeof current) => summarizeRisk(rows.rows, rows.edges).totals.transfers.critical;
    expect({ then: counts(before), now: counts(current) }).toEqual({ then: 2, now: 1 });
  });
});
