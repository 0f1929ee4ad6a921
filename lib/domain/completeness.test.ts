import { describe, expect, it } from "vitest";
import { completeness, type CompletenessInput } from "./completeness";

const complete: CompletenessInput = {
  role: "CONTROLLER", name: "Lohnabrechnung", description: null, departmentId: "dep", contactName: null, clientVendorId: null,
  jointArrangement: null, processingCategories: null, purposes: [{ description: "Abrechnung", legalBasisCount: 1 }], dataSubjectCount: 1,
  dataCategories: [{ retentionPeriod: "10 Jahre", retentionMonths: null }], recipientCount: 1, transferCount: 0, noThirdCountryTransfer: true,
  generalTomDescription: "Siehe TOM-Katalog", tomCount: 0, dpiaDecision: "NOT_REQUIRED", nextReviewAt: new Date("2027-01-01T00:00:00Z"),
};

describe("completeness", () => {
  it("a complete controller entry misses nothing in either mode", () => {
    expect(completeness(complete, "art30")).toEqual({ missing: [] });
    expect(completeness(complete, "full")).toEqual({ missing: [] });
  });

  it("reports each missing Art. 30(1) field", () => {
    const empty: CompletenessInput = { ...complete, name: " ", purposes: [], dataSubjectCount: 0, dataCategories: [], recipientCount: 0, noThirdCountryTransfer: false, generalTomDescription: null };
    expect(completeness(empty, "art30").missing).toEqual(["name", "purposes", "dataSubjects", "dataCategories", "recipients", "transfers", "toms"]);
  });

  it("retention is missing when a category has neither text nor months", () => {
    expect(completeness({ ...complete, dataCategories: [{ retentionPeriod: null, retentionMonths: 12 }, { retentionPeriod: "", retentionMonths: null }] }, "art30").missing).toEqual(["retention"]);
  });

  it("transfers count as documented with a transfer or the 'none planned' flag; TOMs with text or catalogue entries", () => {
    expect(completeness({ ...complete, noThirdCountryTransfer: false, transferCount: 1 }, "art30").missing).toEqual([]);
    expect(completeness({ ...complete, generalTomDescription: null, tomCount: 2 }, "art30").missing).toEqual([]);
  });

  it("a joint controller needs the Art. 26 arrangement", () => {
    expect(completeness({ ...complete, role: "JOINT_CONTROLLER" }, "art30").missing).toEqual(["jointArrangement"]);
    expect(completeness({ ...complete, role: "JOINT_CONTROLLER", jointArrangement: "Vertrag vom 1.1.2026" }, "art30").missing).toEqual([]);
  });

  it("a processor entry follows Art. 30(2)", () => {
    const processor: CompletenessInput = { ...complete, role: "PROCESSOR", purposes: [], dataSubjectCount: 0, dataCategories: [], recipientCount: 0 };
    expect(completeness(processor, "art30").missing).toEqual(["clientController", "processingCategories"]);
    expect(completeness({ ...processor, clientVendorId: "v", processingCategories: "Hosting" }, "art30").missing).toEqual([]);
  });

  it("full mode adds legal bases, responsible unit, DPIA decision and next review", () => {
    const gaps: CompletenessInput = { ...complete, purposes: [{ description: "x", legalBasisCount: 0 }], departmentId: null, contactName: null, dpiaDecision: "PENDING", nextReviewAt: null };
    expect(completeness(gaps, "art30").missing).toEqual([]);
    expect(completeness(gaps, "full").missing).toEqual(["legalBases", "responsible", "dpiaDecision", "nextReview"]);
    expect(completeness({ ...gaps, departmentId: null, contactName: "Frau Kühn" }, "full").missing).not.toContain("responsible");
  });
});
