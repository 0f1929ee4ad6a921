import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { verifyAuditChain, INSTANCE_CHAIN } from "@/lib/audit";
import { compareVersions, loadReferenceData, referenceData } from "@/lib/reference-data/load";

const at = (d: string) => new Date(`${d}T00:00:00.000Z`);

describe("reference data files", () => {
  const data = referenceData();

  it("cover every ISO 3166-1 alpha-2 code once, with German and English names", () => {
    expect(data.countries).toHaveLength(249);
    expect(data.countries.find((c) => c.code === "DE")).toMatchObject({ nameDe: "Deutschland", nameEn: "Germany" });
  });

  it("list the EEA as EU 27 + IS, LI, NO today, and GB until 31.12.2020", () => {
    const eeaToday = data.countries.filter((c) => c.eeaFrom && !c.eeaTo && !c.isTerritoryOf).map((c) => c.code).sort();
    expect(eeaToday).toEqual(
      ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO"].sort(),
    );
    expect(data.countries.find((c) => c.code === "GB")).toMatchObject({ eeaTo: "2020-12-31" });
    for (const code of ["GF", "GP", "MQ", "RE", "YT", "MF"]) expect(data.countries.find((c) => c.code === code)?.isTerritoryOf).toBe("FR");
    expect(data.countries.find((c) => c.code === "AX")?.isTerritoryOf).toBe("FI");
  });

  it("maps each WP248 criterion code to its own label (no shifted labels)", () => {
    const wp248 = data.dpiaLists.find((l) => l.code === "WP248");
    const expected: Record<string, string> = {
      WP248_1: "Evaluation or scoring, including profiling and predicting",
      WP248_2: "Automated decision-making with legal or similar significant effect",
      WP248_3: "Systematic monitoring",
      WP248_4: "Sensitive data or data of a highly personal nature",
      WP248_5: "Data processed on a large scale",
      WP248_6: "Matching or combining datasets",
      WP248_7: "Data concerning vulnerable data subjects",
      WP248_8: "Innovative use or applying new technological or organisational solutions",
      WP248_9: "When the processing in itself prevents data subjects from exercising a right or using a service or a contract",
    };
    expect(wp248?.items).toHaveLength(9);
    for (const item of wp248?.items ?? []) {
      expect(item.code).toBe(`WP248_${item.itemNo}`);
      expect(item.textEn).toBe(expected[item.code]);
      expect(item.hard).toBe(false);
    }
    expect(wp248?.items.find((i) => i.code === "WP248_3")?.textDe).toBe("Systematische Überwachung");
    expect(wp248?.items.find((i) => i.code === "WP248_7")?.textDe).toBe("Daten zu schutzbedürftigen Betroffenen");
  });

  it("has Art. 35(3) a–c and the 17 DSK Muss-Liste items as hard criteria, with the unverified ones marked", () => {
    const art35 = data.dpiaLists.find((l) => l.code === "ART35_3");
    expect(art35?.items.map((i) => i.code)).toEqual(["ART35_3_A", "ART35_3_B", "ART35_3_C"]);
    const dsk = data.dpiaLists.find((l) => l.code === "DSK_MUSS");
    expect(dsk?.version).toBe("1.1");
    expect(dsk?.items.map((i) => i.code)).toEqual(Array.from({ length: 17 }, (_, i) => `DSK_${i + 1}`));
    expect(dsk?.items.every((i) => i.hard)).toBe(true);
    expect(dsk?.items.filter((i) => !i.verified).map((i) => i.code)).toEqual(["DSK_2", "DSK_15", "DSK_16"]);
  });

  it("dates the legacy instruments as legal-reference §6.9 states", () => {
    const byCode = new Map(data.transferInstruments.map((i) => [i.code, i]));
    expect(byCode.get("PRIVACY_SHIELD")?.validTo).toBe("2020-07-15");
    expect(byCode.get("SAFE_HARBOR")?.validTo).toBe("2015-10-05");
    expect(byCode.get("DPF_2023_1795")?.validFrom).toBe("2023-07-10");
    for (const code of ["SCC_OLD_2001_497", "SCC_OLD_2004_915", "SCC_OLD_2010_87"]) {
      expect(byCode.get(code)).toMatchObject({ newContractsUntil: "2021-09-26", validTo: "2022-12-27", successorCode: "SCC_2021_914" });
    }
  });

  it("has the vocabulary codes the register uses", () => {
    const codes = (kind: string) => data.vocabularies.find((v) => v.kind === kind)?.terms.map((t) => t.code) ?? [];
    expect(codes("LEGAL_BASIS")).toEqual(expect.arrayContaining(["ART6_1_A", "ART6_1_F", "ART9_2_A", "ART9_2_J", "ART10", "BDSG_26_1", "BDSG_4", "ART88", "TDDDG_25_1", "TDDDG_25_2", "OTHER"]));
    const categories = data.vocabularies.find((v) => v.kind === "DATA_CATEGORY")?.terms ?? [];
    expect(categories.filter((t) => t.isSpecialCategory).map((t) => t.code).sort()).toEqual(
      ["BIOMETRIC", "CRIMINAL", "GENETIC", "HEALTH", "POLITICAL_OPINIONS", "RACIAL_ETHNIC_ORIGIN", "RELIGIOUS_BELIEFS", "SEX_LIFE", "TRADE_UNION"],
    );
    for (const kind of ["LEGAL_BASIS", "DATA_SUBJECT", "DATA_CATEGORY", "RECIPIENT_CATEGORY", "RETENTION_START", "DATA_SOURCE"]) {
      expect(codes(kind)).toContain("OTHER");
    }
  });

  it("compares dotted versions numerically", () => {
    expect(compareVersions("2026.11.1", "2026.11.1")).toBe(0);
    expect(compareVersions("2026.9.0", "2026.11.1")).toBe(-1);
    expect(compareVersions("2027.1", "2026.12.9")).toBe(1);
  });
});

describeEachProvider("loadReferenceData", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t.drop();
  });

  const counts = async () => ({
    countries: await t.db.country.count(),
    sources: await t.db.legalSource.count(),
    adequacy: await t.db.adequacyDecision.count(),
    instruments: await t.db.transferInstrument.count(),
    lists: await t.db.dpiaList.count(),
    items: await t.db.dpiaListItem.count(),
    terms: await t.db.vocabularyTerm.count({ where: { organisationId: null } }),
    versions: await t.db.referenceDataVersion.count(),
    audit: await t.db.auditEvent.count(),
  });

  it("loads every file once; a second load writes nothing", async () => {
    const data = referenceData();
    const first = await loadReferenceData(t.db, { changedBy: "test" });
    expect(first).toEqual({ version: data.version, changed: true });
    const after = await counts();
    expect(after).toEqual({
      countries: 249,
      sources: data.legalSources.length,
      adequacy: data.adequacyDecisions.length,
      instruments: 7,
      lists: 3,
      items: 3 + 9 + 17,
      terms: data.vocabularies.reduce((n, v) => n + v.terms.length, 0),
      versions: 1,
      audit: 1,
    });
    const version = await t.db.referenceDataVersion.findUniqueOrThrow({ where: { version: data.version } });
    expect(version).toMatchObject({ contentHash: data.contentHash, changedById: "test" });
    expect((await verifyAuditChain(t.db, INSTANCE_CHAIN)).ok).toBe(true);

    const stamp = await t.db.country.findUniqueOrThrow({ where: { code: "DE" } });
    const termStamp = await t.db.vocabularyTerm.findFirstOrThrow({ where: { organisationId: null, kind: "LEGAL_BASIS", code: "ART6_1_A" } });
    const second = await loadReferenceData(t.db);
    expect(second).toEqual({ version: data.version, changed: false });
    expect(await counts()).toEqual(after);
    expect((await t.db.vocabularyTerm.findUniqueOrThrow({ where: { id: termStamp.id } })).updatedAt).toEqual(termStamp.updatedAt);
    expect(await t.db.country.findUniqueOrThrow({ where: { code: "DE" } })).toEqual(stamp);
  });

  it("stores EEA membership as dated rows: DE in, CH out, GB in before 2021 and out after", async () => {
    const inEea = async (code: string, asOf: Date) => {
      const c = await t.db.country.findUniqueOrThrow({ where: { code } });
      return !!c.eeaFrom && c.eeaFrom <= asOf && (!c.eeaTo || asOf <= c.eeaTo);
    };
    expect(await inEea("DE", at("2026-11-23"))).toBe(true);
    expect(await inEea("CH", at("2026-11-23"))).toBe(false);
    expect(await inEea("GB", at("2020-12-31"))).toBe(true);
    expect(await inEea("GB", at("2021-01-01"))).toBe(false);
    expect(await inEea("US", at("2026-11-23"))).toBe(false);
    expect(await inEea("HR", at("2013-06-30"))).toBe(false);
    expect(await inEea("HR", at("2013-07-01"))).toBe(true);
  });

  it("keeps adequacy decisions dated, scoped and flagged where unverified", async () => {
    const gb = await t.db.adequacyDecision.findMany({ where: { countryCode: "GB" }, orderBy: { validFrom: "asc" } });
    expect(gb.map((d) => [d.validFrom.toISOString().slice(0, 10), d.validTo?.toISOString().slice(0, 10), d.verified])).toEqual([
      ["2021-06-28", "2025-06-27", true],
      ["2025-06-28", "2025-12-27", false],
      ["2025-12-19", "2031-12-27", false],
    ]);
    const us = await t.db.adequacyDecision.findFirstOrThrow({ where: { countryCode: "US" }, include: { source: true } });
    expect(us).toMatchObject({ scope: "DPF_CERTIFIED_ONLY", validFrom: at("2023-07-10") });
    expect(us.source.identifier).toBe("2023/1795");
    expect((await t.db.adequacyDecision.findFirstOrThrow({ where: { countryCode: "CA" } })).scope).toBe("COMMERCIAL_PIPEDA");
    expect((await t.db.adequacyDecision.findFirstOrThrow({ where: { countryCode: "JP" } })).scope).toBe("PRIVATE_SECTOR");
    expect((await t.db.adequacyDecision.findFirstOrThrow({ where: { countryCode: "KR" } })).scope).toBe("PARTIAL");
    const epo = await t.db.adequacyDecision.findFirstOrThrow({ where: { organisationName: "European Patent Organisation" } });
    expect(epo).toMatchObject({ countryCode: null, verified: false });
    const br = await t.db.adequacyDecision.findFirstOrThrow({ where: { countryCode: "BR" }, include: { source: true } });
    expect(br.source.identifier).toBe("2026/179");
    expect(await t.db.adequacyDecision.count({ where: { verified: false } })).toBeGreaterThanOrEqual(4);
    expect(await t.db.dpiaListItem.count({ where: { verified: false } })).toBe(3);
  });

  it("stores the instruments with their end dates and built-in terms without an organisation", async () => {
    const ps = await t.db.transferInstrument.findUniqueOrThrow({ where: { code: "PRIVACY_SHIELD" }, include: { source: true } });
    expect(ps.validTo).toEqual(at("2020-07-15"));
    expect(ps.source.identifier).toBe("2016/1250");
    const health = await t.db.vocabularyTerm.findFirstOrThrow({ where: { organisationId: null, kind: "DATA_CATEGORY", code: "HEALTH" } });
    expect(health).toMatchObject({ isSpecialCategory: true, labelDe: "Gesundheitsdaten", group: "ART9" });
    const bdsg = await t.db.vocabularyTerm.findFirstOrThrow({ where: { organisationId: null, kind: "LEGAL_BASIS", code: "BDSG_26_1" } });
    expect(bdsg).toMatchObject({ group: "NATIONAL", citation: "§ 26(1) BDSG" });
  });

  it("repairs an edited built-in row on the next version and leaves other rows alone", async () => {
    const data = referenceData();
    await t.db.country.update({ where: { code: "DE" }, data: { nameEn: "Tampered" } });
    await t.db.referenceDataVersion.delete({ where: { version: data.version } });
    const again = await loadReferenceData(t.db);
    expect(again.changed).toBe(true);
    expect((await t.db.country.findUniqueOrThrow({ where: { code: "DE" } })).nameEn).toBe("Germany");
    expect(await t.db.country.count()).toBe(249);
    expect(await t.db.adequacyDecision.count()).toBe(data.adequacyDecisions.length);
  });

  it("refuses a version that is already loaded with other content", async () => {
    const data = referenceData();
    await t.db.referenceDataVersion.update({ where: { version: data.version }, data: { contentHash: "0".repeat(64) } });
    await expect(loadReferenceData(t.db)).rejects.toThrow(/already loaded with other content/);
    await t.db.referenceDataVersion.update({ where: { version: data.version }, data: { contentHash: data.contentHash } });
  });

  it("does not downgrade a database that holds a newer version", async () => {
    await t.db.referenceDataVersion.delete({ where: { version: referenceData().version } });
    await t.db.referenceDataVersion.create({ data: { version: "9999.1.0", releasedAt: at("2099-01-01"), contentHash: "f".repeat(64) } });
    const before = await counts();
    expect(await loadReferenceData(t.db)).toEqual({ version: "9999.1.0", changed: false });
    expect(await counts()).toEqual(before);
  });
});
