// lib/geo/iso-numeric.json maps ISO 3166-1 numeric codes (zero-padded strings, as world-atlas uses them)
// to alpha-2; generated from Debian's iso-codes (iso_3166-1.json). The world map relies on it.
import { describe, expect, it } from "vitest";
import { feature } from "topojson-client";
import { geoCentroid } from "d3-geo";
import type { GeometryCollection, Topology } from "topojson-specification";
import world110 from "world-atlas/countries-110m.json";
import world50 from "world-atlas/countries-50m.json";
import isoNumeric from "./iso-numeric.json";
import smallCountryCentroids from "./small-country-centroids.json";
import countries from "@/prisma/reference/countries.json";

const numericToAlpha2: Record<string, string> = isoNumeric;
const alpha2ToNumeric = new Map(Object.entries(numericToAlpha2).map(([numeric, alpha2]) => [alpha2, numeric]));
type Atlas = Topology<{ countries: GeometryCollection<{ name: string }> }>;

describe("ISO 3166-1 numeric → alpha-2", () => {
  it.each([
    ["276", "DE"],
    ["840", "US"],
    ["826", "GB"],
    ["250", "FR"],
    ["356", "IN"],
    ["156", "CN"],
    ["076", "BR"],
    ["392", "JP"],
  ])("%s is %s", (numeric, alpha2) => {
    expect(numericToAlpha2[numeric]).toBe(alpha2);
  });

  it("keys are three-digit zero-padded codes and values two upper-case letters, one-to-one", () => {
    for (const [numeric, alpha2] of Object.entries(numericToAlpha2)) {
      expect(numeric).toMatch(/^\d{3}$/);
      expect(alpha2).toMatch(/^[A-Z]{2}$/);
    }
    expect(alpha2ToNumeric.size).toBe(Object.keys(numericToAlpha2).length);
  });

  it("every country of the reference data has a numeric code that maps back to it", () => {
    for (const { code } of countries.countries) {
      const numeric = alpha2ToNumeric.get(code);
      expect(numeric, code).toBeDefined();
      expect(numericToAlpha2[numeric ?? ""], code).toBe(code);
    }
  });

  it("every country of the 110m atlas with an id is mapped (only unassigned areas lack one)", () => {
    const atlas = world110 as unknown as Atlas;
    const unmapped = atlas.objects.countries.geometries.filter((g) => g.id === undefined || numericToAlpha2[String(g.id)] === undefined);
    expect(unmapped.map((g) => (g.properties && "name" in g.properties ? g.properties.name : "")).sort()).toEqual(["Kosovo", "N. Cyprus", "Somaliland"]);
  });

  it("the dots for countries too small for the 110m atlas are the 50m atlas centroids", () => {
    const atlas110 = world110 as unknown as Atlas;
    const atlas50 = world50 as unknown as Atlas;
    const on110 = new Set(atlas110.objects.countries.geometries.map((g) => String(g.id)));
    const expected: Record<string, number[]> = {};
    for (const f of feature(atlas50, atlas50.objects.countries).features) {
      const alpha2 = numericToAlpha2[String(f.id)];
      if (on110.has(String(f.id)) || !alpha2) continue;
      const [lon, lat] = geoCentroid(f);
      expected[alpha2] = [Math.round(lon * 100) / 100, Math.round(lat * 100) / 100];
    }
    expect(smallCountryCentroids).toEqual(expected);
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(["SG", "HK", "MT", "LI", "BH", "MU"]));
  });
});
