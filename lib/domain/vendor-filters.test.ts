import { describe, expect, it } from "vitest";
import {
  DEFAULT_VENDOR_FILTERS,
  isVendorListFiltered,
  NONE,
  parseVendorFilters,
  serializeVendorFilters,
  vendorFacetCounts,
  vendorFiltersHref,
  vendorListPage,
  VENDOR_FACET_VALUE_LIMIT,
  type VendorFacts,
} from "./vendor-filters";
import { toSearchText } from "./search-text";

describe("parseVendorFilters", () => {
  it("defaults for nothing, garbage and non-objects", () => {
    expect(parseVendorFilters({})).toEqual({ q: "", country: null, kind: null, dpa: null, dpf: null, certification: null, used: null, archived: false, sort: "name", dir: "asc", page: 1 });
    expect(parseVendorFilters(null)).toEqual(DEFAULT_VENDOR_FILTERS);
    expect(parseVendorFilters(["q"])).toEqual(DEFAULT_VENDOR_FILTERS);
    expect(parseVendorFilters("q=x")).toEqual(DEFAULT_VENDOR_FILTERS);
  });

  it("reads every parameter and takes the first of repeated ones", () => {
    expect(
      parseVendorFilters({ q: "  Wolke ", country: ["US", "DE"], kind: "PROCESSOR", dpa: "SIGNED", dpf: "NONE", certification: "ISO/IEC 27001", used: "yes", archived: "1", sort: "activities", dir: "desc", page: "3" }),
    ).toEqual({ q: "Wolke", country: "US", kind: "PROCESSOR", dpa: "SIGNED", dpf: "NONE", certification: "ISO/IEC 27001", used: "yes", archived: true, sort: "activities", dir: "desc", page: 3 });
  });

  it("falls back per parameter on malformed values (C25)", () => {
    const f = parseVendorFilters({ q: "x".repeat(201), country: "usa", kind: "BOSS", dpa: "signed", dpf: 1, certification: "   ", used: "maybe", archived: "0", sort: "id; DROP", dir: "up", page: "-1", constructor: "x", __proto__: { q: "p" } });
    expect(f).toEqual(DEFAULT_VENDOR_FILTERS);
    expect(parseVendorFilters({ page: "100001" }).page).toBe(1);
    expect(parseVendorFilters({ page: "2.5" }).page).toBe(1);
  });

  it("maps the old certified=no bookmark to certification=NONE", () => {
    expect(parseVendorFilters({ certified: "no" }).certification).toBe(NONE);
    expect(parseVendorFilters({ certified: "yes" }).certification).toBeNull();
    expect(parseVendorFilters({ certified: "no", certification: "C5" }).certification).toBe("C5");
  });
});

describe("serializeVendorFilters / vendorFiltersHref", () => {
  it("leaves out defaults and round-trips", () => {
    expect(serializeVendorFilters(DEFAULT_VENDOR_FILTERS)).toEqual({});
    const f = parseVendorFilters({ q: "wolke", country: "US", certification: "SOC 2", archived: "1", sort: "updated", dir: "desc", page: "2" });
    const params = serializeVendorFilters(f);
    expect(Object.keys(params)).toEqual(["q", "country", "certification", "archived", "sort", "dir", "page"]);
    expect(parseVendorFilters(params)).toEqual(f);
    expect(vendorFiltersHref("/o/1/vendors", DEFAULT_VENDOR_FILTERS)).toBe("/o/1/vendors");
  });

  it("a changed filter resets the page; a page change keeps the filters", () => {
    const f = parseVendorFilters({ country: "US", page: "4" });
    expect(vendorFiltersHref("/v", f, { dpa: "SIGNED" })).toBe("/v?country=US&dpa=SIGNED");
    expect(vendorFiltersHref("/v", f, { country: null })).toBe("/v");
    expect(vendorFiltersHref("/v", f, { page: 5 })).toBe("/v?country=US&page=5");
    expect(vendorFiltersHref("/v", f, { certification: "ISO/IEC 27001 & C5" })).toBe("/v?country=US&certification=ISO%2FIEC+27001+%26+C5");
  });

  it("isVendorListFiltered: search, facet or archived toggle, not sort or page", () => {
    expect(isVendorListFiltered(DEFAULT_VENDOR_FILTERS)).toBe(false);
    expect(isVendorListFiltered(parseVendorFilters({ sort: "updated", page: "2" }))).toBe(false);
    expect(isVendorListFiltered(parseVendorFilters({ q: "a" }))).toBe(true);
    expect(isVendorListFiltered(parseVendorFilters({ used: "no" }))).toBe(true);
    expect(isVendorListFiltered(parseVendorFilters({ archived: "on" }))).toBe(true);
  });
});

let seq = 0;
function vendor(over: Partial<VendorFacts> & { name: string }): VendorFacts {
  const base: VendorFacts = {
    id: `v${String(++seq).padStart(3, "0")}`,
    name: over.name,
    kind: "PROCESSOR",
    country: null,
    city: null,
    countries: [],
    dpa: NONE,
    dpf: NONE,
    certifications: [],
    activityCount: 0,
    isArchived: false,
    updatedAt: new Date("2026-01-01T00:00:00Z"),
    searchText: "",
  };
  const v = { ...base, ...over };
  return { ...v, countries: over.countries ?? (v.country ? [v.country] : []), searchText: over.searchText ?? toSearchText([v.name, v.city, v.country]) };
}

const wolke = vendor({ name: "Wolke Inc.", country: "US", countries: ["US", "IE"], dpa: "SIGNED", dpf: "ACTIVE", certifications: ["ISO/IEC 27001", "SOC 2"], activityCount: 3, updatedAt: new Date("2026-05-01T00:00:00Z") });
const lohn = vendor({ name: "Lohn Müller GmbH", country: "DE", city: "Köln", dpa: "DRAFT", certifications: ["ISO/IEC 27001"], activityCount: 1 });
const mail = vendor({ name: "Mailversand Ltd", country: "US", dpf: "INACTIVE", kind: "SUB_PROCESSOR" });
const nocountry = vendor({ name: "Agentur ohne Sitz" });
const alt = vendor({ name: "Alt Cloud AG", country: "US", isArchived: true, dpa: "TERMINATED", activityCount: 0 });
const all = [wolke, lohn, mail, nocountry, alt];
const names = (r: { rows: VendorFacts[] }) => r.rows.map((v) => v.name);
const counts = (f: ReturnType<typeof vendorFacetCounts>, key: keyof typeof f) => Object.fromEntries(f[key].map((x) => [x.value, x.count]));

describe("vendorListPage", () => {
  it("hides archived vendors unless asked; sorts by name", () => {
    expect(names(vendorListPage(all, DEFAULT_VENDOR_FILTERS))).toEqual(["Agentur ohne Sitz", "Lohn Müller GmbH", "Mailversand Ltd", "Wolke Inc."]);
    expect(names(vendorListPage(all, parseVendorFilters({ archived: "1" })))).toContain("Alt Cloud AG");
  });

  it("searches all terms, accent-insensitively", () => {
    expect(names(vendorListPage(all, parseVendorFilters({ q: "muller koln" })))).toEqual(["Lohn Müller GmbH"]);
    expect(names(vendorListPage(all, parseVendorFilters({ q: "muller us" })))).toEqual([]);
    expect(names(vendorListPage(all, parseVendorFilters({ q: "%" })))).toEqual([]);
  });

  it("filters by each facet; country matches seat, locations and sub-processors", () => {
    expect(names(vendorListPage(all, parseVendorFilters({ country: "IE" })))).toEqual(["Wolke Inc."]);
    expect(names(vendorListPage(all, parseVendorFilters({ country: "US" })))).toEqual(["Mailversand Ltd", "Wolke Inc."]);
    expect(names(vendorListPage(all, parseVendorFilters({ dpa: "NONE" })))).toEqual(["Agentur ohne Sitz", "Mailversand Ltd"]);
    expect(names(vendorListPage(all, parseVendorFilters({ dpf: "INACTIVE" })))).toEqual(["Mailversand Ltd"]);
    expect(names(vendorListPage(all, parseVendorFilters({ certification: "ISO/IEC 27001" })))).toEqual(["Lohn Müller GmbH", "Wolke Inc."]);
    expect(names(vendorListPage(all, parseVendorFilters({ certification: "NONE" })))).toEqual(["Agentur ohne Sitz", "Mailversand Ltd"]);
    expect(names(vendorListPage(all, parseVendorFilters({ used: "no" })))).toEqual(["Agentur ohne Sitz", "Mailversand Ltd"]);
    expect(names(vendorListPage(all, parseVendorFilters({ kind: "SUB_PROCESSOR" })))).toEqual(["Mailversand Ltd"]);
    expect(names(vendorListPage(all, parseVendorFilters({ country: "US", used: "yes", dpf: "ACTIVE" })))).toEqual(["Wolke Inc."]);
  });

  it("sorts by activities, update and country (no country last in both directions), ties by name", () => {
    expect(names(vendorListPage(all, parseVendorFilters({ sort: "activities", dir: "desc" })))).toEqual(["Wolke Inc.", "Lohn Müller GmbH", "Agentur ohne Sitz", "Mailversand Ltd"]);
    expect(names(vendorListPage(all, parseVendorFilters({ sort: "updated", dir: "desc" })))[0]).toBe("Wolke Inc.");
    const label = (c: string) => ({ US: "Vereinigte Staaten", DE: "Deutschland" })[c] ?? c;
    expect(names(vendorListPage(all, parseVendorFilters({ sort: "country" }), label))).toEqual(["Lohn Müller GmbH", "Mailversand Ltd", "Wolke Inc.", "Agentur ohne Sitz"]);
    expect(names(vendorListPage(all, parseVendorFilters({ sort: "country", dir: "desc" }), label))).toEqual(["Mailversand Ltd", "Wolke Inc.", "Lohn Müller GmbH", "Agentur ohne Sitz"]);
  });

  it("pages; a page beyond the end shows the last page", () => {
    const many = Array.from({ length: 7 }, (_, i) => vendor({ name: `V${i}` }));
    const r = vendorListPage(many, parseVendorFilters({ page: "2" }), undefined, 3);
    expect(r).toMatchObject({ total: 7, page: 2, pageCount: 3 });
    expect(names(r)).toEqual(["V3", "V4", "V5"]);
    expect(vendorListPage(many, parseVendorFilters({ page: "99" }), undefined, 3)).toMatchObject({ page: 3 });
    expect(vendorListPage([], parseVendorFilters({ page: "2" }))).toMatchObject({ total: 0, page: 1, pageCount: 1, rows: [] });
  });
});

describe("vendorFacetCounts", () => {
  it("counts within the result set, archived excluded; enumerations in fixed order", () => {
    const f = vendorFacetCounts(all, DEFAULT_VENDOR_FILTERS);
    expect(counts(f, "country")).toEqual({ US: 2, IE: 1, DE: 1 });
    expect(f.country.map((x) => x.value)).toEqual(["US", "DE", "IE"]);
    expect(f.dpa.map((x) => [x.value, x.count])).toEqual([["DRAFT", 1], ["SIGNED", 1], ["NONE", 2]]);
    expect(counts(f, "dpf")).toEqual({ ACTIVE: 1, INACTIVE: 1, NONE: 2 });
    expect(counts(f, "certification")).toEqual({ "ISO/IEC 27001": 2, "SOC 2": 1, NONE: 2 });
    expect(f.used).toEqual([{ value: "yes", count: 2 }, { value: "no", count: 2 }]);
    expect(counts(f, "kind")).toEqual({ PROCESSOR: 3, SUB_PROCESSOR: 1 });
  });

  it("is disjunctive: a facet's own selection does not narrow its counts, the others do", () => {
    const f = vendorFacetCounts(all, parseVendorFilters({ country: "US", used: "yes" }));
    expect(counts(f, "country")).toEqual({ US: 1, IE: 1, DE: 1 });
    expect(counts(f, "used")).toEqual({ yes: 1, no: 1 });
    expect(counts(f, "dpa")).toEqual({ SIGNED: 1 });
  });

  it("applies the search and the archived toggle", () => {
    expect(counts(vendorFacetCounts(all, parseVendorFilters({ q: "cloud", archived: "1" })), "dpa")).toEqual({ TERMINATED: 1 });
    expect(counts(vendorFacetCounts(all, parseVendorFilters({ q: "cloud" })), "dpa")).toEqual({});
  });

  it("lists a selected value without matches with 0 and cuts open value sets to the limit", () => {
    expect(vendorFacetCounts(all, parseVendorFilters({ country: "JP" })).country).toContainEqual({ value: "JP", count: 0 });
    const many = Array.from({ length: VENDOR_FACET_VALUE_LIMIT + 5 }, (_, i) => vendor({ name: `C${i}`, certifications: [`Zert ${String(i).padStart(2, "0")}`] }));
    const f = vendorFacetCounts(many, DEFAULT_VENDOR_FILTERS);
    expect(f.certification).toHaveLength(VENDOR_FACET_VALUE_LIMIT);
    expect(f.certification[0]).toEqual({ value: "Zert 00", count: 1 });
  });
});
