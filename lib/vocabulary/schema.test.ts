// Own vocabulary terms: the code derived from the German label, and the form schemas (strict, coerced).
import { describe, expect, it } from "vitest";
import { termArchiveSchema, termCode, termCreateSchema, termUpdateSchema } from "@/lib/vocabulary/schema";

describe("termCode", () => {
  it("derives an ASCII upper-case code with the ORG_ prefix and a suffix when taken", () => {
    expect(termCode("Beschäftigte im Außendienst", new Set())).toBe("ORG_BESCHAFTIGTE_IM_AUSSENDIENST");
    expect(termCode("Beschäftigte im Außendienst", new Set(["ORG_BESCHAFTIGTE_IM_AUSSENDIENST"]))).toBe("ORG_BESCHAFTIGTE_IM_AUSSENDIENST_2");
    expect(termCode("§§§", new Set())).toBe("ORG_TERM");
    expect(termCode("x".repeat(100), new Set()).length).toBeLessThanOrEqual(44);
  });
});

describe("term schemas", () => {
  it("are strict, need both labels, keep the special mark to data categories and parse the stamp", () => {
    expect(termCreateSchema.parse({ kind: "DATA_CATEGORY", labelDe: " Biometrie ", labelEn: "Biometrics", isSpecialCategory: "on" })).toEqual({ kind: "DATA_CATEGORY", labelDe: "Biometrie", labelEn: "Biometrics", isSpecialCategory: true });
    expect(termCreateSchema.safeParse({ kind: "LEGAL_BASIS", labelDe: "A", labelEn: "A", isSpecialCategory: "on" }).success).toBe(false);
    expect(termCreateSchema.safeParse({ kind: "NOPE", labelDe: "A", labelEn: "A" }).success).toBe(false);
    expect(termCreateSchema.safeParse({ kind: "DATA_SUBJECT", labelDe: "A", labelEn: "A", code: "X" }).success).toBe(false);
    expect(termUpdateSchema.safeParse({ labelDe: "A", labelEn: "A", stamp: "gestern" }).success).toBe(false);
    expect(termArchiveSchema.parse({ stamp: "2026-12-03T10:00:00.123Z" }).stamp.getTime()).toBe(Date.UTC(2026, 11, 3, 10, 0, 0, 123));
  });
});
