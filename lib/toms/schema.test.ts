// TOM and TIA form schemas: FormData coercion, .strict() (C25), http(s)-only URLs (C26), cross-field rules.
import { describe, expect, it } from "vitest";
import { parseForm } from "@/lib/forms";
import { tiaCreateSchema, tiaUpdateSchema } from "@/lib/tias/schema";
import { tomArchiveSchema, tomCreateSchema, tomUpdateSchema } from "@/lib/toms/schema";

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("TOM schemas", () => {
  it("parses a form; empty optional fields become undefined", () => {
    const r = parseForm(tomCreateSchema, form([["code", " TOM-ZK-01 "], ["category", "CONFIDENTIALITY"], ["title", "Zutrittskontrolle"], ["description", ""], ["documentUrl", ""]]));
    expect(r).toEqual({ ok: true, data: { code: "TOM-ZK-01", category: "CONFIDENTIALITY", title: "Zutrittskontrolle" } });
  });

  it("refuses a javascript: document URL, an unknown category, a missing code and extra fields", () => {
    const r = parseForm(tomCreateSchema, form([["code", ""], ["category", "MAGIC"], ["title", "X"], ["documentUrl", "javascript:alert(1)"]]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.state.fieldErrors ?? {}).sort()).toEqual(["category", "code", "documentUrl"]);
    expect(r.state.fieldErrors?.documentUrl).toEqual(["errors.invalidUrl"]);
    expect(r.state.values?.documentUrl).toBe("javascript:alert(1)");
    expect(tomCreateSchema.safeParse({ code: "A", category: "OTHER", title: "X", organisationId: "o" }).success).toBe(false);
  });

  it("needs a positive integer version to update or archive", () => {
    expect(tomUpdateSchema.safeParse({ code: "A", category: "OTHER", title: "X" }).success).toBe(false);
    expect(tomUpdateSchema.parse({ code: "A", category: "OTHER", title: "X", version: "3" }).version).toBe(3);
    expect(tomArchiveSchema.safeParse({ version: "0" }).success).toBe(false);
    expect(tomArchiveSchema.safeParse({ version: "2", extra: "x" }).success).toBe(false);
  });
});

describe("TIA schemas", () => {
  it("parses every field from a form", () => {
    const r = parseForm(tiaCreateSchema, form([
      ["title", "TIA Cloud"], ["vendorId", "v1"], ["destinationCountry", "US"], ["importerRole", "PROCESSOR"], ["mechanism", "SCC_2021_M2"], ["dataFormat", "ENCRYPTED"],
      ["lawsAssessed", "FISA 702"], ["practicalExperience", "keine"], ["supplementaryMeasures", "Schlüssel in der EU"], ["residualRisk", "gering"], ["conclusion", "GO_WITH_MEASURES"],
      ["signedOffBy", "Dana"], ["assessedAt", "2026-01-31"], ["nextReviewAt", "2027-01-31"], ["documentUrl", "https://example.com/tia.pdf"],
    ]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toMatchObject({ destinationCountry: "US", conclusion: "GO_WITH_MEASURES", assessedAt: new Date("2026-01-31T00:00:00.000Z") });
  });

  it("refuses bad values with per-field keys", () => {
    const r = parseForm(tiaCreateSchema, form([["title", "T"], ["dataFormat", "CLEAR"], ["destinationCountry", "usa"], ["importerRole", "OWNER"], ["mechanism", "PRIVACY_SHIELD"], ["assessedAt", "31.01.2026"], ["documentUrl", "data:text/html,x"]]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.state.fieldErrors ?? {}).sort()).toEqual(["assessedAt", "destinationCountry", "documentUrl", "importerRole", "mechanism"]);
  });

  it("needs supplementary measures for 'go with measures' and a review not before the assessment", () => {
    const measures = tiaCreateSchema.safeParse({ title: "T", dataFormat: "CLEAR", conclusion: "GO_WITH_MEASURES" });
    expect(measures.success).toBe(false);
    expect(measures.error?.issues[0]).toMatchObject({ path: ["supplementaryMeasures"], message: "errors.required" });
    const order = tiaUpdateSchema.safeParse({ title: "T", dataFormat: "CLEAR", assessedAt: "2026-05-02", nextReviewAt: "2026-05-01", version: "1" });
    expect(order.success).toBe(false);
    expect(order.error?.issues[0]?.path).toEqual(["nextReviewAt"]);
    expect(tiaCreateSchema.safeParse({ title: "T", dataFormat: "CLEAR", assessedAt: "2026-05-01", nextReviewAt: "2026-05-01" }).success).toBe(true);
  });
});
