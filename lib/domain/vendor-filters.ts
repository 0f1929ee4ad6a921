// URL state of the vendor list (search, facets, archived toggle, sort, page) and the list itself as a pure
// function over the organisation's vendor facts (lib/vendors/search.ts loads them): filter, disjunctive facet
// counts, sort and page. Parsing is tolerant (C25): a parameter that is missing, repeated, of the wrong shape
// or unknown falls back to its default; nothing here throws. Matching a search term is `contains` on the
// normalised searchText, i.e. the same as the LIKE of the register search (lib/domain/search-text.ts).
import { z } from "zod";
import { normalizeQuery } from "./search-text";

export const VENDOR_QUERY_MAX_LENGTH = 200;
export const VENDOR_PAGE_MAX = 100_000;
export const VENDOR_PAGE_SIZE = 50;
/** Values shown per facet with many values (country, certification): the most frequent ones. */
export const VENDOR_FACET_VALUE_LIMIT = 12;
export const CERTIFICATION_NAME_MAX = 200;

export const VENDOR_KINDS = ["PROCESSOR", "SUB_PROCESSOR", "INDEPENDENT_CONTROLLER", "JOINT_CONTROLLER", "AUTHORITY", "CLIENT_CONTROLLER", "OTHER"] as const;
export const DPA_STATUSES = ["DRAFT", "IN_NEGOTIATION", "SIGNED", "TERMINATED", "EXPIRED"] as const;
export const DPF_STATUSES = ["ACTIVE", "INACTIVE", "NOT_LISTED"] as const;
/** No (non-archived) agreement, no DPF check, no certification. */
export const NONE = "NONE";
export const USED_VALUES = ["yes", "no"] as const;
export const VENDOR_SORT_KEYS = ["name", "country", "activities", "updated"] as const;
export const VENDOR_SORT_DIRECTIONS = ["asc", "desc"] as const;

export type VendorKindValue = (typeof VENDOR_KINDS)[number];
export type DpaStatusValue = (typeof DPA_STATUSES)[number];
export type DpfStatusValue = (typeof DPF_STATUSES)[number];
export type VendorSortKey = (typeof VENDOR_SORT_KEYS)[number];

/** The facets of the vendor list, in display order. */
export const VENDOR_FACET_KEYS = ["country", "kind", "dpa", "dpf", "certification", "used"] as const;
export type VendorFacetKey = (typeof VENDOR_FACET_KEYS)[number];

/** The DPA status that represents a vendor with several agreements: the most advanced one. */
export const DPA_RANK: Record<DpaStatusValue, number> = { SIGNED: 0, IN_NEGOTIATION: 1, DRAFT: 2, EXPIRED: 3, TERMINATED: 4 };

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const param = <T extends z.ZodType>(schema: T, fallback: z.infer<T>) => z.preprocess(firstValue, schema).catch(fallback);

const vendorFiltersSchema = z.object({
  q: param(z.string().trim().max(VENDOR_QUERY_MAX_LENGTH), ""),
  country: param(z.string().regex(/^[A-Z]{2}$/).nullable(), null),
  kind: param(z.enum(VENDOR_KINDS).nullable(), null),
  dpa: param(z.enum([...DPA_STATUSES, NONE]).nullable(), null),
  dpf: param(z.enum([...DPF_STATUSES, NONE]).nullable(), null),
  certification: param(z.string().trim().min(1).max(CERTIFICATION_NAME_MAX).nullable(), null),
  used: param(z.enum(USED_VALUES).nullable(), null),
  archived: param(z.enum(["1", "true", "on"]).transform(() => true), false),
  sort: param(z.enum(VENDOR_SORT_KEYS), "name"),
  dir: param(z.enum(VENDOR_SORT_DIRECTIONS), "asc"),
  page: param(z.coerce.number().int().min(1).max(VENDOR_PAGE_MAX), 1),
});

export type VendorFilters = z.infer<typeof vendorFiltersSchema>;

const KNOWN_KEYS = Object.keys(vendorFiltersSchema.shape) as (keyof VendorFilters)[];

/** Parses `searchParams` of the vendor list (or any object). Unknown keys and malformed values are ignored. */
export function parseVendorFilters(input: unknown): VendorFilters {
  const source = typeof input === "object" && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const picked: Record<string, unknown> = {};
  for (const key of KNOWN_KEYS) picked[key] = Object.hasOwn(source, key) ? source[key] : undefined;
  // The former yes/no parameter `certified` (old bookmarks): no → certification=NONE.
  if (picked.certification === undefined && firstValue(source.certified) === "no") picked.certification = NONE;
  return vendorFiltersSchema.parse(picked);
}

export const DEFAULT_VENDOR_FILTERS: VendorFilters = parseVendorFilters({});

/**
 * The URL parameters of `filters` without defaults, in a stable order (equal states give equal URLs).
 * `overrides` replace single values; changing anything but the page resets the page to 1.
 */
export function serializeVendorFilters(filters: VendorFilters, overrides: Partial<VendorFilters> = {}): Record<string, string> {
  const changesResult = Object.keys(overrides).some((k) => k !== "page");
  const f: VendorFilters = { ...filters, ...overrides, ...(changesResult && !("page" in overrides) ? { page: 1 } : {}) };
  const out: Record<string, string> = {};
  if (f.q) out.q = f.q;
  for (const key of VENDOR_FACET_KEYS) {
    const value = f[key];
    if (value !== null) out[key] = value;
  }
  if (f.archived) out.archived = "1";
  if (f.sort !== "name") out.sort = f.sort;
  if (f.dir !== "asc") out.dir = f.dir;
  if (f.page > 1) out.page = String(f.page);
  return out;
}

/** `pathname?…` for a filter state. */
export function vendorFiltersHref(pathname: string, filters: VendorFilters, overrides: Partial<VendorFilters> = {}): string {
  const qs = new URLSearchParams(serializeVendorFilters(filters, overrides)).toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** True when anything narrows the list (search, a facet or the archived toggle). */
export function isVendorListFiltered(filters: VendorFilters): boolean {
  return filters.q !== "" || filters.archived || VENDOR_FACET_KEYS.some((key) => filters[key] !== null);
}

// ───────────────────────────── The list over the vendor facts ─────────────────────────────

/** What the list knows of one vendor (loaded once per organisation and audit stamp). */
export type VendorFacts = {
  id: string;
  name: string;
  kind: VendorKindValue;
  /** Country of the legal seat. */
  country: string | null;
  city: string | null;
  /** Seat, locations and sub-processors: the countries the country facet matches. */
  countries: string[];
  /** Most advanced status of the non-archived agreements (DPA_RANK), NONE without one. */
  dpa: DpaStatusValue | typeof NONE;
  /** Status of the latest DPF check, NONE without a check. */
  dpf: DpfStatusValue | typeof NONE;
  certifications: string[];
  /** Non-archived activities with the vendor as a recipient. */
  activityCount: number;
  isArchived: boolean;
  updatedAt: Date;
  /** Normalised search text (lib/domain/search-text.ts). */
  searchText: string;
};

export type VendorFacetValue = { value: string; count: number };
export type VendorFacets = Record<VendorFacetKey, VendorFacetValue[]>;

function facetValues(v: VendorFacts, key: VendorFacetKey): string[] {
  switch (key) {
    case "country":
      return v.countries;
    case "kind":
      return [v.kind];
    case "dpa":
      return [v.dpa];
    case "dpf":
      return [v.dpf];
    case "certification":
      return v.certifications.length ? v.certifications : [NONE];
    case "used":
      return [v.activityCount > 0 ? "yes" : "no"];
  }
}

/** True when `v` passes search, archived toggle and every facet except those in `except`. */
export function vendorMatches(v: VendorFacts, f: VendorFilters, terms: string[], except: readonly VendorFacetKey[] = []): boolean {
  if (v.isArchived && !f.archived) return false;
  if (!terms.every((t) => v.searchText.includes(t))) return false;
  return VENDOR_FACET_KEYS.every((key) => {
    const selected = f[key];
    return selected === null || except.includes(key) || facetValues(v, key).includes(selected);
  });
}

const FIXED_ORDER: Partial<Record<VendorFacetKey, readonly string[]>> = {
  kind: VENDOR_KINDS,
  dpa: [...DPA_STATUSES, NONE],
  dpf: [...DPF_STATUSES, NONE],
  used: USED_VALUES,
};

/**
 * Disjunctive counts: per facet, how many vendors each value would give with the search and every OTHER facet
 * applied. Enumerations keep their order; open value sets (country, certification) are ordered by count and cut
 * to VENDOR_FACET_VALUE_LIMIT. A selected value is always listed (count 0 when nothing matches).
 */
export function vendorFacetCounts(vendors: readonly VendorFacts[], f: VendorFilters): VendorFacets {
  const terms = normalizeQuery(f.q);
  const out = {} as VendorFacets;
  for (const key of VENDOR_FACET_KEYS) {
    const counts = new Map<string, number>();
    for (const v of vendors) {
      if (!vendorMatches(v, f, terms, [key])) continue;
      for (const value of new Set(facetValues(v, key))) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const order = FIXED_ORDER[key];
    let values = [...counts].map(([value, count]) => ({ value, count }));
    if (order) values.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
    else values = values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, VENDOR_FACET_VALUE_LIMIT);
    const selected = f[key];
    if (selected !== null && !values.some((x) => x.value === selected)) values.push({ value: selected, count: counts.get(selected) ?? 0 });
    out[key] = values;
  }
  return out;
}

function compare(a: VendorFacts, b: VendorFacts, key: VendorSortKey, countryName: (code: string) => string): number {
  switch (key) {
    case "name":
      return a.name.localeCompare(b.name, "de", { sensitivity: "base" });
    case "country":
      return countryName(a.country ?? "").localeCompare(countryName(b.country ?? ""), "de", { sensitivity: "base" });
    case "activities":
      return a.activityCount - b.activityCount;
    case "updated":
      return a.updatedAt.getTime() - b.updatedAt.getTime();
  }
}

export type VendorListPage = { rows: VendorFacts[]; total: number; page: number; pageCount: number; pageSize: number; facets: VendorFacets };

/**
 * One page of the vendor list: filtered, sorted (ties by name, then id; vendors without a seat country last
 * in both directions when sorted by country), with the facet counts. `countryName` gives the label a country
 * sorts by (the screen's language).
 */
export function vendorListPage(vendors: readonly VendorFacts[], f: VendorFilters, countryName: (code: string) => string = (c) => c, pageSize = VENDOR_PAGE_SIZE): VendorListPage {
  const terms = normalizeQuery(f.q);
  const matching = vendors.filter((v) => vendorMatches(v, f, terms));
  const sign = f.dir === "desc" ? -1 : 1;
  matching.sort((a, b) => {
    if (f.sort === "country" && (a.country === null) !== (b.country === null)) return a.country === null ? 1 : -1;
    return sign * compare(a, b, f.sort, countryName) || a.name.localeCompare(b.name, "de", { sensitivity: "base" }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  const total = matching.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(f.page, pageCount);
  return { rows: matching.slice((page - 1) * pageSize, page * pageSize), total, page, pageCount, pageSize, facets: vendorFacetCounts(vendors, f) };
}
