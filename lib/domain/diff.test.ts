import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { diff, isJsonEqual, type Changes } from "./diff";

const apply = (before: Record<string, unknown>, changes: Changes) => ({
  ...before,
  ...Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.new])),
});

// Small key space so that before/after share keys and sometimes values.
const key = fc.constantFrom("name", "purpose", "legalBasis", "recipients", "retention", "updatedAt", "__proto__", "constructor");
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, "a", 1, [1, 2], { x: 1 }),
  fc.date({ noInvalidDate: true }),
);
const record = fc.oneof(fc.dictionary(key, value), fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })));

describe("diff: field-level changes for the audit trail (reliability-checks §4: changes { field: { old, new } })", () => {
  it("reports changed and added fields with old and new values", () => {
    expect(diff({ name: "CRM", purpose: "Sales", legalBasis: "6(1)(b)" }, { name: "CRM", purpose: "Support", retention: "3y" })).toEqual({
      purpose: { old: "Sales", new: "Support" },
      retention: { old: null, new: "3y" },
    });
  });

  it("compares arrays and objects structurally, independent of key order", () => {
    expect(diff({ a: [1, { x: 1, y: 2 }] }, { a: [1, { y: 2, x: 1 }] })).toEqual({});
    expect(diff({ a: [1, 2] }, { a: [2, 1] })).toEqual({ a: { old: [1, 2], new: [2, 1] } });
    expect(diff({ a: { x: [1] } }, { a: { x: [1, 2] } })).toEqual({ a: { old: { x: [1] }, new: { x: [1, 2] } } });
    expect(diff({ a: [] }, { a: {} })).toEqual({ a: { old: [], new: {} } });
  });

  it("compares Dates by ISO string and reports them as ISO strings", () => {
    const d = new Date("2026-05-25T10:00:00.000Z");
    expect(diff({ at: d }, { at: new Date(d.getTime()) })).toEqual({});
    expect(diff({ at: d }, { at: "2026-05-25T10:00:00.000Z" })).toEqual({});
    expect(diff({ at: d }, { at: new Date("2026-05-26T10:00:00.000Z") })).toEqual({
      at: { old: "2026-05-25T10:00:00.000Z", new: "2026-05-26T10:00:00.000Z" },
    });
  });

  it("treats a missing, undefined or null field alike", () => {
    expect(diff({}, { a: null })).toEqual({});
    expect(diff({ a: null }, { a: undefined })).toEqual({});
    expect(diff({ a: { x: undefined } }, { a: {} })).toEqual({});
    expect(diff({ a: 0 }, { a: -0 })).toEqual({});
  });

  it("only reports keys present in after unless includeRemoved", () => {
    expect(diff({ a: 1, b: 2 }, { a: 1 })).toEqual({});
    expect(diff({ a: 1, b: 2 }, { a: 1 }, { includeRemoved: true })).toEqual({ b: { old: 2, new: null } });
  });

  it("ignores updatedAt, version and searchText by default; ignore overrides the list", () => {
    const before = { updatedAt: new Date(0), version: 1, searchText: "a", name: "x" };
    const after = { updatedAt: new Date(1), version: 2, searchText: "b", name: "x" };
    expect(diff(before, after)).toEqual({});
    expect(diff(before, after, { ignore: ["searchText"] })).toEqual({
      updatedAt: { old: "1970-01-01T00:00:00.000Z", new: "1970-01-01T00:00:00.001Z" },
      version: { old: 1, new: 2 },
    });
    expect(diff({ name: "a" }, { name: "b" }, { ignore: ["name"] })).toEqual({});
  });

  it("does not read inherited properties and keeps '__proto__' as an own key", () => {
    expect(diff({}, { constructor: "c", toString: "t" })).toEqual({
      constructor: { old: null, new: "c" },
      toString: { old: null, new: "t" },
    });
    const after = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const changes = diff({}, after);
    expect(Object.keys(changes)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(changes)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("diff: properties (house-style §8, fast-check)", () => {
  it("diff(x, x) is empty", () => {
    fc.assert(
      fc.property(record, (x) => {
        expect(diff(x, x, { ignore: [] })).toEqual({});
        expect(diff(x, structuredClone(x), { includeRemoved: true })).toEqual({});
      }),
    );
  });

  it("applying the new values to before yields after on every diffed key", () => {
    fc.assert(
      fc.property(record, record, (before, after) => {
        const changes = diff(before, after, { ignore: [] });
        const applied = apply(before, changes);
        for (const k of Object.keys(after)) {
          const got = Object.hasOwn(applied, k) ? applied[k] : undefined;
          expect(isJsonEqual(got, after[k])).toBe(true);
        }
      }),
    );
  });

  it("reports only keys whose values differ", () => {
    fc.assert(
      fc.property(record, record, (before, after) => {
        for (const [k, c] of Object.entries(diff(before, after))) {
          expect(Object.hasOwn(after, k)).toBe(true);
          expect(isJsonEqual(c.old, c.new)).toBe(false);
        }
      }),
    );
  });
});
