import { describe, expect, it } from "vitest";
import {
  activityFiltersHref,
  DEFAULT_ACTIVITY_FILTERS,
  includesArchived,
  isActivityListFiltered,
  parseActivityFilters,
  serializeActivityFilters,
} from "@/lib/domain/activity-filters";

describe("parseActivityFilters", () => {
  it("gives the defaults for an empty or non-object input", () => {
    const defaults = {
      q: "",
      status: null,
      department: null,
      role: null,
      basis: null,
      special: null,
      vendor: null,
      country: null,
      mechanism: null,
      dpia: null,
      review: null,
      archived: false,
      sort: "reference",
      dir: "asc",
      page: 1,
      hide: [],
    };
    expect(parseActivityFilters({})).toEqual(defaults);
    expect(parseActivityFilters(null)).toEqual(defaults);
    expect(parseActivityFilters("q=x")).toEqual(defaults);
    expect(parseActivityFilters(["q"])).toEqual(defaults);
    expect(DEFAULT_ACTIVITY_FILTERS).toEqual(defaults);
  });

  it("parses every parameter", () => {
    expect(
      parseActivityFilters({
        q: "  cloud  ",
        status: "RELEASED",
        department: "cm1abc",
        role: "PROCESSOR",
        basis: "ART6_1_A",
        special: "yes",
        vendor: "v_1-2",
        country: "US",
        mechanism: "SCC_2021_M2",
        dpia: "REQUIRED",
        review: "overdue",
        archived: "1",
        sort: "nextReview",
        dir: "desc",
        page: "3",
        hide: "role",
      }),
    ).toEqual({
      q: "cloud",
      status: "RELEASED",
      department: "cm1abc",
      role: "PROCESSOR",
      basis: "ART6_1_A",
      special: "yes",
      vendor: "v_1-2",
      country: "US",
      mechanism: "SCC_2021_M2",
      dpia: "REQUIRED",
      review: "overdue",
      archived: true,
      sort: "nextReview",
      dir: "desc",
      page: 3,
      hide: ["role"],
    });
  });

  it("ignores junk (C25): wrong values, objects, numbers, oversized strings, unknown keys", () => {
    const f = parseActivityFilters({
      q: { $ne: "" },
      status: "PUBLISHED",
      department: "a b;drop",
      role: ["CONTROLLER", "PROCESSOR"],
      basis: "art6' or 1=1",
      special: true,
      vendor: { id: "x" },
      country: "USA",
      mechanism: 42,
      dpia: "",
      review: "tomorrow",
      archived: "0",
      sort: "searchText",
      dir: "sideways",
      page: "-1",
      __proto__: { q: "polluted" },
      constructor: "x",
      extra: "y",
    });
    expect(f).toEqual({ ...DEFAULT_ACTIVITY_FILTERS, role: "CONTROLLER" });
    expect(parseActivityFilters({ q: "x".repeat(201) }).q).toBe("");
    expect(parseActivityFilters({ page: "1e9" }).page).toBe(1);
    expect(parseActivityFilters({ page: "2.5" }).page).toBe(1);
  });

  it("takes the first of repeated parameters", () => {
    expect(parseActivityFilters({ q: ["a", "b"], country: ["DE", "US"] })).toMatchObject({ q: "a", country: "DE" });
  });
});

describe("serializeActivityFilters", () => {
  it("omits defaults and round-trips", () => {
    expect(serializeActivityFilters(DEFAULT_ACTIVITY_FILTERS)).toEqual({});
    const f = parseActivityFilters({ q: "cloud", country: "US", special: "no", archived: "on", sort: "name", dir: "desc", page: "2" });
    const s = serializeActivityFilters(f);
    expect(s).toEqual({ q: "cloud", special: "no", country: "US", archived: "1", sort: "name", dir: "desc", page: "2" });
    expect(parseActivityFilters(s)).toEqual(f);
  });

  it("resets the page when anything else changes, keeps it when only the page changes", () => {
    const f = parseActivityFilters({ q: "x", page: "4" });
    expect(serializeActivityFilters(f, { country: "US" })).toEqual({ q: "x", country: "US" });
    expect(serializeActivityFilters(f, { page: 5 })).toEqual({ q: "x", page: "5" });
    expect(serializeActivityFilters(f, { country: null })).toEqual({ q: "x" });
  });

  it("builds hrefs", () => {
    expect(activityFiltersHref("/o/1/activities", DEFAULT_ACTIVITY_FILTERS)).toBe("/o/1/activities");
    expect(activityFiltersHref("/o/1/activities", DEFAULT_ACTIVITY_FILTERS, { q: "a&b" })).toBe("/o/1/activities?q=a%26b");
  });
});

describe("filter predicates", () => {
  it("knows when the list is filtered and when archived entries are included", () => {
    expect(isActivityListFiltered(DEFAULT_ACTIVITY_FILTERS)).toBe(false);
    expect(isActivityListFiltered({ ...DEFAULT_ACTIVITY_FILTERS, sort: "name" })).toBe(false);
    expect(isActivityListFiltered({ ...DEFAULT_ACTIVITY_FILTERS, review: "due30" })).toBe(true);
    expect(includesArchived(DEFAULT_ACTIVITY_FILTERS)).toBe(false);
    expect(includesArchived({ ...DEFAULT_ACTIVITY_FILTERS, status: "ARCHIVED" })).toBe(true);
    expect(includesArchived({ ...DEFAULT_ACTIVITY_FILTERS, archived: true })).toBe(true);
  });
});

describe("column choice (dense tables: the reader hides columns; the choice lives in the URL)", () => {
  it("parses hide=… from links, keeps table order and drops unknown columns", () => {
    expect(parseActivityFilters({ hide: "nextReview,role,bogus,role" }).hide).toEqual(["role", "nextReview"]);
    expect(parseActivityFilters({ hide: ["status", "role"] }).hide).toEqual(["status"]);
    expect(parseActivityFilters({ hide: { x: 1 } }).hide).toEqual([]);
    expect(DEFAULT_ACTIVITY_FILTERS.hide).toEqual([]);
  });

  it("turns the column form (cols=1 and one show per ticked column) into the hidden rest", () => {
    expect(parseActivityFilters({ cols: "1", show: ["status", "transferRisk"] }).hide).toEqual(["department", "role", "recipients", "thirdCountry", "nextReview"]);
    expect(parseActivityFilters({ cols: "1", show: "department" }).hide).toEqual(["role", "status", "recipients", "thirdCountry", "transferRisk", "nextReview"]);
    expect(parseActivityFilters({ cols: "1" }).hide).toHaveLength(7);
    expect(parseActivityFilters({ show: "status" }).hide).toEqual([]); // without the marker, show is ignored
  });

  it("keeps the choice in every link and does not count it as a filter", () => {
    const f = parseActivityFilters({ q: "lohn", hide: "role" });
    expect(serializeActivityFilters(f, { page: 2 })).toEqual({ q: "lohn", page: "2", hide: "role" });
    expect(isActivityListFiltered({ ...DEFAULT_ACTIVITY_FILTERS, hide: ["role"] })).toBe(false);
  });
});
