import { describe, expect, it } from "vitest";
import type { HealthFinding } from "@/lib/domain/register-health";
import { countByKind, groupHealthFindings, linkFor, parseHealthKind, type HealthRow, type LinkFacts } from "./findings";

const finding = (code: HealthFinding["code"], level: HealthFinding["level"], target: HealthFinding["target"]): HealthFinding => ({
  code, level, messageKey: `health.${code}.reason`, fixKey: `health.${code}.fix`, citations: [{ kind: "article", identifier: "Art. 28(3)" }], params: {}, target,
});
const facts: LinkFacts = { recipientVendor: new Map([["r-vendor", "v1"], ["r-dept", null]]), dueAgreement: new Map([["v1", "dpa1"]]) };
const row = (f: HealthFinding, ref: string, name = "T"): HealthRow => ({ ...f, activity: { id: `a-${ref}`, name, referenceNumber: ref }, link: linkFor(f, `a-${ref}`, facts) });

describe("linkFor: the entry where a finding is fixed", () => {
  it("activity findings open the activity (consent recipients at the recipients section)", () => {
    expect(linkFor(finding("art30Incomplete", "attention", { kind: "activity", id: "a1" }), "a1", facts)).toEqual({ kind: "activity", id: "a1", section: null });
    expect(linkFor(finding("consentRecipientsNotNamed", "attention", { kind: "activity", id: "a1" }), "a1", facts)).toEqual({ kind: "activity", id: "a1", section: "recipients" });
  });
  it("purpose and data-category findings open the activity at their section", () => {
    expect(linkFor(finding("consentAndLegitimateInterest", "attention", { kind: "purpose", id: "p1" }), "a1", facts)).toEqual({ kind: "activity", id: "a1", section: "purposes" });
    expect(linkFor(finding("retentionMissing", "attention", { kind: "dataCategory", id: "c1" }), "a1", facts)).toEqual({ kind: "activity", id: "a1", section: "dataCategories" });
  });
  it("a missing DPA opens the vendor; a due review opens the agreement, else the vendor", () => {
    expect(linkFor(finding("dpaMissing", "critical", { kind: "recipient", id: "r-vendor" }), "a1", facts)).toEqual({ kind: "vendor", id: "v1" });
    expect(linkFor(finding("dpaReviewDue", "attention", { kind: "recipient", id: "r-vendor" }), "a1", facts)).toEqual({ kind: "agreement", id: "dpa1" });
    expect(linkFor(finding("dpaReviewDue", "attention", { kind: "recipient", id: "r-vendor" }), "a1", { ...facts, dueAgreement: new Map() })).toEqual({ kind: "vendor", id: "v1" });
  });
  it("a recipient without a vendor (or unknown) opens the activity's recipients", () => {
    expect(linkFor(finding("dpaMissing", "critical", { kind: "recipient", id: "r-dept" }), "a1", facts)).toEqual({ kind: "activity", id: "a1", section: "recipients" });
    expect(linkFor(finding("dpaMissing", "critical", { kind: "recipient", id: "r-gone" }), "a1", facts)).toEqual({ kind: "activity", id: "a1", section: "recipients" });
  });
});

describe("groupHealthFindings", () => {
  const rows = [
    row(finding("retentionMissing", "attention", { kind: "dataCategory", id: "c1" }), "VT-10"),
    row(finding("ttdsgStale", "info", { kind: "activity", id: "x" }), "VT-1"),
    row(finding("dpaMissing", "critical", { kind: "recipient", id: "r-vendor" }), "VT-2"),
    row(finding("retentionMissing", "attention", { kind: "dataCategory", id: "c2" }), "VT-9"),
    row(finding("art30Incomplete", "attention", { kind: "activity", id: "y" }), "VT-3"),
  ];
  it("groups by kind: worst severity first, then the order of the codes; rows by reference number (numeric)", () => {
    const groups = groupHealthFindings(rows);
    expect(groups.map((g) => [g.code, g.level])).toEqual([
      ["dpaMissing", "critical"], ["art30Incomplete", "attention"], ["retentionMissing", "attention"], ["ttdsgStale", "info"],
    ]);
    expect(groups.find((g) => g.code === "retentionMissing")?.rows.map((r) => r.activity.referenceNumber)).toEqual(["VT-9", "VT-10"]);
  });
  it("filters one kind", () => {
    expect(groupHealthFindings(rows, "retentionMissing").map((g) => [g.code, g.rows.length])).toEqual([["retentionMissing", 2]]);
    expect(groupHealthFindings(rows, "bdsg26OnlyBasis")).toEqual([]);
  });
  it("counts every kind", () => {
    const counts = countByKind(rows);
    expect(counts.retentionMissing).toBe(2);
    expect(counts.bdsg26OnlyBasis).toBe(0);
    expect(Object.keys(counts)).toHaveLength(10);
  });
  it("parseHealthKind accepts known codes only", () => {
    expect(parseHealthKind("dpaMissing")).toBe("dpaMissing");
    expect(parseHealthKind(["retentionMissing", "x"])).toBe("retentionMissing");
    expect(parseHealthKind("nope")).toBeNull();
    expect(parseHealthKind(undefined)).toBeNull();
  });
});
