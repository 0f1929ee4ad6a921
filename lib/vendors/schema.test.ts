// Vendor, agreement and recipient form schemas: http(s)-only URLs (C26), .strict() (C25), FormData coercion.
import { describe, expect, it } from "vitest";
import { parseForm } from "@/lib/forms";
import { dpaCreateSchema } from "@/lib/agreements/schema";
import { transferCreateSchema } from "@/lib/recipients/schema";
import { contactSchema, dpfCheckSchema, isHttpUrl, subProcessorSchema, vendorCreateSchema, vendorUpdateSchema } from "@/lib/vendors/schema";

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("isHttpUrl", () => {
  it.each(["https://example.com", "http://example.com/a?b=c", "HTTPS://EXAMPLE.COM/x"])("accepts %s", (url) => expect(isHttpUrl(url)).toBe(true));
  it.each(["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>", "//evil.example", "/relative", "ftp://example.com", "https://", "vbscript:msgbox(1)", " javascript:alert(1)"])(
    "refuses %s",
    (url) => expect(isHttpUrl(url)).toBe(false),
  );
});

describe("vendor schemas", () => {
  it("refuses a javascript: website with errors.invalidUrl and keeps the input", () => {
    const r = parseForm(vendorCreateSchema, form([["name", "Wolke Inc."], ["kind", "PROCESSOR"], ["website", "javascript:alert(1)"]]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.state.fieldErrors?.website).toEqual(["errors.invalidUrl"]);
    expect(r.state.values?.name).toBe("Wolke Inc.");
  });
  it("refuses unknown fields and wrong types", () => {
    const r = parseForm(vendorCreateSchema, form([["name", "A"], ["kind", "PROCESSOR"], ["organisationId", "other"]]));
    expect(r.ok).toBe(false);
    expect(parseForm(vendorCreateSchema, form([["name", "A"], ["kind", "KING"]])).ok).toBe(false);
    expect(parseForm(vendorCreateSchema, form([["name", "A"], ["kind", "PROCESSOR"], ["country", "us"]])).ok).toBe(false);
    expect(parseForm(vendorUpdateSchema, form([["name", "A"], ["kind", "PROCESSOR"], ["version", "x"]])).ok).toBe(false);
  });
  it("coerces empty strings to undefined, the version to a number, checkboxes and dates", () => {
    const r = parseForm(vendorUpdateSchema, form([["name", " A "], ["kind", "OTHER"], ["city", ""], ["version", "3"]]));
    expect(r).toEqual({ ok: true, data: { name: "A", kind: "OTHER", version: 3 } });
    const d = parseForm(dpfCheckSchema, form([["status", "ACTIVE"], ["checkedAt", "2026-11-01"], ["coversHr", "on"], ["frameworks", "EU_US"], ["frameworks", "UK_EXT"]]));
    expect(d.ok && d.data).toMatchObject({ coversHr: true, coversNonHr: false, frameworks: ["EU_US", "UK_EXT"], checkedAt: new Date("2026-11-01T00:00:00.000Z") });
    expect(parseForm(dpfCheckSchema, form([["status", "ACTIVE"], ["checkedAt", "01.11.2026"]])).ok).toBe(false);
  });
  it("needs a name or a vendor for a sub-processor, and a valid e-mail for a contact", () => {
    expect(parseForm(subProcessorSchema, form([["access", "STORAGE"]])).ok).toBe(false);
    expect(parseForm(subProcessorSchema, form([["access", "STORAGE"], ["name", "Sub"]])).ok).toBe(true);
    expect(parseForm(contactSchema, form([["email", "a@b"]])).ok).toBe(false);
    expect(parseForm(contactSchema, form([["email", "Privacy@Example.com"]])).ok).toBe(true);
  });
});

describe("agreement and transfer schemas", () => {
  it("a signed AVV needs its signing date; the checklist is read from checkboxes", () => {
    expect(parseForm(dpaCreateSchema, form([["vendorId", "v1"], ["title", "AVV"], ["status", "SIGNED"]])).ok).toBe(false);
    const r = parseForm(dpaCreateSchema, form([["vendorId", "v1"], ["title", "AVV"], ["status", "SIGNED"], ["signedAt", "2026-01-02"], ["art28a", "on"], ["activityIds", "a1"], ["activityIds", "a1"]]));
    expect(r.ok && r.data).toMatchObject({ art28a: true, art28b: false, activityIds: ["a1"] });
  });
  it("a transfer needs exactly one destination and an http(s) evidence URL", () => {
    const base: [string, string][] = [["recipientId", "r1"], ["access", "STORAGE"], ["mechanism", "SCC_2021_M2"]];
    expect(parseForm(transferCreateSchema, form(base)).ok).toBe(false);
    expect(parseForm(transferCreateSchema, form([...base, ["destinationCountry", "US"], ["internationalOrganisation", "UN"]])).ok).toBe(false);
    expect(parseForm(transferCreateSchema, form([...base, ["destinationCountry", "US"]])).ok).toBe(true);
    expect(parseForm(transferCreateSchema, form([...base, ["destinationCountry", "US"], ["evidenceUrl", "javascript:alert(1)"]])).ok).toBe(false);
    expect(parseForm(transferCreateSchema, form([...base, ["destinationCountry", "US"], ["mechanism", "MAGIC"]])).ok).toBe(false);
  });
});
