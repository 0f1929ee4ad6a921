import { describe, expect, it } from "vitest";
import versionJson from "../../prisma/reference/version.json";
import countriesJson from "../../prisma/reference/countries.json";
import adequacyJson from "../../prisma/reference/adequacy-decisions.json";
import instrumentsJson from "../../prisma/reference/transfer-instruments.json";
import dpiaListsJson from "../../prisma/reference/dpia-lists.json";
import { referenceSnapshotFromJson } from "@/lib/domain/reference";
import { screenDpia } from "@/lib/domain/dpia-screening";
import { criteriaOf, decisionBasis, decisionDrift, LARGE_SCALE_SUGGESTION_FROM, parseDecisionBasis, redFlagsOf, type DpiaFacts } from "./decision";

const lists = referenceSnapshotFromJson({ version: versionJson, countries: countriesJson, adequacyDecisions: adequacyJson, transferInstruments: instrumentsJson, dpiaLists: dpiaListsJson }).dpiaLists;
const AS_OF = new Date("2026-12-03T10:00:00.000Z");
const facts = (over: Partial<DpiaFacts> = {}): DpiaFacts => ({
  dataSubjectCodes: ["CUSTOMERS"], specialCategory: false, legalBasisCodes: ["ART6_1_B"], estimatedDataSubjects: null, automatedDecisionMaking: false, profiling: false, ...over,
});
const basisFor = (criteria: string[]) => decisionBasis(criteria, screenDpia({ criteria, redFlags: redFlagsOf(facts()), orgHasDpo: true }, lists, AS_OF));

describe("redFlagsOf: the record's red flags (legal-reference §7.4)", () => {
  it("raises none for an ordinary customer activity", () => {
    expect(redFlagsOf(facts())).toEqual({ specialCategories: false, employeesOrChildren: false, ai: false, tracking: false, largeScale: false });
  });
  it.each(["EMPLOYEES", "APPLICANTS", "CHILDREN", "PUPILS", "PATIENTS"])("%s are vulnerable data subjects (WP248 criterion 7)", (code) => {
    expect(redFlagsOf(facts({ dataSubjectCodes: ["CUSTOMERS", code] })).employeesOrChildren).toBe(true);
  });
  it("special categories, § 25(1) TDDDG consent (tracking) and the scale estimate at the boundary", () => {
    expect(redFlagsOf(facts({ specialCategory: true })).specialCategories).toBe(true);
    expect(redFlagsOf(facts({ legalBasisCodes: ["TDDDG_25_1"] })).tracking).toBe(true);
    expect(redFlagsOf(facts({ legalBasisCodes: ["TDDDG_25_2"] })).tracking).toBe(false);
    expect(redFlagsOf(facts({ estimatedDataSubjects: LARGE_SCALE_SUGGESTION_FROM - 1 })).largeScale).toBe(false);
    expect(redFlagsOf(facts({ estimatedDataSubjects: LARGE_SCALE_SUGGESTION_FROM })).largeScale).toBe(true);
  });
});

describe("criteriaOf", () => {
  it("keeps strings only, unique and sorted; anything but an array is none", () => {
    expect(criteriaOf(["WP248_4", 3, "ART35_3_B", "WP248_4", null])).toEqual(["ART35_3_B", "WP248_4"]);
    expect(criteriaOf({ a: 1 })).toEqual([]);
    expect(criteriaOf(null)).toEqual([]);
  });
});

describe("decision basis and drift", () => {
  it("stores the verdict, every triggered item with its list version and the consequences", () => {
    const b = basisFor(["WP248_4", "WP248_7"]);
    expect(b).toMatchObject({ criteria: ["WP248_4", "WP248_7"], verdict: "likely", wp248Count: 2, asOf: "2026-12-03" });
    expect(b.reasons.map((r) => `${r.code}@${r.listVersion}#${r.itemNo}`)).toEqual(["WP248_4@rev.01#4", "WP248_7@rev.01#7"]);
    expect(b.consequences).toEqual(["dpia", "prior-consultation-art36", "review-35-11"]);
  });

  it("round-trips through JSON; unreadable shapes are null", () => {
    const b = basisFor(["DSK_11"]);
    expect(parseDecisionBasis(JSON.parse(JSON.stringify(b)))).toEqual(b);
    expect(parseDecisionBasis(null)).toBeNull();
    expect(parseDecisionBasis({ ...b, verdict: "maybe" })).toBeNull();
    expect(parseDecisionBasis({ ...b, reasons: [{ code: 1 }] })).toBeNull();
  });

  it("is not stale when the indicator is unchanged", () => {
    expect(decisionDrift(basisFor(["WP248_4"]), basisFor(["WP248_4"]))).toEqual({ stale: false, verdictChanged: false, added: [], removed: [] });
  });

  it("a criterion added since makes the decision stale (and here changes the verdict)", () => {
    expect(decisionDrift(basisFor(["WP248_4"]), basisFor(["WP248_4", "WP248_5"]))).toEqual({ stale: true, verdictChanged: true, added: ["WP248_5@rev.01"], removed: [] });
  });

  it("a removed criterion is reported even when the verdict stays", () => {
    expect(decisionDrift(basisFor(["DSK_11", "ART35_3_A"]), basisFor(["ART35_3_A"]))).toEqual({ stale: true, verdictChanged: false, added: [], removed: ["DSK_11@1.1"] });
  });

  it("a new version of a list counts as a change of the item", () => {
    const before = basisFor(["DSK_11"]);
    const after = { ...before, reasons: before.reasons.map((r) => ({ ...r, listVersion: "2.0" })) };
    expect(decisionDrift(before, after)).toMatchObject({ stale: true, added: ["DSK_11@2.0"], removed: ["DSK_11@1.1"] });
  });
});
