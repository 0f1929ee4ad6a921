import { describe, it, expect } from "vitest";
import versionJson from "../../prisma/reference/version.json";
import countriesJson from "../../prisma/reference/countries.json";
import legalSourcesJson from "../../prisma/reference/legal-sources.json";
import adequacyJson from "../../prisma/reference/adequacy-decisions.json";
import instrumentsJson from "../../prisma/reference/transfer-instruments.json";
import dpiaListsJson from "../../prisma/reference/dpia-lists.json";
import { referenceSnapshotFromJson, type ReferenceJson } from "./reference";
import {
  evaluateTransfer,
  exporterRoleFor,
  importerRoleFor,
  includesHrData,
  tiaFacts,
  TRANSFER_RISK_MESSAGE_KEYS,
  type DpfCheckFacts,
  type RiskReason,
  type RuleId,
  type TransferContext,
  type TransferFacts,
  type TransferVerdict,
  type VendorFacts,
} from "./transfer-risk";

// The real reference data (prisma/reference/*.json): every boundary below comes from these files.
const JSON_FILES: ReferenceJson = {
  version: versionJson,
  countries: countriesJson,
  legalSources: legalSourcesJson,
  adequacyDecisions: adequacyJson,
  transferInstruments: instrumentsJson,
  dpiaLists: dpiaListsJson,
};
const ref = referenceSnapshotFromJson(JSON_FILES);

const D = (day: string) => new Date(`${day}T00:00:00.000Z`);

function facts(over: Partial<TransferFacts> = {}): TransferFacts {
  return {
    id: "t1",
    destinationCountry: "US",
    internationalOrganisation: null,
    access: "STORAGE",
    mechanism: "SCC_2021_M2",
    contractConcludedAt: D("2022-01-10"),
    isRegular: true,
    importerSubjectToGdpr: false,
    art49Assessment: null,
    saInformedAt: null,
    tia: null,
    supplementaryMeasures: null,
    ...over,
  };
}

function ctx(over: Partial<TransferContext> = {}): TransferContext {
  return { exporterRole: "CONTROLLER", importerRole: "PROCESSOR", dataIncludesHr: false, consentForTrackingOrHosting: false, vendor: null, ...over };
}

function vendor(over: Partial<VendorFacts> = {}): VendorFacts {
  return { country: "US", parentCountry: null, dpfChecks: [], locations: [], subProcessors: [], ...over };
}

function dpfCheck(checkedAt: string, over: Partial<DpfCheckFacts> = {}): DpfCheckFacts {
  return { status: "ACTIVE", coversHr: false, coversNonHr: true, checkedAt: D(checkedAt), nextCertificationDue: D("2030-01-01"), ...over };
}

const goTia = { assessedAt: D("2023-01-15"), nextReviewAt: D("2030-01-01"), conclusion: "GO" as const };

const run = (t: TransferFacts, c: TransferContext, asOf: string): TransferVerdict => evaluateTransfer(t, c, D(asOf), ref);
const fired = (v: TransferVerdict, ruleId: RuleId): RiskReason[] => v.reasons.filter((r) => r.ruleId === ruleId);
const keys = (v: TransferVerdict): string[] => v.reasons.map((r) => `${r.messageKey}:${r.level}`);
const one = (v: TransferVerdict, ruleId: RuleId): RiskReason => {
  const rs = fired(v, ruleId);
  expect(rs).toHaveLength(1);
  const r = rs[0];
  if (!r) throw new Error(`${ruleId} did not fire`);
  return r;
};

const identifiersIn = (r: RiskReason) => r.citations.map((c) => c.identifier);

describe("verdict shape (legal-reference §6.11)", () => {
  it("names the as-of day and the reference-data version it used", () => {
    const v = run(facts(), ctx(), "2024-03-01");
    expect(v.asOf).toBe("2024-03-01");
    expect(v.referenceVersion).toBe(versionJson.version);
    expect(v.transferId).toBe("t1");
  });

  it("lists every fired rule, worst first, and the verdict is the worst of them", () => {
    const v = run(facts({ mechanism: "SCC_2021_M1", importerSubjectToGdpr: true }), ctx(), "2024-03-01");
    expect(keys(v)).toEqual(["risk.TR10.reason:attention", "risk.TR11.reason:attention", "risk.TR12.reason:info"]);
    expect(v.verdict).toBe("attention");
  });

  it("every emitted key is declared in TRANSFER_RISK_MESSAGE_KEYS", () => {
    const v = run(facts({ mechanism: "ART49_1_SUBPARA2", isRegular: true }), ctx(), "2024-03-01");
    for (const r of v.reasons) {
      expect(TRANSFER_RISK_MESSAGE_KEYS).toContain(r.messageKey);
      if (r.fixKey) expect(TRANSFER_RISK_MESSAGE_KEYS).toContain(r.fixKey);
    }
  });
});

describe("TR01 recipient and all locations in the EEA: Art. 44 not engaged (EDPB Guidelines 05/2021)", () => {
  it("an EEA destination without a vendor chain is ok", () => {
    const v = run(facts({ destinationCountry: "DE", mechanism: "NOT_A_TRANSFER" }), ctx(), "2024-03-01");
    expect(v.verdict).toBe("ok");
    expect(keys(v)).toEqual(["risk.TR01.reason:ok"]);
    expect(identifiersIn(one(v, "TR01"))).toEqual(["Art. 44", "EDPB 05/2021"]);
  });

  it("an EEA vendor with EEA locations and EEA sub-processors is ok", () => {
    const c = ctx({
      vendor: vendor({ country: "DE", locations: [{ country: "FR", purpose: "STORAGE" }], subProcessors: [{ name: "Hetzner", country: "FI", access: "STORAGE" }] }),
    });
    expect(run(facts({ destinationCountry: "IE", mechanism: "NONE_STATED" }), c, "2024-03-01").verdict).toBe("ok");
  });

  it("the EU's own code EL is Greece", () => {
    expect(run(facts({ destinationCountry: "EL", mechanism: "NONE_STATED" }), ctx(), "2024-03-01").verdict).toBe("ok");
  });

  it("Croatia is a third country on 30.6.2013 and in the EEA from 1.7.2013 (dated membership)", () => {
    const t = facts({ destinationCountry: "HR", mechanism: "NONE_STATED" });
    expect(run(t, ctx(), "2013-06-30").verdict).toBe("critical");
    expect(run(t, ctx(), "2013-07-01").verdict).toBe("ok");
  });

  it("the United Kingdom counts as EEA until 31.12.2020 and as a third country from 1.1.2021", () => {
    const t = facts({ destinationCountry: "GB", mechanism: "NONE_STATED" });
    expect(run(t, ctx(), "2020-12-31").verdict).toBe("ok");
    expect(one(run(t, ctx(), "2021-01-01"), "TR18").level).toBe("critical");
  });
});

describe("TR02 EEA provider with access from a third country: remote access is a transfer (EDPB Guidelines 05/2021)", () => {
  const support = vendor({ country: "DE", locations: [{ country: "DE", purpose: "STORAGE" }, { country: "IN", purpose: "SUPPORT" }] });

  it("support access from India makes an EEA-hosted transfer attention and names the country", () => {
    const v = run(facts({ destinationCountry: "DE", mechanism: "NOT_A_TRANSFER" }), ctx({ vendor: support }), "2024-03-01");
    expect(v.verdict).toBe("attention");
    const r = one(v, "TR02");
    expect(r.params).toMatchObject({ country: "IN", purpose: "SUPPORT" });
    expect(r.fixKey).toBe("risk.TR02.fix");
    expect(fired(v, "TR01")).toHaveLength(0);
  });

  it("once the access country is recorded as its own transfer, it is only noted", () => {
    const v = run(facts({ destinationCountry: "DE", mechanism: "NOT_A_TRANSFER" }), ctx({ vendor: support, coveredCountries: ["IN"] }), "2024-03-01");
    expect(v.verdict).toBe("ok");
    expect(keys(v)).toEqual(["risk.TR02.covered:ok", "risk.TR01.reason:ok"]);
  });

  it("a third-country recipient's location in yet another third country is info", () => {
    const c = ctx({ vendor: vendor({ dpfChecks: [dpfCheck("2024-01-01")], locations: [{ country: "IN", purpose: "SUPPORT" }] }) });
    const v = run(facts({ mechanism: "DPF" }), c, "2024-03-01");
    expect(one(v, "TR02").messageKey).toBe("risk.TR02.otherCountry");
    expect(v.verdict).toBe("info");
  });
});

describe("TR03 EEA provider with a non-EU parent: foreign-access risk (EDPB Guidelines 05/2021; Art. 28, 32)", () => {
  it("an EEA subsidiary of a US group without access from abroad is attention, cites Art. 28 and 32", () => {
    const v = run(facts({ destinationCountry: "IE", mechanism: "NOT_A_TRANSFER" }), ctx({ vendor: vendor({ country: "IE", parentCountry: "US" }) }), "2024-03-01");
    const r = one(v, "TR03");
    expect(r.level).toBe("attention");
    expect(r.params).toEqual({ parentCountry: "US" });
    expect(identifiersIn(r)).toEqual(["EDPB 05/2021", "Art. 28", "Art. 32"]);
    expect(v.reasons.map((x) => x.ruleId)).toEqual(["TR03", "TR01"]);
  });

  it("with access from abroad TR02 applies instead", () => {
    const c = ctx({ vendor: vendor({ country: "IE", parentCountry: "US", locations: [{ country: "US", purpose: "REMOTE_ACCESS" }] }) });
    const v = run(facts({ destinationCountry: "IE" }), c, "2024-03-01");
    expect(fired(v, "TR03")).toHaveLength(0);
    expect(fired(v, "TR02")).toHaveLength(1);
  });

  it("an importer seated in a third country with EEA hosting is attention (importerSeat)", () => {
    const v = run(facts({ destinationCountry: "DE" }), ctx({ vendor: vendor({ country: "US" }) }), "2024-03-01");
    expect(one(v, "TR03").messageKey).toBe("risk.TR03.importerSeat");
    expect(v.verdict).toBe("attention");
  });
});

describe("TR04 adequacy valid on D and recipient within its scope (Art. 45 + decision)", () => {
  const adequacy = (country: string) => facts({ destinationCountry: country, mechanism: "ADEQUACY" });

  it("Switzerland: ok, cites Art. 45 and Decision 2000/518/EC", () => {
    const v = run(adequacy("CH"), ctx(), "2024-03-01");
    expect(v.verdict).toBe("ok");
    expect(identifiersIn(one(v, "TR04"))).toEqual(["Art. 45", "2000/518/EC"]);
  });

  it("Canada: a private commercial importer is within the PIPEDA scope (2002/2/EC)", () => {
    const r = one(run(adequacy("CA"), ctx({ importerSector: "PRIVATE" }), "2024-03-01"), "TR04");
    expect(r.level).toBe("ok");
    expect(r.params).toMatchObject({ decision: "2002/2/EC", scope: "COMMERCIAL_PIPEDA" });
  });

  it("Japan: the private sector is within scope by default (2019/419)", () => {
    expect(one(run(adequacy("JP"), ctx(), "2024-03-01"), "TR04").params).toMatchObject({ scope: "PRIVATE_SECTOR" });
  });

  it("Israel's partial scope is info: confirm the recipient is covered (2011/61/EU)", () => {
    const r = one(run(adequacy("IL"), ctx(), "2024-03-01"), "TR04");
    expect(r.level).toBe("info");
    expect(r.messageKey).toBe("risk.TR04.partialScope");
  });

  it("Brazil: adequacy from 26.1.2026 (Implementing Decision (EU) 2026/179)", () => {
    expect(one(run(adequacy("BR"), ctx(), "2026-01-25"), "TR05").messageKey).toBe("risk.TR05.notInForce");
    expect(run(adequacy("BR"), ctx(), "2026-01-26").verdict).toBe("ok");
  });

  it("European Patent Organisation: the first decision for an international organisation, from 15.7.2025", () => {
    const t = facts({ destinationCountry: null, internationalOrganisation: "European Patent Organisation", mechanism: "ADEQUACY" });
    expect(run(t, ctx(), "2025-07-14").verdict).toBe("critical");
    const v = run(t, ctx(), "2025-07-15");
    expect(v.verdict).toBe("ok");
    expect(v.destination).toEqual({ kind: "organisation", name: "European Patent Organisation" });
  });

  it("UK 27.6.2025 / 28.6.2025: Decision 2021/1772 until its sunset, then the technical extension", () => {
    const t = adequacy("GB");
    const before = one(run(t, ctx(), "2025-06-27"), "TR04");
    const after = one(run(t, ctx(), "2025-06-28"), "TR04");
    expect(before.params.decision).toBe("2021/1772");
    expect(after.params.decision).toBe("UK-2025-EXTENSION");
    expect(run(t, ctx(), "2025-06-27").verdict).toBe("ok");
    expect(run(t, ctx(), "2025-06-28").verdict).toBe("ok");
  });

  it("UK 27.12.2025 / 28.12.2025: the renewed decision (in force since 19.12.2025) carries on after the extension ends", () => {
    const t = adequacy("GB");
    const last = run(t, ctx(), "2025-12-27");
    const next = run(t, ctx(), "2025-12-28");
    expect(one(last, "TR04").params.decision).toBe("UK-2025-RENEWAL");
    expect(one(next, "TR04").params.decision).toBe("UK-2025-RENEWAL");
    expect([last.verdict, next.verdict]).toEqual(["ok", "ok"]);
    expect(fired(last, "TR20")).toHaveLength(0); // coverage continues: no sunset notice
  });

  it("UK 27.6.2021 / 28.6.2021: no adequacy before Decision 2021/1772", () => {
    expect(run(adequacy("GB"), ctx(), "2021-06-27").verdict).toBe("critical");
    expect(run(adequacy("GB"), ctx(), "2021-06-28").verdict).toBe("ok");
  });
});

describe("TR05 adequacy valid on D but recipient outside its scope (Art. 45 + decision scope)", () => {
  it("a Canadian public body is not covered by the PIPEDA decision: critical, choose an Art. 46 tool", () => {
    const r = one(run(facts({ destinationCountry: "CA", mechanism: "ADEQUACY" }), ctx({ importerSector: "PUBLIC" }), "2024-03-01"), "TR05");
    expect(r.level).toBe("critical");
    expect(r.messageKey).toBe("risk.TR05.reason");
    expect(r.fixKey).toBe("risk.TR05.fix");
    expect(identifiersIn(r)).toEqual(["Art. 45", "2002/2/EC", "Art. 46"]);
  });

  it("a Japanese public-sector body is not covered by 2019/419", () => {
    expect(run(facts({ destinationCountry: "JP", mechanism: "ADEQUACY" }), ctx({ importerSector: "PUBLIC" }), "2024-03-01").verdict).toBe("critical");
  });

  it("an explicit 'not in scope' answer takes a partial decision away (Korea 2022/254)", () => {
    expect(run(facts({ destinationCountry: "KR", mechanism: "ADEQUACY" }), ctx({ importerInScope: false }), "2024-03-01").verdict).toBe("critical");
  });

  it("adequacy cited for a country without a decision is critical (notInForce)", () => {
    const r = one(run(facts({ destinationCountry: "IN", mechanism: "ADEQUACY" }), ctx(), "2024-03-01"), "TR05");
    expect(r.messageKey).toBe("risk.TR05.notInForce");
  });

  it("US adequacy exists only for DPF-certified organisations: adequacy cited for an uncertified US recipient is TR07", () => {
    const t = facts({ mechanism: "ADEQUACY" });
    expect(one(run(t, ctx({ vendor: vendor() }), "2024-03-01"), "TR07").level).toBe("critical");
    expect(run(t, ctx({ vendor: vendor({ dpfChecks: [dpfCheck("2024-01-01")] }) }), "2024-03-01").verdict).toBe("ok");
  });
});

describe("TR06 US recipient on the DPF List, active on D, coverage matches (Decision (EU) 2023/1795)", () => {
  const dpf = facts({ mechanism: "DPF" });

  it("an active non-HR certification is ok and notes the appeal C-703/25 P and the recertification date", () => {
    const v = run(dpf, ctx({ vendor: vendor({ dpfChecks: [dpfCheck("2024-01-01", { nextCertificationDue: D("2024-09-30") })] }) }), "2024-03-01");
    expect(v.verdict).toBe("ok");
    const r = one(v, "TR06");
    expect(identifiersIn(r)).toEqual(["2023/1795", "DPF-LIST", "C-703/25 P"]);
    expect(r.params).toMatchObject({ checkedAt: "2024-01-01", nextCertificationDue: "2024-09-30", status: "ACTIVE" });
    expect(r.fixKey).toBe("risk.TR06.fix");
  });

  it("HR data with HR coverage is ok", () => {
    const c = ctx({ dataIncludesHr: true, vendor: vendor({ dpfChecks: [dpfCheck("2024-01-01", { coversHr: true })] }) });
    expect(run(dpf, c, "2024-03-01").verdict).toBe("ok");
  });

  it("9.7.2023 / 10.7.2023: the DPF decision applies from 10.7.2023", () => {
    const c = ctx({ vendor: vendor({ dpfChecks: [dpfCheck("2023-07-01")] }) });
    const before = run(dpf, c, "2023-07-09");
    expect(before.verdict).toBe("critical");
    expect(one(before, "TR07").params).toMatchObject({ validFrom: "2023-07-10", decision: "2023/1795" });
    expect(one(before, "TR07").messageKey).toBe("risk.TR07.decisionNotInForce");
    expect(run(dpf, c, "2023-07-10").verdict).toBe("ok");
  });

  it("a certification past its next-certification-due date needs a re-check (attention)", () => {
    const c = ctx({ vendor: vendor({ dpfChecks: [dpfCheck("2024-01-01", { nextCertificationDue: D("2024-02-01") })] }) });
    expect(one(run(dpf, c, "2024-02-01"), "TR06").level).toBe("ok");
    expect(one(run(dpf, c, "2024-02-02"), "TR06").messageKey).toBe("risk.TR06.recertificationOverdue");
  });

  it("Cegedim case: DPF flagged until active participation is recorded, then passes; as of 1.7.2022 critical", () => {
    const without = ctx({ vendor: vendor() });
    const withCheck = ctx({ vendor: vendor({ dpfChecks: [dpfCheck("2025-05-01")] }) });
    expect(run(dpf, without, "2025-06-01").verdict).toBe("critical");
    expect(run(dpf, withCheck, "2025-06-01").verdict).toBe("ok");
    expect(run(dpf, withCheck, "2022-07-01").verdict).toBe("critical");
  });
});

describe("TR07 DPF cited but recipient not listed, inactive, or HR without HR coverage (Decision (EU) 2023/1795)", () => {
  const dpf = facts({ mechanism: "DPF" });
  const at = (checks: DpfCheckFacts[], over: Partial<TransferContext> = {}, asOf = "2024-03-01") =>
    run(dpf, ctx({ vendor: vendor({ dpfChecks: checks }), ...over }), asOf);

  it("no DPF check recorded: critical, fix SCC module 2 + TIA", () => {
    const r = one(at([]), "TR07");
    expect([r.level, r.messageKey, r.fixKey]).toEqual(["critical", "risk.TR07.reason", "risk.TR07.fix"]);
  });

  it("listed as NOT_LISTED: critical", () => {
    expect(one(at([dpfCheck("2024-01-01", { status: "NOT_LISTED" })]), "TR07").messageKey).toBe("risk.TR07.reason");
  });

  it("inactive on the list: critical", () => {
    expect(one(at([dpfCheck("2024-01-01", { status: "INACTIVE" })]), "TR07").messageKey).toBe("risk.TR07.inactive");
  });

  it("HR data without HR coverage: critical, fix obtain HR coverage", () => {
    const r = one(at([dpfCheck("2024-01-01")], { dataIncludesHr: true }), "TR07");
    expect([r.messageKey, r.fixKey]).toEqual(["risk.TR07.noHrCoverage", "risk.TR07.fixHr"]);
  });

  it("non-HR data with HR-only coverage: critical", () => {
    expect(one(at([dpfCheck("2024-01-01", { coversHr: true, coversNonHr: false })]), "TR07").messageKey).toBe("risk.TR07.noNonHrCoverage");
  });

  it("the latest check on or before D counts; later checks are ignored", () => {
    const checks = [dpfCheck("2024-01-01"), dpfCheck("2024-06-01", { status: "INACTIVE" })];
    expect(at(checks, {}, "2024-05-31").verdict).toBe("ok");
    expect(one(at(checks, {}, "2024-06-01"), "TR07").messageKey).toBe("risk.TR07.inactive");
  });

  it("DPF cited for a destination without a DPF-type decision: critical (notApplicable)", () => {
    const v = run(facts({ destinationCountry: "IN", mechanism: "DPF" }), ctx({ vendor: vendor({ dpfChecks: [dpfCheck("2024-01-01")] }) }), "2024-03-01");
    expect(one(v, "TR07").messageKey).toBe("risk.TR07.notApplicable");
  });
});

describe("TR08 US recipient + SCC 2021 + TIA (Art. 46(2)(c); SCC Clause 14; EDPB Rec. 01/2020)", () => {
  it("a TIA concluding GO makes it ok", () => {
    const v = run(facts({ tia: goTia }), ctx(), "2024-03-01");
    expect(v.verdict).toBe("ok");
    expect(one(v, "TR08").messageKey).toBe("risk.TR08.noIssues");
  });

  it("a TIA concluding GO_WITH_MEASURES with measures is attention", () => {
    const v = run(facts({ tia: { ...goTia, conclusion: "GO_WITH_MEASURES" }, supplementaryMeasures: "EEA-held keys" }), ctx(), "2024-03-01");
    expect(one(v, "TR08").messageKey).toBe("risk.TR08.reason");
    expect(v.verdict).toBe("attention");
  });

  it("a TIA concluding STOP is critical", () => {
    expect(one(run(facts({ tia: { ...goTia, conclusion: "STOP" } }), ctx(), "2024-03-01"), "TR08").level).toBe("critical");
  });

  it("before the DPF decision (9.7.2023) the same US transfer is judged like any non-adequate country (TR09)", () => {
    const t = facts({ tia: { ...goTia, assessedAt: D("2023-01-15") } });
    expect(fired(run(t, ctx(), "2023-07-09"), "TR09")).toHaveLength(1);
    expect(fired(run(t, ctx(), "2023-07-10"), "TR08")).toHaveLength(1);
  });
});

describe("TR09 non-adequate country + SCC or BCR + TIA + supplementary measures (Art. 46; EDPB Rec. 01/2020)", () => {
  const india = (over: Partial<TransferFacts>) => facts({ destinationCountry: "IN", ...over });

  it("TIA with measures: attention, keep the review date", () => {
    const r = one(run(india({ tia: { ...goTia, conclusion: "GO_WITH_MEASURES" }, supplementaryMeasures: "pseudonymisation" }), ctx(), "2024-03-01"), "TR09");
    expect([r.level, r.messageKey, r.fixKey]).toEqual(["attention", "risk.TR09.reason", "risk.TR09.fix"]);
    expect(identifiersIn(r)).toEqual(["Art. 46(2)(c)", "EDPB Rec. 01/2020"]);
  });

  it("TIA requires measures but none are recorded: attention (measuresMissing)", () => {
    expect(one(run(india({ tia: { ...goTia, conclusion: "GO_WITH_MEASURES" } }), ctx(), "2024-03-01"), "TR09").messageKey).toBe("risk.TR09.measuresMissing");
  });

  it("a TIA without a conclusion: attention (conclusionMissing)", () => {
    expect(one(run(india({ tia: { ...goTia, conclusion: null } }), ctx(), "2024-03-01"), "TR09").messageKey).toBe("risk.TR09.conclusionMissing");
  });

  it("BCR-C with a TIA cites Art. 47", () => {
    const r = one(run(india({ mechanism: "BCR_C", tia: { ...goTia, conclusion: "GO_WITH_MEASURES" }, supplementaryMeasures: "x" }), ctx(), "2024-03-01"), "TR09");
    expect(identifiersIn(r)).toContain("Art. 47");
  });
});

describe("TR10 SCC module does not match the roles (Decision (EU) 2021/914)", () => {
  it("module 1 with a processor importer: attention, switch to module 2", () => {
    const r = one(run(facts({ mechanism: "SCC_2021_M1" }), ctx(), "2024-03-01"), "TR10");
    expect(r.level).toBe("attention");
    expect(r.params).toMatchObject({ recordedModule: 1, expectedModule: 2, exporterRole: "CONTROLLER", importerRole: "PROCESSOR" });
    expect(identifiersIn(r)).toEqual(["2021/914", "Art. 46(2)(c)"]);
  });

  it.each([
    ["CONTROLLER", "CONTROLLER", "SCC_2021_M1"],
    ["CONTROLLER", "PROCESSOR", "SCC_2021_M2"],
    ["PROCESSOR", "PROCESSOR", "SCC_2021_M3"],
    ["PROCESSOR", "CONTROLLER", "SCC_2021_M4"],
  ] as const)("%s → %s with %s matches", (exporterRole, importerRole, mechanism) => {
    expect(fired(run(facts({ mechanism }), ctx({ exporterRole, importerRole }), "2024-03-01"), "TR10")).toHaveLength(0);
    for (const other of ["SCC_2021_M1", "SCC_2021_M2", "SCC_2021_M3", "SCC_2021_M4"] as const) {
      if (other === mechanism) continue;
      expect(fired(run(facts({ mechanism: other }), ctx({ exporterRole, importerRole }), "2024-03-01"), "TR10")).toHaveLength(1);
    }
  });

  it("an unknown importer role skips the check", () => {
    expect(fired(run(facts({ mechanism: "SCC_2021_M1" }), ctx({ importerRole: null }), "2024-03-01"), "TR10")).toHaveLength(0);
  });
});

describe("TR11 Art. 46 tool without a TIA (CJEU C-311/18)", () => {
  it("SCC without a TIA is attention (PlusServer: the SCC transfers)", () => {
    const v = run(facts(), ctx(), "2024-03-01");
    const r = one(v, "TR11");
    expect([r.level, r.messageKey, r.fixKey]).toEqual(["attention", "risk.TR11.reason", "risk.TR11.fix"]);
    expect(identifiersIn(r)).toEqual(["C-311/18", "EDPB Rec. 01/2020", "Art. 46(2)(c)"]);
    expect(v.verdict).toBe("attention");
  });

  it("BCR without a TIA is attention (Cegedim: Salesforce)", () => {
    expect(one(run(facts({ mechanism: "BCR_C" }), ctx(), "2024-03-01"), "TR11").level).toBe("attention");
  });

  it.each(["CODE_OF_CONDUCT", "CERTIFICATION", "PUBLIC_AUTHORITY_INSTRUMENT", "AD_HOC_CLAUSES", "ADMIN_ARRANGEMENT", "BCR_P"] as const)(
    "%s without a TIA is attention",
    (mechanism) => {
      expect(one(run(facts({ mechanism, destinationCountry: "IN" }), ctx(), "2024-03-01"), "TR11").level).toBe("attention");
    },
  );

  it("a TIA assessed after D did not exist on D", () => {
    const t = facts({ tia: { ...goTia, assessedAt: D("2024-03-02") } });
    expect(one(run(t, ctx(), "2024-03-01"), "TR11").params.tiaAssessedAt).toBe("2024-03-02");
    expect(run(t, ctx(), "2024-03-02").verdict).toBe("ok");
  });

  it("a TIA without an assessment date is incomplete", () => {
    expect(one(run(facts({ tia: { ...goTia, assessedAt: null } }), ctx(), "2024-03-01"), "TR11").messageKey).toBe("risk.TR11.tiaIncomplete");
  });

  it("15.7.2020 / 16.7.2020: a TIA is required from the Schrems II judgment on", () => {
    const t = facts({ mechanism: "BCR_C" });
    expect(one(run(t, ctx(), "2020-07-15"), "TR11")).toMatchObject({ level: "ok", messageKey: "risk.TR11.notRequiredBefore" });
    expect(one(run(t, ctx(), "2020-07-16"), "TR11").level).toBe("attention");
  });

  it("a TIA reference and date on the transfer count as a TIA assessed on that date (tiaFacts)", () => {
    expect(tiaFacts(null, "TIA-7", D("2023-02-01"))).toEqual({ assessedAt: D("2023-02-01"), nextReviewAt: null, conclusion: null });
    expect(tiaFacts(null, null, null)).toBeNull();
    expect(tiaFacts(null, "TIA-7", null)).toEqual({ assessedAt: null, nextReviewAt: null, conclusion: null });
    expect(tiaFacts({ assessedAt: null, nextReviewAt: null, conclusion: "GO" }, null, D("2023-02-01"))?.assessedAt).toEqual(D("2023-02-01"));
    const v = run(facts({ tia: tiaFacts(null, "TIA-7", D("2023-02-01")) }), ctx(), "2024-03-01");
    expect(fired(v, "TR11")).toHaveLength(0);
    expect(one(v, "TR08").messageKey).toBe("risk.TR08.conclusionMissing");
  });
});

describe("TR12 importer subject to the GDPR via Art. 3(2) with 2021 SCCs (Decision (EU) 2021/914, recital 7)", () => {
  it("is info: a legal gap to watch", () => {
    const r = one(run(facts({ importerSubjectToGdpr: true, tia: goTia }), ctx(), "2024-03-01"), "TR12");
    expect([r.level, r.fixKey]).toEqual(["info", "risk.TR12.fix"]);
    expect(identifiersIn(r)).toEqual(["2021/914", "Art. 3(2)", "EDPB 05/2021"]);
  });

  it("does not fire for BCR", () => {
    expect(fired(run(facts({ mechanism: "BCR_C", importerSubjectToGdpr: true }), ctx(), "2024-03-01"), "TR12")).toHaveLength(0);
  });
});

describe("TR13 Art. 49 derogation for a recurring or systematic transfer (Art. 49; EDPB Guidelines 2/2018; recital 111)", () => {
  it.each(["ART49_1A", "ART49_1B", "ART49_1C", "ART49_1D", "ART49_1E", "ART49_1F", "ART49_1G"] as const)("%s used regularly is critical", (mechanism) => {
    const r = one(run(facts({ mechanism, isRegular: true }), ctx(), "2024-03-01"), "TR13");
    expect([r.level, r.messageKey]).toEqual(["critical", "risk.TR13.reason"]);
    expect(identifiersIn(r)).toEqual(expect.arrayContaining(["Art. 49", "EDPB 2/2018", "Recital 111"]));
  });

  it("an occasional transfer on Art. 49(1)(b) is info: check its conditions", () => {
    const v = run(facts({ mechanism: "ART49_1B", isRegular: false }), ctx(), "2024-03-01");
    expect(keys(v)).toEqual(["risk.TR13.occasional:info"]);
  });
});

describe("TR14 Art. 49(1)(a) consent for website tracking or vendor hosting (Art. 49(1)(a); EDPB Guidelines 2/2018)", () => {
  it("is critical even when occasional", () => {
    const v = run(facts({ mechanism: "ART49_1A", isRegular: false }), ctx({ consentForTrackingOrHosting: true }), "2024-03-01");
    const r = one(v, "TR14");
    expect([r.level, r.fixKey]).toEqual(["critical", "risk.TR14.fix"]);
    expect(identifiersIn(r)).toContain("Art. 49(1)(a)");
  });

  it("does not fire without tracking or hosting", () => {
    expect(fired(run(facts({ mechanism: "ART49_1A", isRegular: false }), ctx(), "2024-03-01"), "TR14")).toHaveLength(0);
  });
});

describe("TR15 Art. 49(1) subpara. 2 without documented assessment or SA not informed (Art. 49(1) subpara. 2, 49(6); Art. 30(1)(e))", () => {
  const base = facts({ mechanism: "ART49_1_SUBPARA2", isRegular: false, art49Assessment: "compelling interest: …", saInformedAt: D("2024-02-01") });

  it("documented and SA informed: only the occasional-use note", () => {
    expect(run(base, ctx(), "2024-03-01").verdict).toBe("info");
  });

  it("without the documented assessment: critical", () => {
    const r = one(run({ ...base, art49Assessment: "  " }, ctx(), "2024-03-01"), "TR15");
    expect([r.level, r.messageKey]).toEqual(["critical", "risk.TR15.assessmentMissing"]);
    expect(identifiersIn(r)).toEqual(["Art. 49(1) subpara. 2", "Art. 49(6)", "Art. 30(1)(e)"]);
  });

  it("SA not informed, or informed only after D: critical", () => {
    expect(one(run({ ...base, saInformedAt: null }, ctx(), "2024-03-01"), "TR15").messageKey).toBe("risk.TR15.saNotInformed");
    expect(fired(run(base, ctx(), "2024-01-31"), "TR15")).toHaveLength(1);
    expect(fired(run(base, ctx(), "2024-02-01"), "TR15")).toHaveLength(0);
  });
});

describe("TR16 Privacy Shield or Safe Harbor after invalidation (CJEU C-311/18 of 16.7.2020; C-362/14 of 6.10.2015)", () => {
  const ps = facts({ mechanism: "PRIVACY_SHIELD" });

  it("15.7.2020: Privacy Shield was valid (ok); 16.7.2020 and 17.7.2020: critical", () => {
    expect(one(run(ps, ctx(), "2020-07-15"), "TR16")).toMatchObject({ level: "ok", messageKey: "risk.TR16.validThen" });
    for (const day of ["2020-07-16", "2020-07-17"]) {
      const r = one(run(ps, ctx(), day), "TR16");
      expect([r.level, r.fixKey]).toEqual(["critical", "risk.TR16.fix"]);
      expect(r.params).toMatchObject({ instrument: "PRIVACY_SHIELD", invalidFrom: "2020-07-16" });
      expect(identifiersIn(r)).toEqual(["2016/1250", "C-311/18"]);
    }
  });

  it("5.10.2015 / 6.10.2015: Safe Harbor", () => {
    const sh = facts({ mechanism: "SAFE_HARBOR" });
    expect(run(sh, ctx(), "2015-10-05").verdict).toBe("ok");
    const r = one(run(sh, ctx(), "2015-10-06"), "TR16");
    expect(r.level).toBe("critical");
    expect(identifiersIn(r)).toEqual(["2000/520/EC", "C-362/14"]);
  });

  it("Privacy Shield before its adoption (12.7.2016) was not in force", () => {
    expect(one(run(ps, ctx(), "2016-07-11"), "TR18").messageKey).toBe("risk.TR18.instrumentNotInForce");
  });
});

describe("TR17 old SCCs after 27.12.2022 or concluded on or after 27.9.2021 (Decision (EU) 2021/914, Art. 4)", () => {
  const old = (concluded: string | null) => facts({ mechanism: "SCC_OLD", contractConcludedAt: concluded ? D(concluded) : null, tia: goTia });

  it("27.12.2022 / 28.12.2022: usable in the transition until 27.12.2022 (attention), critical afterwards", () => {
    const last = one(run(old("2020-01-01"), ctx(), "2022-12-27"), "TR17");
    expect([last.level, last.messageKey]).toEqual(["attention", "risk.TR17.transition"]);
    const after = one(run(old("2020-01-01"), ctx(), "2022-12-28"), "TR17");
    expect([after.level, after.messageKey, after.fixKey]).toEqual(["critical", "risk.TR17.reason", "risk.TR17.fix"]);
    expect(identifiersIn(after)).toEqual(expect.arrayContaining(["2021/914", "2010/87/EU"]));
    expect(run(old("2020-01-01"), ctx(), "2023-01-01").verdict).toBe("critical");
  });

  it("26.9.2021 / 27.9.2021: before the repeal old SCCs are an ordinary Art. 46 tool", () => {
    expect(fired(run(old("2020-01-01"), ctx(), "2021-09-26"), "TR17")).toHaveLength(0);
    expect(fired(run(old("2020-01-01"), ctx(), "2021-09-27"), "TR17")).toHaveLength(1);
  });

  it("a contract concluded on 27.9.2021 or later on old SCCs is critical at once; 26.9.2021 is not", () => {
    expect(one(run(old("2021-09-27"), ctx(), "2021-10-01"), "TR17")).toMatchObject({ level: "critical", messageKey: "risk.TR17.concludedAfterRepeal" });
    expect(one(run(old("2021-09-26"), ctx(), "2021-10-01"), "TR17").level).toBe("attention");
  });
});

describe("TR18 third-country transfer with no tool recorded (Art. 44)", () => {
  it("no mechanism to the US is critical (PlusServer: the 12 transfers with none stated)", () => {
    const r = one(run(facts({ mechanism: "NONE_STATED" }), ctx(), "2024-03-01"), "TR18");
    expect([r.level, r.messageKey, r.fixKey]).toEqual(["critical", "risk.TR18.reason", "risk.TR18.fix"]);
    expect(identifiersIn(r)).toEqual(["Art. 44", "Art. 30(1)(e)"]);
  });

  it("no mechanism to New Zealand is critical, and the fix points to its adequacy decision", () => {
    const r = one(run(facts({ destinationCountry: "NZ", mechanism: "NONE_STATED" }), ctx(), "2024-03-01"), "TR18");
    expect(r.fixKey).toBe("risk.TR18.fixAdequacy");
    expect(r.params.adequacyDecision).toBe("2013/65/EU");
  });

  it("OTHER and NOT_A_TRANSFER to a third country are critical", () => {
    expect(one(run(facts({ mechanism: "OTHER" }), ctx(), "2024-03-01"), "TR18").messageKey).toBe("risk.TR18.other");
    expect(one(run(facts({ mechanism: "NOT_A_TRANSFER" }), ctx(), "2024-03-01"), "TR18").messageKey).toBe("risk.TR18.notATransfer");
  });

  it("26.6.2021 / 27.6.2021: the 2021 SCCs are not in force before 27.6.2021", () => {
    const t = facts({ contractConcludedAt: null, mechanism: "BCR_C" });
    expect(fired(run(t, ctx(), "2021-06-26"), "TR18")).toHaveLength(0); // BCR are not dated
    const scc = facts({ contractConcludedAt: null });
    expect(one(run(scc, ctx(), "2021-06-26"), "TR18").messageKey).toBe("risk.TR18.instrumentNotInForce");
    expect(fired(run(scc, ctx(), "2021-06-27"), "TR18")).toHaveLength(0);
  });

  it("SCCs concluded after D were not in place on D", () => {
    const t = facts({ contractConcludedAt: D("2024-03-02"), tia: goTia });
    expect(one(run(t, ctx(), "2024-03-01"), "TR18").messageKey).toBe("risk.TR18.contractNotYetConcluded");
    expect(run(t, ctx(), "2024-03-02").verdict).toBe("ok");
  });
});

describe("TR19 TIA next-review date before D (EDPB Rec. 01/2020, step 6)", () => {
  const t = facts({ tia: { ...goTia, nextReviewAt: D("2024-06-30") } });

  it("30.6.2024 / 1.7.2024: overdue from the day after the review date", () => {
    expect(run(t, ctx(), "2024-06-30").verdict).toBe("ok");
    const r = one(run(t, ctx(), "2024-07-01"), "TR19");
    expect([r.level, r.fixKey]).toEqual(["attention", "risk.TR19.fix"]);
    expect(r.params.nextReviewAt).toBe("2024-06-30");
    expect(identifiersIn(r)).toEqual(["EDPB Rec. 01/2020"]);
  });
});

describe("TR20 adequacy review or sunset within 90 days after D (decision dates)", () => {
  it("Japan's review due 3.4.2027: noticed from 3.1.2027, not on 2.1.2027", () => {
    const t = facts({ destinationCountry: "JP", mechanism: "ADEQUACY" });
    expect(fired(run(t, ctx(), "2027-01-02"), "TR20")).toHaveLength(0);
    const r = one(run(t, ctx(), "2027-01-03"), "TR20");
    expect(r).toMatchObject({ level: "info", messageKey: "risk.TR20.review", params: { decision: "2019/419", reviewDue: "2027-04-03" } });
    expect(run(t, ctx(), "2027-01-03").verdict).toBe("info");
  });

  it("the DPF decision's review is noticed on DPF verdicts too (2023/1795)", () => {
    const v = run(facts({ mechanism: "DPF" }), ctx({ vendor: vendor({ dpfChecks: [dpfCheck("2027-08-01")] }) }), "2027-08-01");
    expect(one(v, "TR20").params).toMatchObject({ decision: "2023/1795", reviewDue: "2027-10-09" });
  });

  it("UK without the renewed decision: sunset noticed on 27.12.2025, critical on 28.12.2025", () => {
    const withoutRenewal = referenceSnapshotFromJson({
      ...JSON_FILES,
      adequacyDecisions: adequacyJson.decisions.filter((d) => d.source !== "UK-2025-RENEWAL"),
    });
    const t = facts({ destinationCountry: "GB", mechanism: "ADEQUACY" });
    const last = evaluateTransfer(t, ctx(), D("2025-12-27"), withoutRenewal);
    expect(last.verdict).toBe("info");
    expect(one(last, "TR20")).toMatchObject({ messageKey: "risk.TR20.sunset", params: { validTo: "2025-12-27" } });
    // 27.6.2025 with the extension in the data: coverage continues, no notice
    expect(fired(evaluateTransfer(t, ctx(), D("2025-06-27"), withoutRenewal), "TR20").filter((r) => r.messageKey === "risk.TR20.sunset")).toHaveLength(0);
    // 28.9.2025 (90 days before 27.12.2025): noticed; 27.9.2025: not yet
    expect(fired(evaluateTransfer(t, ctx(), D("2025-09-28"), withoutRenewal), "TR20")).toHaveLength(1);
    expect(fired(evaluateTransfer(t, ctx(), D("2025-09-27"), withoutRenewal), "TR20")).toHaveLength(0);
    expect(evaluateTransfer(t, ctx(), D("2025-12-28"), withoutRenewal).verdict).toBe("critical");
  });
});

describe("ONWARD transfers along the sub-processor chain (Art. 44; Art. 28(2), (4); EDPB Guidelines 05/2021)", () => {
  const eea = (subProcessors: VendorFacts["subProcessors"]) => ctx({ vendor: vendor({ country: "DE", subProcessors }) });
  const hosted = facts({ destinationCountry: "DE", mechanism: "NOT_A_TRANSFER" });

  it("an EEA vendor whose sub-processor processes in the US: attention naming sub-processor and country", () => {
    const v = run(hosted, eea([{ name: "Twilio Inc.", country: "US", access: "REMOTE_ACCESS" }]), "2024-03-01");
    expect(v.verdict).toBe("attention");
    expect(one(v, "ONWARD")).toMatchObject({ level: "attention", params: { subProcessor: "Twilio Inc.", country: "US", access: "REMOTE_ACCESS" } });
    expect(fired(v, "TR01")).toHaveLength(0);
  });

  it("covered by a recorded transfer: only noted", () => {
    const v = run(hosted, { ...eea([{ name: "Twilio Inc.", country: "US", access: "STORAGE" }]), coveredCountries: ["US"] }, "2024-03-01");
    expect(v.verdict).toBe("ok");
  });

  it("EEA sub-processors are no onward transfer; an unknown location is info", () => {
    expect(run(hosted, eea([{ name: "OVH", country: "FR", access: "STORAGE" }]), "2024-03-01").verdict).toBe("ok");
    expect(one(run(hosted, eea([{ name: "Unknown Ltd", country: null, access: "STORAGE" }]), "2024-03-01"), "ONWARD").messageKey).toBe("risk.ONWARD.countryUnknown");
  });

  it("a third-country recipient's sub-processor in another third country is info; in the same country nothing", () => {
    const c = ctx({
      vendor: vendor({
        dpfChecks: [dpfCheck("2024-01-01")],
        subProcessors: [
          { name: "Infosys", country: "IN", access: "REMOTE_ACCESS" },
          { name: "AWS", country: "US", access: "STORAGE" },
        ],
      }),
    });
    const v = run(facts({ mechanism: "DPF" }), c, "2024-03-01");
    expect(one(v, "ONWARD")).toMatchObject({ level: "info", messageKey: "risk.ONWARD.thirdCountry", params: { subProcessor: "Infosys" } });
  });
});

describe("DEST destination not recorded (Art. 30(1)(e))", () => {
  it("is attention, and a missing tool is still critical", () => {
    expect(keys(run(facts({ destinationCountry: null, mechanism: "NOT_A_TRANSFER" }), ctx(), "2024-03-01"))).toEqual(["risk.DEST.reason:attention"]);
    const v = run(facts({ destinationCountry: null, mechanism: "NONE_STATED" }), ctx(), "2024-03-01");
    expect(v.reasons.map((r) => r.ruleId)).toEqual(["TR18", "DEST"]);
    expect(v.destination).toEqual({ kind: "unknown" });
  });
});

describe("context helpers", () => {
  it("importer role from the recipient role", () => {
    expect(importerRoleFor("PROCESSOR")).toBe("PROCESSOR");
    expect(importerRoleFor("SUB_PROCESSOR")).toBe("PROCESSOR");
    expect(importerRoleFor("INDEPENDENT_CONTROLLER")).toBe("CONTROLLER");
    expect(importerRoleFor("JOINT_CONTROLLER")).toBe("CONTROLLER");
    expect(importerRoleFor("PUBLIC_AUTHORITY")).toBe("CONTROLLER");
    expect(importerRoleFor("INTERNAL")).toBeNull();
    expect(importerRoleFor("OTHER")).toBeNull();
  });

  it("exporter role: processor activities and onward transfers export as processor", () => {
    expect(exporterRoleFor("CONTROLLER", false)).toBe("CONTROLLER");
    expect(exporterRoleFor("JOINT_CONTROLLER", false)).toBe("CONTROLLER");
    expect(exporterRoleFor("PROCESSOR", false)).toBe("PROCESSOR");
    expect(exporterRoleFor("CONTROLLER", true)).toBe("PROCESSOR");
  });

  it("HR data: employees, applicants or employment data", () => {
    expect(includesHrData(["EMPLOYEES"], [])).toBe(true);
    expect(includesHrData(["APPLICANTS"], [])).toBe(true);
    expect(includesHrData(["CUSTOMERS"], ["EMPLOYMENT"])).toBe(true);
    expect(includesHrData(["CUSTOMERS"], ["CONTACT"])).toBe(false);
  });
});
