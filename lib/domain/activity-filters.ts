// URL state of the register list: search, facets, sort and page. Parsing is tolerant (C25): a parameter that
// is missing, repeated, of the wrong shape or unknown falls back to its default; nothing here throws.
import { z } from "zod";

export const ACTIVITY_QUERY_MAX_LENGTH = 200;
export const ACTIVITY_PAGE_MAX = 100_000;

export const ACTIVITY_STATUSES = ["DRAFT", "IN_REVIEW", "RELEASED", "ARCHIVED"] as const;
export const ACTIVITY_ROLES = ["CONTROLLER", "JOINT_CONTROLLER", "PROCESSOR"] as const;
export const DPIA_DECISIONS = ["PENDING", "NOT_REQUIRED", "REQUIRED"] as const;
import { TRANSFER_MECHANISMS } from "./transfer-risk";

export { TRANSFER_MECHANISMS };
export const SPECIAL_VALUES = ["yes", "no"] as const;
export const REVIEW_VALUES = ["overdue", "due30"] as const;
export const SORT_KEYS = ["reference", "name", "status", "nextReview", "updated"] as const;
export const SORT_DIRECTIONS = ["asc", "desc"] as const;

/** Days ahead that count as "due for review soon". */
export const REVIEW_DUE_SOON_DAYS = 30;

export type ActivitySortKey = (typeof SORT_KEYS)[number];
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** The facets of the register list, in display order. */
export const FACET_KEYS = ["status", "department", "role", "basis", "special", "vendor", "country", "mechanism", "dpia", "review"] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

/** Columns of the register table a reader may hide (reference and name always show), in table order. */
export const OPTIONAL_ACTIVITY_COLUMNS = ["department", "role", "status", "recipients", "thirdCountry", "transferRisk", "nextReview"] as const;
export type OptionalActivityColumn = (typeof OPTIONAL_ACTIVITY_COLUMNS)[number];

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** `hide=a,b` (links) → the known columns in table order; anything else is dropped. */
const hiddenColumns = z.preprocess(
  (v) => (typeof firstValue(v) === "string" ? String(firstValue(v)).split(",") : []),
  z.array(z.string()).transform((xs) => OPTIONAL_ACTIVITY_COLUMNS.filter((c) => xs.includes(c))),
).catch([]);
const param = <T extends z.ZodType>(schema: T, fallback: z.infer<T>) => z.preprocess(firstValue, schema).catch(fallback);
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const activityFiltersSchema = z.object({
  q: param(z.string().trim().max(ACTIVITY_QUERY_MAX_LENGTH), ""),
  status: param(z.enum(ACTIVITY_STATUSES).nullable(), null),
  department: param(id.nullable(), null),
  role: param(z.enum(ACTIVITY_ROLES).nullable(), null),
  basis: param(z.string().regex(/^[A-Z0-9_]{1,40}$/).nullable(), null),
  special: param(z.enum(SPECIAL_VALUES).nullable(), null),
  vendor: param(id.nullable(), null),
  country: param(z.string().regex(/^[A-Z]{2}$/).nullable(), null),
  mechanism: param(z.enum(TRANSFER_MECHANISMS).nullable(), null),
  dpia: param(z.enum(DPIA_DECISIONS).nullable(), null),
  review: param(z.enum(REVIEW_VALUES).nullable(), null),
  archived: param(z.enum(["1", "true", "on"]).transform(() => true), false),
  sort: param(z.enum(SORT_KEYS), "reference"),
  dir: param(z.enum(SORT_DIRECTIONS), "asc"),
  page: param(z.coerce.number().int().min(1).max(ACTIVITY_PAGE_MAX), 1),
  hide: hiddenColumns,
});

export type ActivityFilters = z.infer<typeof activityFiltersSchema>;

const KNOWN_KEYS = Object.keys(activityFiltersSchema.shape) as (keyof ActivityFilters)[];

/** Parses `searchParams` of the list page (or any object). Unknown keys and malformed values are ignored. */
export function parseActivityFilters(input: unknown): ActivityFilters {
  const source = typeof input === "object" && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const picked: Record<string, unknown> = {};
  for (const key of KNOWN_KEYS) picked[key] = Object.hasOwn(source, key) ? source[key] : undefined;
  // The column form sends `cols=1` and one `show` per ticked column: the others are hidden.
  if (firstValue(source.cols) === "1") {
    const shown = ([] as unknown[]).concat(source.show ?? []).filter((x): x is string => typeof x === "string");
    picked.hide = OPTIONAL_ACTIVITY_COLUMNS.filter((c) => !shown.includes(c)).join(",");
  }
  return activityFiltersSchema.parse(picked);
}

export const DEFAULT_ACTIVITY_FILTERS: ActivityFilters = parseActivityFilters({});

/**
 * The URL parameters of `filters` without defaults, in a stable order (so equal states give equal URLs).
 * `overrides` replace single values; changing anything but the page resets the page to 1.
 */
export function serializeActivityFilters(filters: ActivityFilters, overrides: Partial<ActivityFilters> = {}): Record<string, string> {
  const changesResult = Object.keys(overrides).some((k) => k !== "page");
  const f: ActivityFilters = { ...filters, ...overrides, ...(changesResult && !("page" in overrides) ? { page: 1 } : {}) };
  const out: Record<string, string> = {};
  if (f.q) out.q = f.q;
  for (const key of FACET_KEYS) {
    const value = f[key];
    if (value !== null) out[key] = value;
  }
  if (f.archived) out.archived = "1";
  if (f.sort !== "reference") out.sort = f.sort;
  if (f.dir !== "asc") out.dir = f.dir;
  if (f.page > 1) out.page = String(f.page);
  if (f.hide.length > 0) out.hide = f.hide.join(",");
  return out;
}

/** `pathname?…` for a filter state. */
export function activityFiltersHref(pathname: string, filters: ActivityFilters, overrides: Partial<ActivityFilters> = {}): string {
  const qs = new URLSearchParams(serializeActivityFilters(filters, overrides)).toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** True when anything narrows the list (search, a facet or the archived toggle). */
export function isActivityListFiltered(filters: ActivityFilters): boolean {
  return filters.q !== "" || filters.archived || FACET_KEYS.some((key) => filters[key] !== null);
}

/** Archived entries are shown only on request (toggle) or when the status facet asks for them. */
export function includesArchived(filters: ActivityFilters): boolean {
  return filters.archived || filters.status === "ARCHIVED";
}
