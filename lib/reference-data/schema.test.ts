import { describe, expect, it } from "vitest";
import { adequacyFormSchema } from "@/lib/reference-data/schema";

const base = { countryCode: "IN", sourceIdentifier: "2027/1", sourceTitle: "Decision", scope: "FULL", validFrom: "2027-01-15" };

describe("adequacyFormSchema", () => {
  it("accepts a country with a new source and turns the days into UTC dates", () => {
    const r = adequacyFormSchema.safeParse({ ...base, sourceUrl: "https://eur-lex.europa.eu/x", reviewDue: "2031-01-15" });
    expect(r.success).toBe(true);
    expect(r.data?.validFrom.toISOString()).toBe("2027-01-15T00:00:00.000Z");
    expect(r.data?.reviewDue?.toISOString()).toBe("2031-01-15T00:00:00.000Z");
  });

  it("requires exactly one of country and organisation", () => {
    expect(adequacyFormSchema.safeParse({ ...base, organisationName: "EPO" }).success).toBe(false);
    expect(adequacyFormSchema.safeParse({ ...base, countryCode: undefined }).success).toBe(false);
    expect(adequacyFormSchema.safeParse({ ...base, countryCode: undefined, organisationName: "EPO" }).success).toBe(true);
  });

  it("requires an existing source or a new identifier and title, not both", () => {
    expect(adequacyFormSchema.safeParse({ ...base, sourceTitle: undefined }).success).toBe(false);
    expect(adequacyFormSchema.safeParse({ ...base, sourceId: "clx123" }).success).toBe(false);
    expect(adequacyFormSchema.safeParse({ countryCode: "IN", sourceId: "clx123", scope: "FULL", validFrom: "2027-01-15" }).success).toBe(true);
  });

  it("accepts only http(s) URLs, known scopes, valid days and no unknown fields", () => {
    expect(adequacyFormSchema.safeParse({ ...base, sourceUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(adequacyFormSchema.safeParse({ ...base, sourceUrl: "ftp://example.org/x" }).success).toBe(false);
    expect(adequacyFormSchema.safeParse({ ...base, scope: "ALL" }).success).toBe(false);
    expect(adequacyFormSchema.safeParse({ ...base, validFrom: "2027-02-30" }).success).toBe(false);
    expect(adequacyFormSchema.safeParse({ ...base, validFrom: "2027-13-45" }).success).toBe(false);
    expect(adequacyFormSchema.safeParse({ ...base, verified: "false" }).success).toBe(false);
  });
});
