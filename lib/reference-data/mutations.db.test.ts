import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { INSTANCE_CHAIN, verifyAuditChain } from "@/lib/audit";
import { loadReferenceData, referenceData } from "@/lib/reference-data/load";
import { addAdequacyDecision, nextLocalVersion } from "@/lib/reference-data/mutations";
import { loadReferenceSnapshot } from "@/lib/risk/load";
import { evaluateTransfer, type TransferContext, type TransferFacts } from "@/lib/domain/transfer-risk";

const at = (d: string) => new Date(`${d}T00:00:00.000Z`);
const actor = { id: null, name: "test:admin" };

const transferToIndia: TransferFacts = {
  id: "t1",
  destinationCountry: "IN",
  internationalOrganisation: null,
  access: "STORAGE",
  mechanism: "ADEQUACY",
  contractConcludedAt: null,
  isRegular: true,
  importerSubjectToGdpr: false,
  art49Assessment: null,
  saInformedAt: null,
  tia: null,
  supplementaryMeasures: null,
};
const context: TransferContext = { exporterRole: "CONTROLLER", importerRole: "CONTROLLER", dataIncludesHr: false, consentForTrackingOrHosting: false, vendor: null };

it("numbers local versions after the bundled base", () => {
  expect(nextLocalVersion("2026.11.1", "2026.11.1")).toBe("2026.11.1.1");
  expect(nextLocalVersion("2026.11.1.1", "2026.11.1")).toBe("2026.11.1.2");
  expect(nextLocalVersion("2026.12.0", "2026.11.1")).toBe("2026.12.0.1");
});

describeEachProvider("addAdequacyDecision", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await loadReferenceData(t.db, { changedBy: "test" });
  });
  afterAll(async () => {
    await t.drop();
  });

  it("adds the decision with a new source, a new reference version and an instance audit event; the snapshot and a later load keep it", async () => {
    const base = referenceData().version;
    const before = await loadReferenceSnapshot(t.db);
    expect(before.version).toBe(base);
    const asOf = at("2027-03-01");
    const criticalBefore = evaluateTransfer(transferToIndia, context, asOf, before);
    expect(criticalBefore.verdict).toBe("critical");

    const result = await t.db.$transaction((tx) =>
      addAdequacyDecision(
        tx,
        actor,
        {
          countryCode: "IN",
          organisationName: null,
          source: { identifier: "2027/1", title: "Test adequacy decision India", url: "https://eur-lex.europa.eu/eli/dec_impl/2027/1/oj" },
          scope: "FULL",
          scopeText: null,
          validFrom: at("2027-01-15"),
          entryIntoForce: at("2027-02-01"),
          validTo: null,
          reviewDue: at("2031-01-15"),
          note: null,
        },
        base,
        at("2027-01-20"),
      ),
    );
    expect(result).toEqual({ ok: true, decisionId: expect.any(String), version: `${base}.1` });
    if (!result.ok) return;

    expect(await t.db.adequacyDecision.findUnique({ where: { id: result.decisionId }, select: { countryCode: true, source: { select: { identifier: true } } } })).toEqual({
      countryCode: "IN",
      source: { identifier: "2027/1" },
    });
    const version = await t.db.referenceDataVersion.findUnique({ where: { version: `${base}.1` }, select: { contentHash: true } });
    expect(version?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(version?.contentHash).not.toBe(referenceData().contentHash);
    const event = await t.db.auditEvent.findFirst({ where: { action: "reference-data.adequacy.create" }, select: { chainId: true, entityId: true } });
    expect(event).toEqual({ chainId: INSTANCE_CHAIN, entityId: result.decisionId });
    expect((await verifyAuditChain(t.db, INSTANCE_CHAIN)).ok).toBe(true);

    const after = await loadReferenceSnapshot(t.db);
    expect(after.version).toBe(`${base}.1`);
    const verdict = evaluateTransfer(transferToIndia, context, asOf, after);
    expect(verdict.referenceVersion).toBe(`${base}.1`);
    expect(verdict.verdict).not.toBe("critical");
    // Before the decision's valid-from it is still critical.
    expect(evaluateTransfer(transferToIndia, context, at("2027-01-01"), after).verdict).toBe("critical");

    // The bootstrap load afterwards neither throws nor removes the decision.
    await expect(loadReferenceData(t.db)).resolves.toMatchObject({ changed: false });
    expect(await t.db.adequacyDecision.count({ where: { id: result.decisionId } })).toBe(1);

    // A second change gets the next version.
    const sourceId = (await t.db.legalSource.findUniqueOrThrow({ where: { identifier: "2027/1" }, select: { id: true } })).id;
    const second = await t.db.$transaction((tx) =>
      addAdequacyDecision(
        tx,
        actor,
        { countryCode: null, organisationName: "Test Organisation", source: { id: sourceId }, scope: "FULL", scopeText: null, validFrom: at("2027-02-01"), entryIntoForce: null, validTo: null, reviewDue: null, note: "n" },
        base,
      ),
    );
    expect(second).toMatchObject({ ok: true, version: `${base}.2` });
  });

  it("rejects a decision naming both a country and an organisation, an unknown country and an existing source identifier", async () => {
    const base = referenceData().version;
    const input = {
      countryCode: "IN",
      organisationName: "X",
      source: { identifier: "2027/9", title: "T", url: null },
      scope: "FULL" as const,
      scopeText: null,
      validFrom: at("2027-01-15"),
      entryIntoForce: null,
      validTo: null,
      reviewDue: null,
      note: null,
    };
    expect(await t.db.$transaction((tx) => addAdequacyDecision(tx, actor, input, base))).toEqual({ ok: false, error: "reference.errors.target" });
    expect(await t.db.$transaction((tx) => addAdequacyDecision(tx, actor, { ...input, organisationName: null, countryCode: "QQ" }, base))).toEqual({
      ok: false,
      error: "reference.errors.country",
    });
    expect(
      await t.db.$transaction((tx) => addAdequacyDecision(tx, actor, { ...input, organisationName: null, source: { identifier: "2027/1", title: "T", url: null } }, base)),
    ).toEqual({ ok: false, error: "reference.errors.sourceExists" });
  });
});
