// Generates prisma/reference/countries.json: every ISO 3166-1 alpha-2 code with German and English
// names (from the ICU data of the Node.js that runs it, via Intl.DisplayNames, plus a few overrides)
// and the dated EU/EEA membership used by the transfer rules. The output is committed; re-run only to
// change the tables below: `node scripts/build-countries.mjs`. Names can differ slightly between ICU
// versions, which is why the JSON, not this script, is the seed.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// ISO 3166-1 alpha-2, officially assigned codes (249).
const CODES = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
DE DJ DK DM DO DZ
EC EE EG EH ER ES ET
FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
HK HM HN HR HT HU
ID IE IL IM IN IO IQ IR IS IT
JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ
LA LB LC LI LK LR LS LT LU LV LY
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
NA NC NE NF NG NI NL NO NP NR NU NZ
OM
PA PE PF PG PH PK PL PM PN PR PS PT PW PY
QA
RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
UA UG UM US UY UZ
VA VC VE VG VI VN VU
WF WS
YE YT
ZA ZM ZW
`.trim().split(/\s+/);

// EU accession dates (EU 27) and EEA Agreement dates for the EEA EFTA states.
const EEA_FROM = {
  BE: "1958-01-01", DE: "1958-01-01", FR: "1958-01-01", IT: "1958-01-01", LU: "1958-01-01", NL: "1958-01-01",
  DK: "1973-01-01", IE: "1973-01-01",
  GR: "1981-01-01",
  ES: "1986-01-01", PT: "1986-01-01",
  AT: "1995-01-01", FI: "1995-01-01", SE: "1995-01-01",
  CY: "2004-05-01", CZ: "2004-05-01", EE: "2004-05-01", HU: "2004-05-01", LT: "2004-05-01",
  LV: "2004-05-01", MT: "2004-05-01", PL: "2004-05-01", SI: "2004-05-01", SK: "2004-05-01",
  BG: "2007-01-01", RO: "2007-01-01",
  HR: "2013-07-01",
  IS: "1994-01-01", NO: "1994-01-01", LI: "1995-05-01",
};

const SPECIAL = {
  GB: {
    eeaFrom: "1973-01-01",
    eeaTo: "2020-12-31",
    note: "EU member until 31.1.2020; the GDPR applied during the transition period until 31.12.2020, then an interim bridge until the adequacy decision of 28.6.2021.",
    verified: false,
  },
  // EU territories with their own ISO code (outermost regions, Åland).
  AX: { isTerritoryOf: "FI", eeaFrom: "1995-01-01", note: "Åland: part of the EU with Finland (Protocol No 2 to the 1994 Act of Accession).", verified: false },
  GF: { isTerritoryOf: "FR", eeaFrom: "1958-01-01", note: "French Guiana: outermost region (Art. 349, 355(1) TFEU).", verified: false },
  GP: { isTerritoryOf: "FR", eeaFrom: "1958-01-01", note: "Guadeloupe: outermost region (Art. 349, 355(1) TFEU).", verified: false },
  MQ: { isTerritoryOf: "FR", eeaFrom: "1958-01-01", note: "Martinique: outermost region (Art. 349, 355(1) TFEU).", verified: false },
  RE: { isTerritoryOf: "FR", eeaFrom: "1958-01-01", note: "Réunion: outermost region (Art. 349, 355(1) TFEU).", verified: false },
  YT: { isTerritoryOf: "FR", eeaFrom: "2014-01-01", note: "Mayotte: outermost region since 1.1.2014 (European Council Decision 2012/419/EU).", verified: false },
  MF: { isTerritoryOf: "FR", eeaFrom: "1958-01-01", note: "Saint-Martin: outermost region (Art. 349, 355(1) TFEU).", verified: false },
  // Overseas countries and territories (Art. 355(2) TFEU): not part of the EU, third countries unless
  // a decision covers them (e.g. the Faroe Islands have their own adequacy decision).
  BL: { note: "Saint-Barthélemy: overseas country or territory since 1.1.2012 (European Council Decision 2010/718/EU); a third country.", verified: false },
  GL: { note: "Greenland: overseas country or territory, not part of the EU; a third country.", verified: false },
  NC: { note: "New Caledonia: overseas country or territory, not part of the EU; a third country.", verified: false },
  PF: { note: "French Polynesia: overseas country or territory, not part of the EU; a third country.", verified: false },
  AW: { note: "Aruba: overseas country or territory, not part of the EU; a third country.", verified: false },
  CW: { note: "Curaçao: overseas country or territory, not part of the EU; a third country.", verified: false },
  FO: { note: "Faroe Islands: not part of the EU; adequacy decision 2010/146/EU.", verified: true },
  GI: { eeaFrom: "1973-01-01", eeaTo: "2020-12-31", note: "Gibraltar: within the EU with the United Kingdom until the end of the transition period (31.12.2020); now a third country.", verified: false },
};

// ICU's names where a register reads better with another form.
const NAME_OVERRIDES = {
  HK: { de: "Hongkong", en: "Hong Kong" },
  MO: { de: "Macau", en: "Macao" },
  CD: { de: "Demokratische Republik Kongo", en: "Democratic Republic of the Congo" },
  CG: { de: "Republik Kongo", en: "Republic of the Congo" },
};

const de = new Intl.DisplayNames(["de"], { type: "region" });
const en = new Intl.DisplayNames(["en"], { type: "region" });

if (CODES.length !== 249 || new Set(CODES).size !== 249) throw new Error(`expected 249 unique codes, got ${CODES.length}`);

const countries = CODES.map((code) => {
  const special = SPECIAL[code] ?? {};
  const nameDe = NAME_OVERRIDES[code]?.de ?? de.of(code);
  // CLDR writes "Bosnia & Herzegovina"; a register prints "and".
  const nameEn = NAME_OVERRIDES[code]?.en ?? en.of(code)?.replace(/ & /g, " and ");
  if (!nameDe || !nameEn || nameDe === code || nameEn === code) throw new Error(`no name for ${code}`);
  const row = {
    code,
    nameDe,
    nameEn,
    eeaFrom: special.eeaFrom ?? EEA_FROM[code] ?? null,
    eeaTo: special.eeaTo ?? null,
    isTerritoryOf: special.isTerritoryOf ?? null,
  };
  if (special.note) Object.assign(row, { note: special.note, verified: special.verified });
  return row;
});

const out = {
  description:
    "ISO 3166-1 alpha-2 countries with German and English names and dated EU/EEA membership (eeaFrom = EU accession, or the EEA Agreement for IS, LI, NO; eeaTo = last day the GDPR applied). isTerritoryOf marks EU territories with their own ISO code. Generated by scripts/build-countries.mjs.",
  sources: [
    { title: "ISO 3166-1 country codes", url: "https://www.iso.org/iso-3166-country-codes.html" },
    { title: "EU countries (accession dates)", url: "https://european-union.europa.eu/principles-countries-history/eu-countries_en" },
    { title: "EEA Agreement (EFTA)", url: "https://www.efta.int/eea" },
    { title: "Outermost regions and OCTs (TFEU Art. 349, 355)", url: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12016E355" },
  ],
  countries,
};

const target = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "prisma", "reference", "countries.json");
writeFileSync(target, JSON.stringify(out, null, 2) + "\n");
console.log(`wrote ${countries.length} countries to ${path.relative(process.cwd(), target)}`);
