import { describe, expect, it } from "vitest";
import { activityCreateSchema, activityUpdateSchema, contentFromInput, contentToFormValues, nestActivityForm, parseActivityForm, rowCount } from "./schema";

const base: Record<string, string | string[]> = {
  referenceNumber: "VT-1", name: "Lohnabrechnung", role: "CONTROLLER", operatingStage: "OPERATION", dpiaStatus: "NOT_STARTED",
  reviewIntervalMonths: "12", "purposes.0.description": "Abrechnung", "purposes.0.legalBases": ["ART6_1_C", "BDSG_26_1"],
};
const formData = (values: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
};

describe("activity form schema", () => {
  it("nests indexed rows in index order and leaves other keys", () => {
    expect(nestActivityForm({ "purposes.1.description": "b", "purposes.0.description": "a", name: "x" })).toEqual({
      name: "x", purposes: [{ description: "a" }, { description: "b" }], dataCategories: [], systems: [], jointControllers: [],
    });
  });

  it("parses a minimal form with coercion", () => {
    const r = parseActivityForm(activityCreateSchema, formData(base));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.data.reviewIntervalMonths).toBe(12);
      expect(r.data.purposes[0]?.legalBases).toEqual(["ART6_1_C", "BDSG_26_1"]);
      expect(r.data.automatedDecisionMaking).toBe(false);
    }
  });

  it("reports nested errors under the dotted field name and keeps the values", () => {
    const r = parseActivityForm(activityCreateSchema, formData({ ...base, name: "", "purposes.0.legalBases": "ART6_1_F", "dataCategories.0.retentionMonths": "-1", "dataCategories.0.categoryCode": "HEALTH" }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.state.fieldErrors).toEqual({
        name: ["errors.required"],
        "purposes.0.legitimateInterest": ["activity.errors.legitimateInterestRequired"],
        "dataCategories.0.retentionMonths": ["errors.tooSmall"],
      });
      expect(r.state.values?.["dataCategories.0.categoryCode"]).toBe("HEALTH");
    }
  });

  it("refuses unknown fields (C03), also inside rows, and objects where strings are expected (C25)", () => {
    expect(activityCreateSchema.safeParse({ ...base, status: "RELEASED" }).success).toBe(false);
    expect(activityCreateSchema.safeParse({ ...base, "purposes.0.id": "x" }).success).toBe(false);
    expect(activityCreateSchema.safeParse({ ...base, name: { not: "" } }).success).toBe(false);
    expect(activityUpdateSchema.safeParse(base).success).toBe(false); // version is required
  });

  it("C07 / ASVS 8.2.3: the DPIA decision is not a form field (the DPO records it against the screening)", () => {
    expect(activityCreateSchema.safeParse({ ...base, dpiaDecision: "NOT_REQUIRED" }).success).toBe(false);
    expect(activityUpdateSchema.safeParse({ ...base, version: "1", dpiaDecisionReason: "passt schon" }).success).toBe(false);
  });

  it("role rules: a processor needs its client, a joint controller partners and the arrangement", () => {
    const p = activityCreateSchema.safeParse({ ...base, role: "PROCESSOR" });
    expect(p.success ? [] : p.error.issues.map((i) => i.path.join("."))).toEqual(["clientVendorId"]);
    const j = activityCreateSchema.safeParse({ ...base, role: "JOINT_CONTROLLER" });
    expect(j.success ? [] : j.error.issues.map((i) => i.path.join("."))).toEqual(["jointControllers", "jointArrangement"]);
  });

  it("content → form values → content is the identity", () => {
    const input = activityCreateSchema.parse({
      ...base, "purposes.1.description": "Interessen", "purposes.1.legalBases": "ART6_1_F", "purposes.1.legitimateInterest": "Betrugsabwehr",
      "purposes.1.note": "n", dataSubjects: ["EMPLOYEES"], "dataCategories.0.categoryCode": "HEALTH", "dataCategories.0.isSpecialCategory": "on",
      "dataCategories.0.retentionMonths": "120", "systems.0.name": "SAP", "systems.0.location": "de", toms: ["t1"], nextReviewAt: "2027-02-01", profiling: "on",
    });
    const content = contentFromInput(input);
    expect(content.systems[0]?.location).toBe("DE");
    const values = contentToFormValues(content);
    expect(rowCount(values, "purposes")).toBe(2);
    expect(contentFromInput(activityCreateSchema.parse(values))).toEqual(content);
  });
});
