// Runs against the real-world registers in ../shared/fixtures (npm run test:fixtures; CI runs it).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import countries from "@/prisma/reference/countries.json";
import { fixtureRegisterSchema, mapLegalBasis, mapMechanism, mapRecipientRole } from "./fixture-register";

const dir = path.resolve(process.env.FIXTURES_DIR ?? path.join(import.meta.dirname, "../../../shared/fixtures"), "registers");
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
const knownCountries = new Set(countries.countries.map((c) => c.code));

describe("fixture registers (../shared/fixtures/registers)", () => {
  it("are present", () => {
    expect(files).toEqual(["cegedim-ebusiness.json", "plusserver.json"]);
  });

  for (const file of files) {
    const raw: unknown = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
    describe(file, () => {
      const parsed = fixtureRegisterSchema.safeParse(raw);
      it("matches the documented register format", () => {
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      });
      if (!parsed.success) return;
      const reg = parsed.data;

      it("maps every legal basis onto a built-in code (Art. 6, 9, 10, § 25 TDDDG, § 26 BDSG)", () => {
        const unmapped = reg.activities.flatMap((a) => a.legalBases.map((b) => mapLegalBasis(b.article))).filter((m) => !m.ok);
        expect(unmapped).toEqual([]);
      });

      it("maps every transfer mechanism and recipient type", () => {
        for (const a of reg.activities) {
          for (const t of a.transfers) {
            const recipient = a.recipients.find((r) => r.name === t.recipient);
            expect(mapMechanism(t.mechanism, recipient?.type === "processor").ok).toBe(true);
          }
          for (const r of a.recipients) expect(mapRecipientRole(r.type)).toMatch(/^[A-Z_]+$/);
        }
      });

      it("uses only ISO 3166-1 country codes known to the reference data", () => {
        const codes = reg.activities.flatMap((a) => [...a.recipients.map((r) => r.country), ...a.transfers.map((t) => t.country)]);
        const unknown = codes.filter((c): c is string => c !== null && !knownCountries.has(c));
        expect(unknown).toEqual([]);
      });
    });
  }

  it("hold the documented numbers of activities and third-country transfers", () => {
    const count = (file: string) => {
      const reg = fixtureRegisterSchema.parse(JSON.parse(readFileSync(path.join(dir, file), "utf8")));
      return { activities: reg.activities.length, transfers: reg.activities.reduce((n, a) => n + a.transfers.length, 0) };
    };
    expect(count("cegedim-ebusiness.json")).toEqual({ activities: 16, transfers: 11 });
    expect(count("plusserver.json")).toEqual({ activities: 28, transfers: 22 });
  });
});
