// loadRiskRows on both databases: a factory-built register with transfers under several mechanisms,
// evaluated as of different days, and a DPF vendor that passes once an active DPF check is recorded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { loadReferenceData } from "@/lib/reference-data/load";
import { createActivity, createOrganisation, createTia, createVendor, type ActivityInput, type TransferInput } from "@/e2e/factories";
import { loadReferenceSnapshot, loadRiskRows, type LoadedRiskRow } from "@/lib/risk/load";
import { recordDpfCheck } from "@/lib/risk/dpf";
import { buildRiskOverview, parseAsOf } from "@/lib/risk/overview";
import { compareLevels } from "@/lib/domain/transfer-risk";
import type { ReferenceSnapshot } from "@/lib/domain/reference";

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const ACTOR = { id: null, name: "test" };

describeEachProvider("lib/risk/load", (provider) => {
  let t: TestDatabase;
  let ref: ReferenceSnapshot;
  let orgId: string;
  const ids: Record<string, string> = {};
  const rows = async (asOf: string): Promise<Map<string, LoadedRiskRow>> => {
    const r = await loadRiskRows(t.db, orgId, day(asOf), ref);
    return new Map(r.rows.map((x) => [x.activityRef, x]));
  };

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await loadReferenceData(t.db);
    ref = await loadReferenceSnapshot(t.db);
    const org = await createOrganisation(t.db, { name: "Risiko GmbH" });
    orgId = org.id;
    const eu = await createVendor(t.db, orgId, { name: "Hosting GmbH", country: "DE", kind: "PROCESSOR" });
    const us = await createVendor(t.db, orgId, { name: "Cloud Inc.", country: "US", kind: "PROCESSOR" });
    const dpf = await createVendor(t.db, orgId, { name: "Certified Inc.", country: "US", kind: "PROCESSOR" });
    const chain = await createVendor(t.db, orgId, {
      name: "Reseller GmbH",
      country: "DE",
      kind: "PROCESSOR",
      subProcessors: [{ name: "Cloud Inc.", country: "US", subVendorId: us.id }],
    });
    ids.dpfVendor = dpf.id;
    ids.usVendor = us.id;
    ids.chainVendor = chain.id;
    const tia = await createTia(t.db, orgId, { title: "TIA Cloud", assessedAt: day("2024-01-10"), nextReviewAt: day("2030-01-01"), conclusion: "GO", vendorId: us.id });

    const activity = async (reference: string, input: ActivityInput) => createActivity(t.db, orgId, { referenceNumber: reference, name: reference, ...input });
    const to = (vendorId: string, mechanism: TransferInput["mechanism"], extra: Partial<TransferInput> = {}): ActivityInput => ({
      recipients: [
        {
          kind: "VENDOR" as const,
          role: "PROCESSOR" as const,
          vendorId,
          transfers: [{ destinationCountry: "US", mechanism, ...extra }],
        },
      ],
    });
    await activity("EEA", { recipients: [{ kind: "VENDOR", role: "PROCESSOR", vendorId: eu.id, transfers: [{ destinationCountry: "DE", mechanism: "NOT_A_TRANSFER" }] }] });
    await activity("NONE", to(us.id, "NONE_STATED"));
    await activity("SCC-NO-TIA", to(us.id, "SCC_2021_M2"));
    await activity("SCC-TIA", to(us.id, "SCC_2021_M2", { tiaId: tia.id }));
    await activity("SCC-M1", to(us.id, "SCC_2021_M1", { tiaId: tia.id }));
    await activity("PS", to(us.id, "PRIVACY_SHIELD"));
    await activity("DPF", to(dpf.id, "DPF"));
    await activity("DPF-HR", { ...to(dpf.id, "DPF"), dataSubjects: ["EMPLOYEES"] });
    await activity("CHAIN", { recipients: [{ kind: "VENDOR", role: "PROCESSOR", vendorId: chain.id, transfers: [{ destinationCountry: "DE", mechanism: "NOT_A_TRANSFER" }] }] });
    const archived = await activity("ARCHIVED", to(us.id, "NONE_STATED"));
    await t.db.transfer.updateMany({ where: { recipient: { activityId: archived.id } }, data: { archivedAt: new Date() } });
  }, 120_000);
  afterAll(async () => {
    await t.drop();
  });

  it("builds the snapshot from the database rows, naming the loaded reference version", async () => {
    const version = await t.db.referenceDataVersion.findFirstOrThrow({ select: { version: true } });
    expect(ref.version).toBe(version.version);
    expect(ref.countries.get("DE")?.eeaFrom).not.toBeNull();
    expect(ref.instruments.get("PRIVACY_SHIELD")?.validTo).toBe("2020-07-15");
  });

  it("evaluates every live transfer with the labels the overviews need (archived transfers left out)", async () => {
    const r = await rows("2025-06-01");
    expect([...r.keys()].sort()).toEqual(["CHAIN", "DPF", "DPF-HR", "EEA", "NONE", "PS", "SCC-M1", "SCC-NO-TIA", "SCC-TIA"]);
    const none = r.get("NONE");
    expect(none).toMatchObject({ activityName: "NONE", recipientName: "Cloud Inc.", vendorName: "Cloud Inc.", country: "US", mechanism: "NONE_STATED" });
    expect(none?.verdict.verdict).toBe("critical");
    expect(none?.verdict.reasons[0]?.ruleId).toBe("TR18");
  });

  it("gives each mechanism its verdict: EEA ok, SCC without TIA attention (TR11), SCC + TIA ok, wrong module TR10", async () => {
    const r = await rows("2025-06-01");
    expect(r.get("EEA")?.verdict.verdict).toBe("ok");
    expect(r.get("SCC-NO-TIA")?.verdict.verdict).toBe("attention");
    expect(r.get("SCC-NO-TIA")?.verdict.reasons.map((x) => x.ruleId)).toContain("TR11");
    expect(r.get("SCC-TIA")?.verdict.verdict).toBe("ok");
    expect(r.get("SCC-M1")?.verdict.reasons.map((x) => x.ruleId)).toContain("TR10");
  });

  it("flips Privacy Shield between 15 and 17 July 2020 (CJEU C-311/18)", async () => {
    expect((await rows("2020-07-15")).get("PS")?.verdict.verdict).toBe("ok");
    const after = (await rows("2020-07-17")).get("PS");
    expect(after?.verdict.verdict).toBe("critical");
    expect(after?.verdict.reasons.map((x) => x.ruleId)).toContain("TR16");
  });

  it("flags a DPF vendor until an active DPF check is recorded; HR data need HR coverage", async () => {
    const before = await rows("2030-01-01");
    expect(before.get("DPF")?.verdict.verdict).toBe("critical");
    expect(before.get("DPF")?.verdict.reasons[0]?.messageKey).toBe("risk.TR07.reason");

    await recordDpfCheck(t.db, ACTOR, { vendorId: ids.dpfVendor ?? "", status: "ACTIVE", checkedAt: day("2029-12-01") });
    const after = await rows("2030-01-01");
    expect(after.get("DPF")?.verdict.verdict).toBe("ok");
    expect(after.get("DPF-HR")?.verdict.reasons[0]?.messageKey).toBe("risk.TR07.noHrCoverage");
    // Before the check was recorded, the same transfer is still flagged.
    expect((await rows("2029-11-30")).get("DPF")?.verdict.verdict).toBe("critical");

    await recordDpfCheck(t.db, ACTOR, { vendorId: ids.dpfVendor ?? "", status: "ACTIVE", coversHr: true, checkedAt: day("2029-12-02") });
    expect((await rows("2030-01-01")).get("DPF-HR")?.verdict.verdict).toBe("ok");
    expect(await t.db.auditEvent.count({ where: { action: "vendor.dpf-check", entityId: ids.dpfVendor } })).toBe(2);
  });

  it("builds the overview DTO: filters, findings worst first with the entry to fix, filter options", async () => {
    const asOf = day("2025-06-01");
    const all = buildRiskOverview(await loadRiskRows(t.db, orgId, asOf, ref), ref, asOf);
    expect(all.asOf).toBe("2025-06-01");
    expect(all.referenceVersion).toBe(ref.version);
    expect(all.totals.transfers.critical + all.totals.transfers.attention + all.totals.transfers.info + all.totals.transfers.ok).toBe(9);
    expect(all.options.countries).toEqual(["DE", "US"]);
    expect(all.byActivity.find((a) => a.activityRef === "NONE")).toMatchObject({ verdict: "critical", activityName: "NONE" });
    expect(all.byVendor.find((v) => v.vendorId === ids.chainVendor)).toMatchObject({ vendorName: "Reseller GmbH", chainVendorIds: [ids.usVendor] });
    for (let i = 1; i < all.findings.length; i++) {
      expect(compareLevels(all.findings[i - 1]?.level ?? "ok", all.findings[i]?.level ?? "ok")).toBeGreaterThanOrEqual(0);
    }
    const tr18 = all.findings.find((f) => f.ruleId === "TR18");
    expect(tr18).toMatchObject({ activityRef: "NONE", recipientName: "Cloud Inc.", country: "US", mechanism: "NONE_STATED", target: { kind: "transfer", id: tr18?.transferId } });
    const tr07 = all.findings.find((f) => f.ruleId === "TR07");
    expect(tr07?.target).toEqual({ kind: "vendor", id: ids.dpfVendor });

    const critical = buildRiskOverview(await loadRiskRows(t.db, orgId, asOf, ref), ref, asOf, { verdict: "critical" });
    expect(critical.byActivity.every((a) => a.verdict === "critical")).toBe(true);
    // As of 2025 the DPF checks (dated 2029) do not count yet: DPF, DPF-HR, NONE and PS (after 16 July 2020).
    expect(critical.byActivity.map((a) => a.activityRef).sort()).toEqual(["DPF", "DPF-HR", "NONE", "PS"]);
    expect(critical.options).toEqual(all.options);
    const eea = buildRiskOverview(await loadRiskRows(t.db, orgId, asOf, ref), ref, asOf, { country: "DE" });
    expect(eea.byActivity.map((a) => a.activityRef).sort()).toEqual(["CHAIN", "EEA"]);
  });

  it("returns the sub-processor chain as vendor edges", async () => {
    const { edges } = await loadRiskRows(t.db, orgId, day("2025-06-01"), ref);
    expect(edges).toEqual([{ vendorId: ids.chainVendor, subVendorId: ids.usVendor, vendorName: "Reseller GmbH", subVendorName: "Cloud Inc." }]);
  });
});

describe("parseAsOf", () => {
  const today = new Date("2026-11-23T10:00:00Z");
  it("reads a YYYY-MM-DD day as UTC midnight and falls back to today otherwise", () => {
    expect(parseAsOf("2020-07-15", today).toISOString()).toBe("2020-07-15T00:00:00.000Z");
    expect(parseAsOf(undefined, today)).toBe(today);
    expect(parseAsOf("2020-02-30", today)).toBe(today);
    expect(parseAsOf("15.07.2020", today)).toBe(today);
  });
});

describe("lib/risk/load without reference data", () => {
  it("refuses to evaluate before the reference data are loaded", async () => {
    const t = await createTestDatabase("sqlite");
    try {
      await expect(loadReferenceSnapshot(t.db)).rejects.toThrow(/reference data/);
    } finally {
      await t.drop();
    }
  });
});
