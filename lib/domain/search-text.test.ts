import { describe, it, expect } from "vitest";
import { normalizeQuery, toSearchText } from "./search-text";

const matches = (text: string, q: string) => normalizeQuery(q).every((t) => text.includes(t));

describe("toSearchText: flattening", () => {
  it("joins strings and numbers of nested arrays and objects with single spaces", () => {
    expect(toSearchText(["Lohn", 42, ["Personal", { a: "Abrechnung", b: [1.5] }]])).toBe("lohn 42 personal abrechnung 1.5");
    expect(toSearchText({ name: "CRM", vendor: { name: "Acme" } })).toBe("crm acme");
  });

  it("ignores null, undefined and booleans", () => {
    expect(toSearchText([null, undefined, true, false, "x", { a: null, b: false }])).toBe("x");
    expect(toSearchText([])).toBe("");
  });

  it("collapses whitespace, including tabs, newlines and no-break spaces", () => {
    expect(toSearchText(["  Lohn-\n\tund\u00a0 Gehalts  ", "   "])).toBe("lohn- und gehalts");
  });

  it("survives cyclic objects", () => {
    const a: Record<string, unknown> = { name: "Zyklus" };
    a.self = a;
    expect(toSearchText(a)).toBe("zyklus");
  });
});

describe("toSearchText / normalizeQuery: Unicode (house-style §8)", () => {
  it('finds "Müller" with "muller" and "MÜLLER"', () => {
    const text = toSearchText(["Müller GmbH"]);
    expect(text).toBe("muller gmbh");
    expect(matches(text, "muller")).toBe(true);
    expect(matches(text, "MÜLLER")).toBe(true);
  });

  it("treats decomposed and precomposed umlauts alike", () => {
    expect(toSearchText(["Mu\u0308ller"])).toBe(toSearchText(["M\u00fcller"]));
  });

  it('maps "Straße" to "strasse" (also capital ẞ)', () => {
    expect(toSearchText(["Straße"])).toBe("strasse");
    expect(toSearchText(["STRAẞE"])).toBe("strasse");
    expect(matches(toSearchText(["Hauptstraße 1"]), "hauptstrasse")).toBe(true);
  });

  it("folds compatibility forms (fullwidth, ligatures)", () => {
    expect(toSearchText(["ＡＢＣ", "ﬁle"])).toBe("abc file");
  });

  it("keeps emoji and right-to-left scripts", () => {
    expect(toSearchText(["Team 😀 👩‍💻"])).toBe("team 😀 👩‍💻");
    expect(toSearchText(["مرحبا", "שלום"])).toBe("مرحبا שלום");
    expect(normalizeQuery("😀 مرحبا")).toEqual(["😀", "مرحبا"]);
  });
});

describe("normalizeQuery: terms are literal (C-series injection inputs)", () => {
  it("keeps SQL syntax as plain terms", () => {
    expect(normalizeQuery("' OR 1=1 --")).toEqual(["'", "or", "1=1", "--"]);
  });

  it("keeps LIKE wildcards % and _ as literal terms", () => {
    expect(normalizeQuery("% _ 100%_a")).toEqual(["%", "_", "100%_a"]);
  });

  it("drops empty terms", () => {
    expect(normalizeQuery("   ")).toEqual([]);
    expect(normalizeQuery(" a \t  b\n")).toEqual(["a", "b"]);
  });

  it("limits to 10 terms of at most 100 characters", () => {
    expect(normalizeQuery(Array.from({ length: 15 }, (_, i) => `t${i}`).join(" "))).toHaveLength(10);
    const [term] = normalizeQuery("a".repeat(500));
    expect(term).toHaveLength(100);
    expect(Array.from(normalizeQuery("😀".repeat(150))[0] ?? "")).toHaveLength(100);
  });
});
