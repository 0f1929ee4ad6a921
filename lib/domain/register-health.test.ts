import { describe, it, expect } from "vitest";
import legalSourcesJson from "../../prisma/reference/legal-sources.json";
import { HEALTH_MESSAGE_KEYS, missingArt30Fields, registerHealth, type HealthActivity, type HealthCode } from "./register-health";

const D = (day: string) => new Date(`${day}T00:00:00.000Z`);
const AS_OF = D("2025-03-01");

const signed = { status: "SIGNED" as const, signedAt: D("2024-01-01"), termEndsAt: null, nextReviewAt: D("2026-01-01") };

function activity(over: Partial<HealthActivity> = {}): HealthActivity {
  return {
    id: "a1",
    role: "CONTROLLER",
    organisation: { name: "Muster GmbH", hasContactDetails: true },
    jointControllers: [],
    clientControllerName: null,
    processingCategories: null,
    purposes: [{ id: "p1", description: "Lohnabrechnung", legalBases: [{ code: "ART6_1_B" }, { code: "ART6_1_C" }] }],
    dataSubjects: ["EMPLOYEES"],
    dataCategories: [{ id: "c1", code: "IDENTITY", isSpecialCategory: false, retentionPeriod: "10 Jahre", retentionMonths: 120 }],
    recipients: [{ id: "r1", name: "DATEV eG", kind: "VENDOR", role: "PROCESSOR", agreements: [signed] }],
    transfers: [],
    noThirdCountryTransfer: true,
    generalTomDescription: "siehe TOM-Anlage",
    tomCount: 0,
    texts: [],
    ...over,
  };
}

const codes = (a: HealthActivity, asOf: Date = AS_OF): HealthCode[] => registerHealth(a, asOf).findings.map((f) => f.code);

describe("a complete activity has no findings", () => {
  it("is ok", () => {
    const h = registerHealth(activity(), AS_OF);
    expect(h).toEqual({ verdict: "ok", missingArt30Fields: [], findings: [], asOf: "2025-03-01" });
  });
});

describe("missing Art. 30(1) fields (controller record)", () => {
  it.each([
    ["controller", "Art. 30(1)(a)", { organisation: { name: null, hasContactDetails: true } }],
    ["controller", "Art. 30(1)(a)", { organisation: { name: "X", hasContactDetails: false } }],
    ["jointControllers", "Art. 30(1)(a)", { role: "JOINT_CONTROLLER" }],
    ["purposes", "Art. 30(1)(b)", { purposes: [{ id: "p1", description: " ", legalBases: [{ code: "ART6_1_B" }] }] }],
    ["dataSubjects", "Art. 30(1)(c)", { dataSubjects: [] }],
    ["dataCategories", "Art. 30(1)(c)", { dataCategories: [] }],
    ["recipients", "Art. 30(1)(d)", { recipients: [] }],
    ["transfers", "Art. 30(1)(e)", { noThirdCountryTransfer: false }],
    ["transferDestination", "Art. 30(1)(e)", { transfers: [{ id: "t1", destinationCountry: null, internationalOrganisation: null, mechanism: "SCC_2021_M2", art49Assessment: null }] }],
    ["art49Documentation", "Art. 30(1)(e)", { transfers: [{ id: "t1", destinationCountry: "US", internationalOrganisation: null, mechanism: "ART49_1_SUBPARA2", art49Assessment: null }] }],
    ["retention", "Art. 30(1)(f)", { dataCategories: [{ id: "c1", code: "IDENTITY", isSpecialCategory: false, retentionPeriod: null, retentionMonths: null }] }],
    ["toms", "Art. 30(1)(g)", { generalTomDescription: null, tomCount: 0 }],
  ] as [string, string, Partial<HealthActivity>][])("%s (%s)", (key, article, over) => {
    expect(missingArt30Fields(activity(over))).toEqual([{ key, article }]);
  });

  it("the Art. 30 finding lists the fields (retention has its own finding)", () => {
    const h = registerHealth(activity({ dataSubjects: [], generalTomDescription: null, dataCategories: [{ id: "c1", code: "IDENTITY", isSpecialCategory: false, retentionPeriod: null, retentionMonths: null }] }), AS_OF);
    const f = h.findings.find((x) => x.code === "art30Incomplete");
    expect(f?.params.fields).toBe("dataSubjects,toms");
    expect(f?.citations.map((c) => c.identifier)).toEqual(["Art. 30(1)(c)", "Art. 30(1)(g)"]);
    expect(h.missingArt30Fields.map((x) => x.key)).toEqual(["dataSubjects", "retention", "toms"]);
  });

  it("TOMs from the catalogue count", () => {
    expect(missingArt30Fields(activity({ generalTomDescription: null, tomCount: 3 }))).toEqual([]);
  });
});

describe("missing Art. 30(2) fields (processor record)", () => {
  const processor = (over: Partial<HealthActivity> = {}) =>
    activity({ role: "PROCESSOR", clientControllerName: "Kunde AG", processingCategories: "Hosting", purposes: [], dataSubjects: [], dataCategories: [], recipients: [], ...over });

  it("a complete processor record needs no purposes, subjects or categories", () => {
    expect(missingArt30Fields(processor())).toEqual([]);
  });

  it.each([
    ["processor", "Art. 30(2)(a)", { organisation: { name: null, hasContactDetails: false } }],
    ["clientController", "Art. 30(2)(a)", { clientControllerName: null }],
    ["processingCategories", "Art. 30(2)(b)", { processingCategories: "" }],
    ["transfers", "Art. 30(2)(c)", { noThirdCountryTransfer: false }],
    ["toms", "Art. 30(2)(d)", { generalTomDescription: null }],
  ] as [string, string, Partial<HealthActivity>][])("%s (%s)", (key, article, over) => {
    expect(missingArt30Fields(processor(over))).toEqual([{ key, article }]);
  });
});

describe("processors without a signed DPA or with a DPA due for review (Art. 28(3))", () => {
  const withAgreements = (agreements: HealthActivity["recipients"][number]["agreements"], role: "PROCESSOR" | "SUB_PROCESSOR" | "INDEPENDENT_CONTROLLER" = "PROCESSOR") =>
    activity({ recipients: [{ id: "r1", name: "Cloud GmbH", kind: "VENDOR", role, agreements }] });

  it("no agreement: critical", () => {
    const h = registerHealth(withAgreements([]), AS_OF);
    expect(h.verdict).toBe("critical");
    expect(h.findings[0]).toMatchObject({ code: "dpaMissing", level: "critical", target: { kind: "recipient", id: "r1" }, params: { recipient: "Cloud GmbH" } });
  });

  it.each(["DRAFT", "IN_NEGOTIATION", "TERMINATED", "EXPIRED"] as const)("only a %s agreement: missing", (status) => {
    expect(codes(withAgreements([{ ...signed, status }]))).toEqual(["dpaMissing"]);
  });

  it("signed after the as-of day, or its term ended before: missing on that day", () => {
    expect(codes(withAgreements([{ ...signed, signedAt: D("2025-03-02") }]))).toEqual(["dpaMissing"]);
    expect(codes(withAgreements([{ ...signed, termEndsAt: D("2025-02-28") }]))).toEqual(["dpaMissing"]);
  });

  it("sub-processors need one too; independent controllers do not", () => {
    expect(codes(withAgreements([], "SUB_PROCESSOR"))).toEqual(["dpaMissing"]);
    expect(codes(withAgreements([], "INDEPENDENT_CONTROLLER"))).toEqual([]);
  });

  it("review date 28.2.2025 before 1.3.2025: attention; on the day itself: not yet", () => {
    const a = withAgreements([{ ...signed, nextReviewAt: D("2025-02-28") }]);
    expect(registerHealth(a, AS_OF).findings).toMatchObject([{ code: "dpaReviewDue", level: "attention", params: { nextReviewAt: "2025-02-28" } }]);
    expect(codes(a, D("2025-02-28"))).toEqual([]);
  });

  it("one current agreement among overdue ones is enough", () => {
    expect(codes(withAgreements([{ ...signed, nextReviewAt: D("2024-01-01") }, signed]))).toEqual([]);
  });
});

describe("special categories without an Art. 9(2) condition (Art. 9(1), (2); Art. 10)", () => {
  const health = { id: "c2", code: "HEALTH", isSpecialCategory: true, retentionPeriod: "3 Jahre", retentionMonths: 36 };
  const criminal = { id: "c3", code: "CRIMINAL", isSpecialCategory: true, retentionPeriod: "1 Jahr", retentionMonths: 12 };

  it("health data on Art. 6(1)(b) only: critical", () => {
    const h = registerHealth(activity({ dataCategories: [health] }), AS_OF);
    expect(h.findings).toMatchObject([{ code: "specialCategoryWithoutCondition", level: "critical", target: { kind: "dataCategory", id: "c2" }, params: { category: "HEALTH" } }]);
  });

  it("an Art. 9(2)(b) condition or § 26(3) BDSG satisfies it", () => {
    const purposes = (code: string) => [{ id: "p1", description: "x", legalBases: [{ code: "ART6_1_C" }, { code }] }];
    expect(codes(activity({ dataCategories: [health], purposes: purposes("ART9_2_B") }))).toEqual([]);
    expect(codes(activity({ dataCategories: [health], purposes: purposes("BDSG_26_3") }))).toEqual([]);
  });

  it("criminal-offence data need an Art. 10 basis, not an Art. 9(2) condition", () => {
    const purposes = (code: string) => [{ id: "p1", description: "x", legalBases: [{ code: "ART6_1_C" }, { code }] }];
    expect(registerHealth(activity({ dataCategories: [criminal], purposes: purposes("ART9_2_B") }), AS_OF).findings[0]?.params.article).toBe("Art. 10");
    expect(codes(activity({ dataCategories: [criminal], purposes: purposes("ART10") }))).toEqual([]);
  });
});

describe("retention missing (Art. 30(1)(f); Art. 5(1)(e))", () => {
  it("one finding per data category without a period", () => {
    const h = registerHealth(
      activity({
        dataCategories: [
          { id: "c1", code: "IDENTITY", isSpecialCategory: false, retentionPeriod: null, retentionMonths: null },
          { id: "c2", code: "CONTACT", isSpecialCategory: false, retentionPeriod: "", retentionMonths: 24 },
        ],
      }),
      AS_OF,
    );
    expect(h.findings.map((f) => [f.code, f.target.id])).toEqual([["retentionMissing", "c1"]]);
  });
});

describe("contradicting legal bases: consent and legitimate interest for the same purpose (Art. 6(1)(a), (f))", () => {
  it("flags the purpose", () => {
    const a = activity({ purposes: [{ id: "p9", description: "Tracking", legalBases: [{ code: "ART6_1_A" }, { code: "ART6_1_F" }] }] });
    expect(registerHealth(a, AS_OF).findings).toMatchObject([{ code: "consentAndLegitimateInterest", target: { kind: "purpose", id: "p9" } }]);
  });

  it("across different purposes it is fine", () => {
    const a = activity({
      purposes: [
        { id: "p1", description: "Newsletter", legalBases: [{ code: "ART6_1_A" }] },
        { id: "p2", description: "Fraud prevention", legalBases: [{ code: "ART6_1_F" }] },
      ],
    });
    expect(codes(a)).toEqual([]);
  });
});

describe("consent-based processing whose recipients are not named (Art. 4(11), 7; Art. 13(1)(e))", () => {
  const consent = [{ id: "p1", description: "Newsletter", legalBases: [{ code: "ART6_1_A" }] }];

  it("a recipient category on a consent-based activity: attention", () => {
    const a = activity({ purposes: consent, recipients: [{ id: "r2", name: null, kind: "CATEGORY", role: "OTHER", agreements: [] }] });
    expect(registerHealth(a, AS_OF).findings).toMatchObject([{ code: "consentRecipientsNotNamed", params: { count: 1 } }]);
  });

  it("named recipients, or no consent: fine", () => {
    expect(codes(activity({ purposes: consent }))).toEqual([]);
    expect(codes(activity({ recipients: [{ id: "r2", name: null, kind: "CATEGORY", role: "OTHER", agreements: [] }] }))).toEqual([]);
  });
});

describe("§ 26(1) BDSG as the only basis (CJEU C-34/21)", () => {
  const only = (codesList: string[]) => activity({ purposes: [{ id: "p1", description: "Personalakte", legalBases: codesList.map((code) => ({ code })) }] });

  it("alone: attention citing C-34/21", () => {
    const h = registerHealth(only(["BDSG_26_1"]), AS_OF);
    expect(h.findings).toMatchObject([{ code: "bdsg26OnlyBasis", level: "attention", target: { kind: "purpose", id: "p1" } }]);
    expect(h.findings[0]?.citations[0]).toEqual({ kind: "judgment", identifier: "C-34/21" });
  });

  it("alone beside an Art. 9(2) condition: still flagged", () => {
    expect(codes(only(["BDSG_26_1", "ART9_2_B"]))).toEqual(["bdsg26OnlyBasis"]);
  });

  it("with Art. 6(1)(b) beside it: fine", () => {
    expect(codes(only(["BDSG_26_1", "ART6_1_B"]))).toEqual([]);
  });
});

describe("stale references in texts (TTDSG → TDDDG since 14.5.2024; invalid transfer tools)", () => {
  it("TTDSG is flagged once, citing the TDDDG", () => {
    const h = registerHealth(activity({ texts: ["Einwilligung nach § 25 Abs. 1 TTDSG", "TTDSG"] }), AS_OF);
    expect(h.findings).toEqual([
      {
        code: "ttdsgStale",
        level: "info",
        messageKey: "health.ttdsgStale.reason",
        fixKey: "health.ttdsgStale.fix",
        citations: [{ kind: "regulation", identifier: "TDDDG" }],
        params: { term: "TTDSG" },
        target: { kind: "activity", id: "a1" },
      },
    ]);
  });

  it("TDDDG is not flagged; neither is a word containing the letters", () => {
    expect(codes(activity({ texts: ["§ 25 Abs. 1 TDDDG", "XTTDSGX"] }))).toEqual([]);
  });

  it("Privacy Shield, Safe Harbour and old SCC decision numbers are flagged", () => {
    const h = registerHealth(activity({ texts: ["Zertifiziert nach dem EU-US Privacy-Shield", "Safe Harbour", "Standardvertragsklauseln 2010/87/EU"] }), AS_OF);
    expect(h.findings.map((f) => f.params.term)).toEqual(["Privacy Shield", "Safe Harbor", "SCC (old)"]);
  });
});

describe("keys and citations", () => {
  it("every finding's keys are declared and non-article citations are known legal sources", () => {
    const known = new Set(legalSourcesJson.sources.map((s) => s.identifier));
    const h = registerHealth(
      activity({
        role: "JOINT_CONTROLLER",
        purposes: [{ id: "p1", description: "x", legalBases: [{ code: "ART6_1_A" }, { code: "ART6_1_F" }, { code: "BDSG_26_1" }] }],
        dataCategories: [{ id: "c1", code: "HEALTH", isSpecialCategory: true, retentionPeriod: null, retentionMonths: null }],
        recipients: [{ id: "r1", name: null, kind: "CATEGORY", role: "PROCESSOR", agreements: [] }, { id: "r2", name: "V", kind: "VENDOR", role: "PROCESSOR", agreements: [] }],
        texts: ["TTDSG", "Privacy Shield"],
      }),
      AS_OF,
    );
    expect(h.findings.length).toBeGreaterThanOrEqual(7);
    for (const f of h.findings) {
      expect(HEALTH_MESSAGE_KEYS).toContain(f.messageKey);
      expect(HEALTH_MESSAGE_KEYS).toContain(f.fixKey);
      for (const c of f.citations) if (c.kind !== "article") expect(known).toContain(c.identifier);
    }
    expect(h.findings.map((f) => f.level)).toEqual([...h.findings.map((f) => f.level)].sort((a, b) => ["critical", "attention", "info"].indexOf(a) - ["critical", "attention", "info"].indexOf(b)));
  });
});
