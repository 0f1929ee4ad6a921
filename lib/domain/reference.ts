// The dated legal reference data as a pure, read-only snapshot (legal-reference §8), and the "as of"
// lookups the rules use: EEA membership, adequacy decisions, transfer instruments, legal sources.
//
// Dates are UTC calendar days ("YYYY-MM-DD"). Every range is inclusive on both ends: `validTo`,
// `eeaTo` and `newContractsUntil` name the last day that still counts (prisma/reference/*.json).
// No date is a constant here; everything comes from the snapshot the caller passes in.
//
// Build a snapshot with `referenceSnapshotFromJson` from
// - the raw files (`{ version: versionJson, countries: countriesJson, … }`, each still wrapped),
// - `referenceData()` of lib/reference-data/load.ts (unwrapped arrays, version string), or
// - rows read from the database (Date objects instead of day strings).

export type Day = string; // "YYYY-MM-DD", a UTC calendar day

export type AdequacyScope = "FULL" | "DPF_CERTIFIED_ONLY" | "COMMERCIAL_PIPEDA" | "PRIVATE_SECTOR" | "PARTIAL";
export const ADEQUACY_SCOPES: readonly AdequacyScope[] = ["FULL", "DPF_CERTIFIED_ONLY", "COMMERCIAL_PIPEDA", "PRIVATE_SECTOR", "PARTIAL"];

export type LegalSourceKind = "REGULATION" | "DECISION" | "JUDGMENT" | "GUIDELINE" | "LIST";

export type CountryRef = {
  code: string;
  nameDe: string;
  nameEn: string;
  eeaFrom: Day | null;
  eeaTo: Day | null;
  isTerritoryOf: string | null;
};

export type LegalSourceRef = {
  kind: LegalSourceKind;
  identifier: string;
  title: string;
  adoptedOn: Day | null;
  url: string | null;
};

export type AdequacyRef = {
  countryCode: string | null;
  organisationName: string | null;
  /** LegalSource identifier of the decision, e.g. "2023/1795". */
  source: string;
  scope: AdequacyScope;
  scopeText: string | null;
  validFrom: Day;
  /** Entry into force where it differs from adoption, else validFrom; the rules evaluate against this. */
  effectiveFrom: Day;
  validTo: Day | null;
  reviewDue: Day | null;
  status: string;
  verified: boolean;
};

export type InstrumentRef = {
  code: string;
  validFrom: Day | null;
  newContractsUntil: Day | null;
  validTo: Day | null;
  successorCode: string | null;
  source: string;
};

export type DpiaListItemRef = {
  itemNo: string;
  code: string;
  textDe: string;
  textEn: string;
  hard: boolean;
  verified: boolean;
};

export type DpiaListSnapshot = {
  code: string;
  version: string;
  validFrom: Day;
  validTo: Day | null;
  title: string;
  source: string;
  items: readonly DpiaListItemRef[];
};

export type ReferenceSnapshot = {
  version: string;
  countries: ReadonlyMap<string, CountryRef>;
  legalSources: ReadonlyMap<string, LegalSourceRef>;
  adequacyDecisions: readonly AdequacyRef[];
  instruments: ReadonlyMap<string, InstrumentRef>;
  dpiaLists: readonly DpiaListSnapshot[];
  /** Indexes for the lookups below (built once; evaluation of many transfers stays linear). */
  adequacyByCountry: ReadonlyMap<string, readonly AdequacyRef[]>;
  adequacyByOrganisation: ReadonlyMap<string, readonly AdequacyRef[]>;
};

// ───────────────────────────── Days ─────────────────────────────

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A Date or a day / ISO date-time string as a UTC calendar day; throws on anything else. */
export function toDay(value: Date | string): Day {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error("reference: invalid date");
    return value.toISOString().slice(0, 10);
  }
  const m = DAY.exec(value);
  if (m) {
    const d = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw new Error(`reference: invalid day "${value}"`);
    return value;
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`reference: invalid date "${value}"`);
  return d.toISOString().slice(0, 10);
}

/** Like toDay, but a well-formed day string is taken as is (the lookups run per transfer). */
function asDay(value: Date | Day): Day {
  return typeof value === "string" && DAY.test(value) ? value : toDay(value);
}

export function addDays(day: Day, days: number): Day {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Inclusive range test on days; a null bound is open. */
export function isWithin(day: Day, from: Day | null, to: Day | null): boolean {
  return (from === null || from <= day) && (to === null || day <= to);
}

/** ISO 3166-1 alpha-2, upper case; the EU's own codes EL (Greece) and UK map to GR and GB. */
export function normalizeCountry(code: string): string {
  const c = code.trim().toUpperCase();
  if (c === "EL") return "GR";
  if (c === "UK") return "GB";
  return c;
}

// ───────────────────────────── Builder ─────────────────────────────

type DayInput = string | Date | null | undefined;

type CountryInput = { code: string; nameDe?: string | null; nameEn?: string | null; eeaFrom?: DayInput; eeaTo?: DayInput; isTerritoryOf?: string | null };
type LegalSourceInput = { kind: string; identifier: string; title?: string | null; adoptedOn?: DayInput; url?: string | null };
type AdequacyInput = {
  countryCode: string | null;
  organisationName: string | null;
  source: string;
  scope: string;
  scopeText?: string | null;
  validFrom: string | Date;
  entryIntoForce?: DayInput;
  validTo?: DayInput;
  reviewDue?: DayInput;
  status?: string | null;
  verified?: boolean | null;
};
type InstrumentInput = { code: string; validFrom?: DayInput; newContractsUntil?: DayInput; validTo?: DayInput; successorCode?: string | null; source: string };
type DpiaItemInput = { itemNo: string; code: string; textDe: string; textEn: string; hard: boolean; verified?: boolean | null };
type DpiaListInput = { code: string; version: string; validFrom: string | Date; validTo?: DayInput; title?: string | null; source: string; items: readonly DpiaItemInput[] };

/** Either the unwrapped array or the file's wrapper object. */
export type ReferenceJson = {
  version: string | { version: string };
  countries: readonly CountryInput[] | { countries: readonly CountryInput[] };
  legalSources?: readonly LegalSourceInput[] | { sources: readonly LegalSourceInput[] };
  adequacyDecisions: readonly AdequacyInput[] | { decisions: readonly AdequacyInput[] };
  transferInstruments: readonly InstrumentInput[] | { instruments: readonly InstrumentInput[] };
  dpiaLists?: readonly DpiaListInput[] | { lists: readonly DpiaListInput[] };
};

function unwrap<T, K extends string>(value: readonly T[] | { [k in K]: readonly T[] } | undefined, key: K): readonly T[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value as readonly T[];
  return (value as { [k in K]: readonly T[] })[key];
}

const dayOrNull = (v: DayInput): Day | null => (v === null || v === undefined || v === "" ? null : toDay(v));

const LEGAL_SOURCE_KINDS: readonly LegalSourceKind[] = ["REGULATION", "DECISION", "JUDGMENT", "GUIDELINE", "LIST"];

function asScope(scope: string): AdequacyScope {
  const s = ADEQUACY_SCOPES.find((x) => x === scope);
  if (!s) throw new Error(`reference: unknown adequacy scope "${scope}"`);
  return s;
}

function asSourceKind(kind: string): LegalSourceKind {
  const k = LEGAL_SOURCE_KINDS.find((x) => x === kind);
  if (!k) throw new Error(`reference: unknown legal source kind "${kind}"`);
  return k;
}

function pushInto<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function referenceSnapshotFromJson(json: ReferenceJson): ReferenceSnapshot {
  const version = typeof json.version === "string" ? json.version : json.version.version;

  const countries = new Map<string, CountryRef>();
  for (const c of unwrap(json.countries, "countries")) {
    const code = normalizeCountry(c.code);
    countries.set(code, {
      code,
      nameDe: c.nameDe ?? code,
      nameEn: c.nameEn ?? code,
      eeaFrom: dayOrNull(c.eeaFrom),
      eeaTo: dayOrNull(c.eeaTo),
      isTerritoryOf: c.isTerritoryOf ? normalizeCountry(c.isTerritoryOf) : null,
    });
  }

  const legalSources = new Map<string, LegalSourceRef>();
  for (const s of unwrap(json.legalSources, "sources")) {
    legalSources.set(s.identifier, {
      kind: asSourceKind(s.kind),
      identifier: s.identifier,
      title: s.title ?? s.identifier,
      adoptedOn: dayOrNull(s.adoptedOn),
      url: s.url ?? null,
    });
  }

  const adequacyDecisions: AdequacyRef[] = [];
  const adequacyByCountry = new Map<string, AdequacyRef[]>();
  const adequacyByOrganisation = new Map<string, AdequacyRef[]>();
  for (const a of unwrap(json.adequacyDecisions, "decisions")) {
    if (!a.countryCode === !a.organisationName) throw new Error("reference: an adequacy decision names a country or an organisation");
    const validFrom = toDay(a.validFrom);
    const row: AdequacyRef = {
      countryCode: a.countryCode ? normalizeCountry(a.countryCode) : null,
      organisationName: a.organisationName,
      source: a.source,
      scope: asScope(a.scope),
      scopeText: a.scopeText ?? null,
      validFrom,
      effectiveFrom: dayOrNull(a.entryIntoForce) ?? validFrom,
      validTo: dayOrNull(a.validTo),
      reviewDue: dayOrNull(a.reviewDue),
      status: a.status ?? "IN_FORCE",
      verified: a.verified ?? true,
    };
    adequacyDecisions.push(row);
    if (row.countryCode) pushInto(adequacyByCountry, row.countryCode, row);
    if (row.organisationName) pushInto(adequacyByOrganisation, organisationKey(row.organisationName), row);
  }

  const instruments = new Map<string, InstrumentRef>();
  for (const i of unwrap(json.transferInstruments, "instruments")) {
    instruments.set(i.code, {
      code: i.code,
      validFrom: dayOrNull(i.validFrom),
      newContractsUntil: dayOrNull(i.newContractsUntil),
      validTo: dayOrNull(i.validTo),
      successorCode: i.successorCode ?? null,
      source: i.source,
    });
  }

  const dpiaLists: DpiaListSnapshot[] = unwrap(json.dpiaLists, "lists").map((l) => ({
    code: l.code,
    version: l.version,
    validFrom: toDay(l.validFrom),
    validTo: dayOrNull(l.validTo),
    title: l.title ?? l.code,
    source: l.source,
    items: l.items.map((i) => ({ itemNo: i.itemNo, code: i.code, textDe: i.textDe, textEn: i.textEn, hard: i.hard, verified: i.verified ?? true })),
  }));

  return { version, countries, legalSources, adequacyDecisions, instruments, dpiaLists, adequacyByCountry, adequacyByOrganisation };
}

// ───────────────────────────── Lookups ─────────────────────────────

const organisationKey = (name: string): string => name.trim().replace(/\s+/g, " ").toLowerCase();

export function countryRef(ref: ReferenceSnapshot, code: string): CountryRef | null {
  return ref.countries.get(normalizeCountry(code)) ?? null;
}

/** EU or EEA member (or an EU territory with its own code) on that day. Unknown codes are not EEA. */
export function isEea(ref: ReferenceSnapshot, country: string, asOf: Date | Day): boolean {
  const c = countryRef(ref, country);
  if (!c || c.eeaFrom === null) return false;
  return isWithin(asDay(asOf), c.eeaFrom, c.eeaTo);
}

export type AdequacyTarget = { country: string } | { organisation: string };

function candidatesFor(ref: ReferenceSnapshot, target: AdequacyTarget): readonly AdequacyRef[] {
  return "country" in target
    ? (ref.adequacyByCountry.get(normalizeCountry(target.country)) ?? [])
    : (ref.adequacyByOrganisation.get(organisationKey(target.organisation)) ?? []);
}

const validOn = (a: AdequacyRef, day: Day): boolean => isWithin(day, a.effectiveFrom, a.validTo);

/**
 * The adequacy decision in force for the country or international organisation on that day; where
 * versions overlap (e.g. the UK extension and the renewed decision in December 2025) the newest.
 */
export function adequacyFor(ref: ReferenceSnapshot, target: AdequacyTarget, asOf: Date | Day): AdequacyRef | null {
  const day = asDay(asOf);
  let best: AdequacyRef | null = null;
  for (const a of candidatesFor(ref, target)) {
    if (!validOn(a, day)) continue;
    if (!best || a.effectiveFrom > best.effectiveFrom) best = a;
  }
  return best;
}

/**
 * The last day of uninterrupted adequacy coverage starting on `asOf`, following successive versions
 * (UK: 2021/1772 → extension → renewal). `null` = open-ended; `undefined` = no coverage on `asOf`.
 */
export function adequacyCoverageEnd(ref: ReferenceSnapshot, target: AdequacyTarget, asOf: Date | Day): Day | null | undefined {
  const rows = candidatesFor(ref, target);
  let cursor = asDay(asOf);
  let end: Day | undefined;
  for (let i = 0; i <= rows.length; i++) {
    const valid = rows.filter((a) => validOn(a, cursor));
    if (valid.length === 0) return end;
    if (valid.some((a) => a.validTo === null)) return null;
    const furthest = valid.reduce<Day>((max, a) => (a.validTo !== null && a.validTo > max ? a.validTo : max), cursor);
    end = furthest;
    cursor = addDays(furthest, 1);
  }
  return end;
}

/** Every version for the country or organisation, whatever its dates. */
export function adequacyHistory(ref: ReferenceSnapshot, target: AdequacyTarget): readonly AdequacyRef[] {
  return candidatesFor(ref, target);
}

export function instrument(ref: ReferenceSnapshot, code: string): InstrumentRef | null {
  return ref.instruments.get(code) ?? null;
}

export function instrumentValidOn(inst: InstrumentRef, asOf: Date | Day): boolean {
  return isWithin(asDay(asOf), inst.validFrom, inst.validTo);
}

export function legalSource(ref: ReferenceSnapshot, identifier: string): LegalSourceRef | null {
  return ref.legalSources.get(identifier) ?? null;
}
