import { describe, it, expect } from "vitest";
import versionJson from "../../prisma/reference/version.json";
import countriesJson from "../../prisma/reference/countries.json";
import legalSourcesJson from "../../prisma/reference/legal-sources.json";
import adequacyJson from "../../prisma/reference/adequacy-decisions.json";
import instrumentsJson from "../../prisma/reference/transfer-instruments.json";
import { referenceSnapshotFromJson } from "./reference";
import { evaluateTransfer, type RuleId, type TransferDestination, type TransferMechanism, type VerdictLevel } from "./transfer-risk";
import {
  destinationKey,
  filterRiskRows,
  riskFindings,
  riskMatrix,
  summarizeByActivity,
  summarizeByDestination,
  summarizeByVendor,
  summarizeRisk,
  type RiskRow,
} from "./risk-summary";

const RULE_FOR: Record<VerdictLevel, RuleId> = { critical: "TR18", attention: "TR11", info: "TR12", ok: "TR04" };

function row(
  transferId: string,
  level: VerdictLevel,
  over: { activityId?: string; vendorId?: string | null; viaVendorId?: string | null; country?: string | null; mechanism?: TransferMechanism; departmentId?: string | null } = {},
): RiskRow {
  const destination: TransferDestination = over.country === null ? { kind: "unknown" } : { kind: "country", code: over.country ?? "US", isEea: false };
  return {
    transferId,
    activityId: over.activityId ?? "a1",
    vendorId: over.vendorId === undefined ? "v1" : over.vendorId,
    viaVendorId: over.viaVendorId ?? null,
    departmentId: over.departmentId ?? null,
    mechanism: over.mechanism ?? "SCC_2021_M2",
    verdict: {
      transferId,
      verdict: level,
      reasons: [{ ruleId: RULE_FOR[level], level, messageKey: `risk.${RULE_FOR[level]}.reason`, fixKey: null, citations: [{ kind: "article", identifier: "Art. 44" }], params: {} }],
      asOf: "2024-03-01",
      referenceVersion: "2026.11.1",
      destination,
    },
  };
}

describe("per activity: the worst of its transfers, with all reasons", () => {
  it("an activity with ok, attention and critical transfers is critical and lists every finding", () => {
    const [a] = summarizeByActivity([row("t1", "ok"), row("t2", "critical"), row("t3", "attention")]);
    expect(a?.verdict).toBe("critical");
    expect(a?.counts).toEqual({ critical: 1, attention: 1, info: 0, ok: 1 });
    expect(a?.verdicts.map((v) => [v.transferId, v.verdict, v.reasons.length])).toEqual([
      ["t1", "ok", 1],
      ["t2", "critical", 1],
      ["t3", "attention", 1],
    ]);
  });

  it("activities are sorted worst first", () => {
    const s = summarizeByActivity([row("t1", "ok", { activityId: "b" }), row("t2", "attention", { activityId: "c" }), row("t3", "info", { activityId: "a" })]);
    expect(s.map((x) => [x.activityId, x.verdict])).toEqual([
      ["c", "attention"],
      ["a", "info"],
      ["b", "ok"],
    ]);
  });
});

describe("per vendor, including its chain", () => {
  it("a vendor's verdict covers transfers through it and its sub-processors at any depth", () => {
    const rows = [
      row("t1", "ok", { vendorId: "A" }),
      row("t2", "attention", { vendorId: "A", viaVendorId: "B" }), // onward transfer A → B
      row("t3", "critical", { vendorId: "C" }), // C is B's sub-processor
    ];
    const s = summarizeByVendor(rows, [
      { vendorId: "A", subVendorId: "B" },
      { vendorId: "B", subVendorId: "C" },
    ]);
    const a = s.find((v) => v.vendorId === "A");
    const b = s.find((v) => v.vendorId === "B");
    const c = s.find((v) => v.vendorId === "C");
    expect(a).toMatchObject({ verdict: "critical", directVerdict: "attention", chainVerdict: "critical", chainVendorIds: ["B", "C"] });
    expect(a?.transferIds).toEqual(["t1", "t2"]);
    expect(a?.counts).toEqual({ critical: 1, attention: 1, info: 0, ok: 1 });
    expect(a?.verdicts.map((v) => v.transferId)).toEqual(["t1", "t2"]);
    expect(b).toMatchObject({ verdict: "critical", directVerdict: "attention", chainVerdict: "critical", transferIds: ["t2"] });
    expect(b?.counts).toEqual({ critical: 1, attention: 1, info: 0, ok: 0 });
    expect(c).toMatchObject({ verdict: "critical", chainVendorIds: [] });
  });

  it("cycles in the chain terminate and count each transfer once", () => {
    const s = summarizeByVendor([row("t1", "attention", { vendorId: "A" }), row("t2", "info", { vendorId: "B" })], [
      { vendorId: "A", subVendorId: "B" },
      { vendorId: "B", subVendorId: "A" },
    ]);
    expect(s.find((v) => v.vendorId === "A")).toMatchObject({ transferIds: ["t1"], chainVendorIds: ["B"] });
    expect(s.find((v) => v.vendorId === "B")?.counts).toEqual({ critical: 0, attention: 1, info: 1, ok: 0 });
  });

  it("an onward transfer listed under recipient and sub-processor counts once for the recipient's chain", () => {
    const s = summarizeByVendor([row("t1", "critical", { vendorId: "A", viaVendorId: "B" }), row("t2", "ok", { vendorId: "B" })], [{ vendorId: "A", subVendorId: "B" }]);
    expect(s.find((v) => v.vendorId === "A")?.counts).toEqual({ critical: 1, attention: 0, info: 0, ok: 1 });
    expect(s.find((v) => v.vendorId === "B")).toMatchObject({ verdict: "critical", transferIds: ["t1", "t2"] });
  });

  it("a vendor known only as a sub-processor with no transfers is ok", () => {
    expect(summarizeByVendor([], [{ vendorId: "A", subVendorId: "B" }]).map((v) => [v.vendorId, v.verdict])).toEqual([
      ["A", "ok"],
      ["B", "ok"],
    ]);
  });
});

describe("per country (the map) and the country × mechanism matrix", () => {
  const rows = [
    row("t1", "critical", { country: "US", mechanism: "NONE_STATED" }),
    row("t2", "attention", { country: "US", mechanism: "SCC_2021_M2" }),
    row("t3", "ok", { country: "US", mechanism: "DPF" }),
    row("t4", "ok", { country: "CH", mechanism: "ADEQUACY" }),
    row("t5", "attention", { country: "US", mechanism: "SCC_2021_M2" }),
    row("t6", "attention", { country: null, mechanism: "BCR_C" }),
  ];

  it("each destination's worst verdict with counts per level", () => {
    expect(summarizeByDestination(rows).map((d) => [d.key, d.verdict, d.total, d.counts])).toEqual([
      ["CH", "ok", 1, { critical: 0, attention: 0, info: 0, ok: 1 }],
      ["UNKNOWN", "attention", 1, { critical: 0, attention: 1, info: 0, ok: 0 }],
      ["US", "critical", 4, { critical: 1, attention: 2, info: 0, ok: 1 }],
    ]);
  });

  it("matrix cells per country and mechanism, mechanisms in enum order", () => {
    const m = riskMatrix(rows);
    expect(m.countries).toEqual(["CH", "UNKNOWN", "US"]);
    expect(m.mechanisms).toEqual(["ADEQUACY", "DPF", "SCC_2021_M2", "BCR_C", "NONE_STATED"]);
    expect(m.cells.map((c) => [c.country, c.mechanism, c.verdict, c.total])).toEqual([
      ["CH", "ADEQUACY", "ok", 1],
      ["UNKNOWN", "BCR_C", "attention", 1],
      ["US", "DPF", "ok", 1],
      ["US", "SCC_2021_M2", "attention", 2],
      ["US", "NONE_STATED", "critical", 1],
    ]);
  });

  it("destination keys", () => {
    expect(destinationKey({ kind: "country", code: "US", isEea: false })).toBe("US");
    expect(destinationKey({ kind: "organisation", name: "European Patent Organisation" })).toBe("ORG:European Patent Organisation");
    expect(destinationKey({ kind: "unknown" })).toBe("UNKNOWN");
  });
});

describe("findings list and filters", () => {
  const rows = [
    row("t1", "ok", { activityId: "a1" }),
    row("t2", "attention", { activityId: "a2", departmentId: "d1", vendorId: "v2" }),
    row("t3", "critical", { activityId: "a1", country: "IN", mechanism: "NONE_STATED" }),
    row("t4", "info", { activityId: "a3", viaVendorId: "v9" }),
  ];

  it("findings sorted by severity; ok reasons left out by default", () => {
    expect(riskFindings(rows).map((f) => [f.transferId, f.level])).toEqual([
      ["t3", "critical"],
      ["t2", "attention"],
      ["t4", "info"],
    ]);
    expect(riskFindings(rows, "attention")).toHaveLength(2);
  });

  it("filters by verdict, country, mechanism, vendor (also via the chain) and department", () => {
    const ids = (f: Parameters<typeof filterRiskRows>[1]) => filterRiskRows(rows, f).map((r) => r.transferId);
    expect(ids({ verdicts: ["critical"] })).toEqual(["t3"]);
    expect(ids({ verdicts: [] })).toEqual(["t1", "t2", "t3", "t4"]);
    expect(ids({ country: "IN" })).toEqual(["t3"]);
    expect(ids({ mechanism: "NONE_STATED" })).toEqual(["t3"]);
    expect(ids({ vendorId: "v9" })).toEqual(["t4"]);
    expect(ids({ departmentId: "d1" })).toEqual(["t2"]);
  });

  it("summarizeRisk totals transfers and findings per level, for the dashboard tiles", () => {
    const s = summarizeRisk(rows);
    expect(s.totals.transfers).toEqual({ critical: 1, attention: 1, info: 1, ok: 1 });
    expect(s.totals.findings).toEqual({ critical: 1, attention: 1, info: 1, ok: 1 });
    expect(s.asOf).toBe("2024-03-01");
    expect(s.referenceVersions).toEqual(["2026.11.1"]);
    expect(s.byActivity[0]?.activityId).toBe("a1");
  });

  it("an empty register summarises to zeros", () => {
    const s = summarizeRisk([]);
    expect(s.totals.transfers).toEqual({ critical: 0, attention: 0, info: 0, ok: 0 });
    expect([s.byActivity, s.byVendor, s.byDestination, s.findings, s.matrix.cells, s.asOf]).toEqual([[], [], [], [], [], null]);
  });
});

describe("with real verdicts (evaluateTransfer)", () => {
  const ref = referenceSnapshotFromJson({
    version: versionJson,
    countries: countriesJson,
    legalSources: legalSourcesJson,
    adequacyDecisions: adequacyJson,
    transferInstruments: instrumentsJson,
  });
  const asOf = new Date("2024-03-01T00:00:00.000Z");
  const base = {
    internationalOrganisation: null,
    access: "STORAGE" as const,
    contractConcludedAt: null,
    isRegular: true,
    importerSubjectToGdpr: false,
    art49Assessment: null,
    saInformedAt: null,
    tia: null,
    supplementaryMeasures: null,
  };
  const ctx = { exporterRole: "CONTROLLER" as const, importerRole: "PROCESSOR" as const, dataIncludesHr: false, consentForTrackingOrHosting: false, vendor: null };
  const make = (id: string, activityId: string, destinationCountry: string, mechanism: TransferMechanism): RiskRow => ({
    transferId: id,
    activityId,
    vendorId: null,
    viaVendorId: null,
    departmentId: null,
    mechanism,
    verdict: evaluateTransfer({ ...base, id, destinationCountry, mechanism }, ctx, asOf, ref),
  });

  it("an activity with an SCC transfer without TIA and an unstated transfer is critical with both reasons", () => {
    const [a] = summarizeByActivity([make("t1", "a1", "US", "SCC_2021_M2"), make("t2", "a1", "US", "NONE_STATED"), make("t3", "a1", "CH", "ADEQUACY")]);
    expect(a?.verdict).toBe("critical");
    expect(a?.verdicts.flatMap((v) => v.reasons.map((r) => r.ruleId))).toEqual(["TR11", "TR18", "TR04"]);
    expect(riskFindings([make("t1", "a1", "US", "SCC_2021_M2"), make("t2", "a1", "US", "NONE_STATED")]).map((f) => f.ruleId)).toEqual(["TR18", "TR11"]);
  });
});
