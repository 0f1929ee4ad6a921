import { describe, expect, it } from "vitest";
import { excerpt, hasMatch, highlight } from "@/lib/domain/highlight";

const marked = (text: string, q: string) =>
  highlight(text, q)
    .filter((s) => s.match)
    .map((s) => s.text);

describe("highlight", () => {
  it("returns the text unmarked for an empty query and nothing for an empty text", () => {
    expect(highlight("Lohnabrechnung", "")).toEqual([{ text: "Lohnabrechnung", match: false }]);
    expect(highlight("Lohnabrechnung", "   ")).toEqual([{ text: "Lohnabrechnung", match: false }]);
    expect(highlight("", "lohn")).toEqual([]);
  });

  it("splits into segments that concatenate to the original text", () => {
    const text = "Bewerbermanagement über Personio (Cloud)";
    const segments = highlight(text, "cloud personio");
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments).toEqual([
      { text: "Bewerbermanagement über ", match: false },
      { text: "Personio", match: true },
      { text: " (", match: false },
      { text: "Cloud", match: true },
      { text: ")", match: false },
    ]);
  });

  it("is accent-, case- and ß-insensitive like toSearchText", () => {
    expect(marked("Hans Müller GmbH", "muller")).toEqual(["Müller"]);
    expect(marked("Hans Mu\u0308ller GmbH", "MÜLLER")).toEqual(["Mu\u0308ller"]);
    expect(marked("Musterstraße 1", "strasse")).toEqual(["straße"]);
    expect(marked("Gesundheitsdaten", "GESUNDHEIT")).toEqual(["Gesundheit"]);
    expect(marked("ＣＲＭ system", "crm")).toEqual(["ＣＲＭ"]);
  });

  it("marks every occurrence and merges overlapping terms", () => {
    expect(marked("cloud, Cloud, CLOUD", "cloud")).toEqual(["cloud", "Cloud", "CLOUD"]);
    expect(marked("Abrechnung", "abrech rechnung")).toEqual(["Abrechnung"]);
  });

  it("matches special characters literally and never produces HTML", () => {
    expect(marked("100% Rabatt_Aktion", "% _")).toEqual(["%", "_"]);
    const segments = highlight("<script>alert(1)</script>", "script");
    expect(segments.map((s) => s.text).join("")).toBe("<script>alert(1)</script>");
    expect(marked("x' OR 1=1 -- y", "' OR 1=1 --")).toEqual(["'", "OR", "1=1", "--"]);
  });

  it("keeps astral characters whole", () => {
    const text = "Daten 😀 Müller";
    expect(highlight(text, "muller").map((s) => s.text).join("")).toBe(text);
    expect(hasMatch(highlight(text, "muller"))).toBe(true);
    expect(hasMatch(highlight(text, "xyz"))).toBe(false);
  });
});

describe("excerpt", () => {
  it("returns the whole text when short", () => {
    expect(excerpt("kurz", "kurz", 50)).toEqual([{ text: "kurz", match: true }]);
  });

  it("cuts a long text around the first match with ellipses", () => {
    const text = `${"Anfang ".repeat(40)}Gesundheitsdaten ${"Ende ".repeat(40)}`.trim();
    const segments = excerpt(text, "gesundheit", 80);
    const joined = segments.map((s) => s.text).join("");
    expect(joined.startsWith("… ")).toBe(true);
    expect(joined.endsWith(" …")).toBe(true);
    expect(joined.length).toBeLessThanOrEqual(84);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(["Gesundheit"]);
  });
});
