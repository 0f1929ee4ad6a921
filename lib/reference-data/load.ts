// Loads the dated legal reference data and the built-in vocabularies from prisma/reference/*.json
// (docs/decisions/0009-reference-data-and-demo-data.md). Idempotent: rows are matched by their natural
// keys, created when missing and updated when different; nothing is deleted (rules evaluate "as of" a
// date, so old rows stay). Built-in vocabulary terms that left the JSON are archived, not deleted.
//
// One transaction per load; inside it only `tx.*` is awaited (C31). The content hash is computed
// before the transaction. A version already loaded with the same hash is a no-op without any write.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Db, Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { canonicalJson } from "@/lib/domain/audit-hash";
import type { Prisma } from "@/prisma/generated/sqlite/client";
import versionJson from "@/prisma/reference/version.json" with { type: "json" };
import countriesJson from "@/prisma/reference/countries.json" with { type: "json" };
import legalSourcesJson from "@/prisma/reference/legal-sources.json" with { type: "json" };
import adequacyJson from "@/prisma/reference/adequacy-decisions.json" with { type: "json" };
import instrumentsJson from "@/prisma/reference/transfer-instruments.json" with { type: "json" };
import dpiaListsJson from "@/prisma/reference/dpia-lists.json" with { type: "json" };
import vocabulariesJson from "@/prisma/reference/vocabularies.json" with { type: "json" };

// ───────────────────────────── File schemas ─────────────────────────────

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const optionalDay = day.nullable().optional();
const countryCode = z.string().regex(/^[A-Z]{2}$/);

const versionSchema = z.object({ version: z.string().regex(/^\d+(\.\d+)*$/), releasedAt: day, note: z.string().optional() });

const countriesSchema = z.object({
  countries: z.array(
    z.object({
      code: countryCode,
      nameDe: z.string().min(1),
      nameEn: z.string().min(1),
      eeaFrom: optionalDay,
      eeaTo: optionalDay,
      isTerritoryOf: countryCode.nullable().optional(),
    }),
  ),
});

const legalSourcesSchema = z.object({
  sources: z.array(
    z.object({
      kind: z.enum(["REGULATION", "DECISION", "JUDGMENT", "GUIDELINE", "LIST"]),
      identifier: z.string().min(1),
      title: z.string().min(1),
      adoptedOn: optionalDay,
      publishedOn: optionalDay,
      url: z.url().nullable().optional(),
    }),
  ),
});

const adequacySchema = z.object({
  decisions: z.array(
    z.object({
      countryCode: countryCode.nullable(),
      organisationName: z.string().min(1).nullable(),
      source: z.string().min(1),
      scope: z.enum(["FULL", "DPF_CERTIFIED_ONLY", "COMMERCIAL_PIPEDA", "PRIVATE_SECTOR", "PARTIAL"]),
      scopeText: z.string().nullable().optional(),
      validFrom: day,
      entryIntoForce: optionalDay,
      validTo: optionalDay,
      reviewDue: optionalDay,
      status: z.string().min(1),
      checkedAt: optionalDay,
      note: z.string().nullable().optional(),
      verified: z.boolean(),
    }),
  ),
});

const instrumentsSchema = z.object({
  instruments: z.array(
    z.object({
      code: z.string().regex(/^[A-Z0-9_]+$/),
      validFrom: optionalDay,
      newContractsUntil: optionalDay,
      validTo: optionalDay,
      successorCode: z.string().nullable().optional(),
      source: z.string().min(1),
    }),
  ),
});

const dpiaListsSchema = z.object({
  lists: z.array(
    z.object({
      code: z.string().regex(/^[A-Z0-9_]+$/),
      version: z.string().min(1),
      validFrom: day,
      validTo: optionalDay,
      title: z.string().min(1),
      source: z.string().min(1),
      items: z.array(
        z.object({
          itemNo: z.string().min(1),
          code: z.string().regex(/^[A-Z0-9_]+$/),
          textDe: z.string().min(1),
          textEn: z.string().min(1),
          hard: z.boolean(),
          verified: z.boolean(),
        }),
      ),
    }),
  ),
});

const VOCABULARY_KINDS = ["LEGAL_BASIS", "DATA_SUBJECT", "DATA_CATEGORY", "RECIPIENT_CATEGORY", "RETENTION_START", "DATA_SOURCE"] as const;
export type VocabularyKindCode = (typeof VOCABULARY_KINDS)[number];

const termSchema = z.object({
  code: z.string().regex(/^[A-Z0-9_]+$/),
  labelDe: z.string().min(1),
  labelEn: z.string().min(1),
  group: z.string().nullable().optional(),
  citation: z.string().nullable().optional(),
  isSpecialCategory: z.boolean().optional(),
  sortOrder: z.number().int(),
});
const terms = z.array(termSchema);
const vocabulariesSchema = z.object({
  terms: z.object({
    LEGAL_BASIS: terms,
    DATA_SUBJECT: terms,
    DATA_CATEGORY: terms,
    RECIPIENT_CATEGORY: terms,
    RETENTION_START: terms,
    DATA_SOURCE: terms,
  }),
});

// ───────────────────────────── Parsed reference set ─────────────────────────────

const RAW = {
  version: versionJson,
  countries: countriesJson,
  legalSources: legalSourcesJson,
  adequacyDecisions: adequacyJson,
  transferInstruments: instrumentsJson,
  dpiaLists: dpiaListsJson,
  vocabularies: vocabulariesJson,
} as const;

export type ReferenceData = {
  version: string;
  releasedAt: Date;
  note: string | null;
  contentHash: string;
  countries: z.infer<typeof countriesSchema>["countries"];
  legalSources: z.infer<typeof legalSourcesSchema>["sources"];
  adequacyDecisions: z.infer<typeof adequacySchema>["decisions"];
  transferInstruments: z.infer<typeof instrumentsSchema>["instruments"];
  dpiaLists: z.infer<typeof dpiaListsSchema>["lists"];
  vocabularies: { kind: VocabularyKindCode; terms: z.infer<typeof termSchema>[] }[];
};

const toDate = (d: string): Date => new Date(`${d}T00:00:00.000Z`);
const toDateOrNull = (d: string | null | undefined): Date | null => (d ? toDate(d) : null);

function assertUnique(label: string, keys: string[]): void {
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) throw new Error(`reference data: duplicate ${label} "${k}"`);
    seen.add(k);
  }
}

let parsed: ReferenceData | undefined;

/** The bundled reference set, validated, with the SHA-256 of the canonical JSON of all files. */
export function referenceData(): ReferenceData {
  if (parsed) return parsed;
  const version = versionSchema.parse(RAW.version);
  const countries = countriesSchema.parse(RAW.countries).countries;
  const legalSources = legalSourcesSchema.parse(RAW.legalSources).sources;
  const adequacyDecisions = adequacySchema.parse(RAW.adequacyDecisions).decisions;
  const transferInstruments = instrumentsSchema.parse(RAW.transferInstruments).instruments;
  const dpiaLists = dpiaListsSchema.parse(RAW.dpiaLists).lists;
  const vocabularyTerms = vocabulariesSchema.parse(RAW.vocabularies).terms;

  assertUnique("country", countries.map((c) => c.code));
  assertUnique("legal source", legalSources.map((s) => s.identifier));
  assertUnique("instrument", transferInstruments.map((i) => i.code));
  assertUnique("DPIA list", dpiaLists.map((l) => `${l.code}@${l.version}`));
  for (const l of dpiaLists) assertUnique(`item of ${l.code}`, l.items.map((i) => i.code));
  assertUnique("adequacy decision", adequacyDecisions.map(adequacyKeyOf));
  const vocabularies = VOCABULARY_KINDS.map((kind) => ({ kind, terms: vocabularyTerms[kind] }));
  for (const v of vocabularies) assertUnique(`${v.kind} term`, v.terms.map((t) => t.code));

  const codes = new Set(countries.map((c) => c.code));
  const identifiers = new Set(legalSources.map((s) => s.identifier));
  for (const a of adequacyDecisions) {
    if (!identifiers.has(a.source)) throw new Error(`reference data: adequacy decision cites unknown source ${a.source}`);
    if (a.countryCode && !codes.has(a.countryCode)) throw new Error(`reference data: unknown country ${a.countryCode}`);
    if (!a.countryCode === !a.organisationName) throw new Error("reference data: an adequacy decision names a country or an organisation");
  }
  for (const i of transferInstruments) if (!identifiers.has(i.source)) throw new Error(`reference data: instrument ${i.code} cites unknown source ${i.source}`);
  for (const l of dpiaLists) if (!identifiers.has(l.source)) throw new Error(`reference data: DPIA list ${l.code} cites unknown source ${l.source}`);
  for (const c of countries) if (c.isTerritoryOf && !codes.has(c.isTerritoryOf)) throw new Error(`reference data: unknown parent ${c.isTerritoryOf}`);

  const contentHash = createHash("sha256").update(canonicalJson(RAW), "utf8").digest("hex");
  parsed = {
    version: version.version,
    releasedAt: toDate(version.releasedAt),
    note: version.note ?? null,
    contentHash,
    countries,
    legalSources,
    adequacyDecisions,
    transferInstruments,
    dpiaLists,
    vocabularies,
  };
  return parsed;
}

function adequacyKeyOf(a: { countryCode: string | null; organisationName: string | null; source: string; validFrom: string }): string {
  return `${a.countryCode ?? ""}|${a.organisationName ?? ""}|${a.source}|${a.validFrom}`;
}

/** Numeric comparison of dotted versions ("2026.11.1" < "2026.12.0"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

// ───────────────────────────── Loader ─────────────────────────────

export type LoadResult = { version: string; changed: boolean };

/**
 * Loads the bundled reference set into the database unless this version is already loaded.
 * - same version, same hash: no writes, `changed: false`;
 * - same version, different hash: throws (the JSON changed without a new version in version.json);
 * - an older version than the newest loaded one (e.g. a rolled-back deployment): no writes;
 * - otherwise upserts every row in one transaction, records a ReferenceDataVersion and an
 *   instance-chain audit event, `changed: true`.
 * `changedBy` (a user id or an actor name such as "cli:root") is stored on the version row.
 */
export async function loadReferenceData(db: Db, opts: { changedBy?: string } = {}): Promise<LoadResult> {
  const data = referenceData();
  const versions = await db.referenceDataVersion.findMany({ select: { version: true, contentHash: true } });
  const same = versions.find((v) => v.version === data.version);
  if (same) {
    if (same.contentHash === data.contentHash) return { version: data.version, changed: false };
    throw new Error(
      `reference data ${data.version} is already loaded with other content; give the changed files a new version in prisma/reference/version.json`,
    );
  }
  const newest = versions.map((v) => v.version).sort(compareVersions).at(-1);
  if (newest && compareVersions(newest, data.version) > 0) return { version: newest, changed: false };

  const actor = { id: null, name: opts.changedBy ?? "reference-data" };
  const now = new Date();
  try {
    await db.$transaction(async (tx) => {
      await upsertAll(tx, data, now);
      const row = await tx.referenceDataVersion.create({
        data: { version: data.version, releasedAt: data.releasedAt, contentHash: data.contentHash, changedById: opts.changedBy ?? null, note: data.note },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "reference-data.load",
        entityType: "ReferenceDataVersion",
        entityId: row.id,
        organisationId: null,
        changes: { version: data.version, contentHash: data.contentHash },
        at: now,
      });
    });
  } catch (e) {
    // Two processes starting at once: the loser's insert of the same version fails; the winner's load counts.
    const loaded = await db.referenceDataVersion.findUnique({ where: { version: data.version }, select: { contentHash: true } });
    if (loaded?.contentHash === data.contentHash) return { version: data.version, changed: false };
    throw e;
  }
  return { version: data.version, changed: true };
}

type Comparable = string | number | boolean | Date | null;

/** The subset of `desired` whose values differ from `current` (Dates by instant). */
function changedFields<T extends Record<string, Comparable>>(current: Record<string, unknown>, desired: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(desired) as (keyof T & string)[]) {
    const want = desired[key];
    const have = current[key];
    const equal =
      want instanceof Date || have instanceof Date
        ? want instanceof Date && have instanceof Date && want.getTime() === have.getTime()
        : (have ?? null) === want;
    if (!equal) out[key] = want;
  }
  return out;
}

const isEmpty = (o: object) => Object.keys(o).length === 0;

async function upsertAll(tx: Tx, data: ReferenceData, now: Date): Promise<void> {
  // 1. Legal sources (everything else cites them).
  const sourceRows = await tx.legalSource.findMany();
  const sourceByIdentifier = new Map(sourceRows.map((s) => [s.identifier, s]));
  const sourceIdByIdentifier = new Map(sourceRows.map((s) => [s.identifier, s.id]));
  const newSources: Prisma.LegalSourceCreateManyInput[] = [];
  for (const s of data.legalSources) {
    const desired = {
      kind: s.kind,
      identifier: s.identifier,
      title: s.title,
      adoptedOn: toDateOrNull(s.adoptedOn),
      publishedOn: toDateOrNull(s.publishedOn),
      url: s.url ?? null,
    };
    const current = sourceByIdentifier.get(s.identifier);
    if (!current) newSources.push(desired);
    else {
      const changes = changedFields(current, desired);
      if (!isEmpty(changes)) await tx.legalSource.update({ where: { id: current.id }, data: changes, select: { id: true } });
    }
  }
  if (newSources.length > 0) {
    const created = await tx.legalSource.createManyAndReturn({ data: newSources, select: { id: true, identifier: true } });
    for (const c of created) sourceIdByIdentifier.set(c.identifier, c.id);
  }
  const sourceId = (identifier: string): string => {
    const id = sourceIdByIdentifier.get(identifier);
    if (!id) throw new Error(`reference data: unknown source ${identifier}`);
    return id;
  };

  // 2. Countries.
  const countryRows = await tx.country.findMany();
  const countryByCode = new Map(countryRows.map((c) => [c.code, c]));
  const newCountries: Prisma.CountryCreateManyInput[] = [];
  for (const c of data.countries) {
    const desired = {
      code: c.code,
      nameDe: c.nameDe,
      nameEn: c.nameEn,
      eeaFrom: toDateOrNull(c.eeaFrom),
      eeaTo: toDateOrNull(c.eeaTo),
      isTerritoryOf: c.isTerritoryOf ?? null,
    };
    const current = countryByCode.get(c.code);
    if (!current) newCountries.push(desired);
    else {
      const changes = changedFields(current, desired);
      if (!isEmpty(changes)) await tx.country.update({ where: { code: c.code }, data: changes, select: { code: true } });
    }
  }
  if (newCountries.length > 0) await tx.country.createMany({ data: newCountries });

  // 3. Adequacy decisions, keyed by (country | organisation, source, validFrom).
  const adequacyRows = await tx.adequacyDecision.findMany();
  const identifierById = new Map([...sourceIdByIdentifier].map(([identifier, id]) => [id, identifier]));
  const adequacyByKey = new Map(
    adequacyRows.map((a) => [
      adequacyKeyOf({
        countryCode: a.countryCode,
        organisationName: a.organisationName,
        source: identifierById.get(a.sourceId) ?? a.sourceId,
        validFrom: a.validFrom.toISOString().slice(0, 10),
      }),
      a,
    ]),
  );
  const newDecisions: Prisma.AdequacyDecisionCreateManyInput[] = [];
  for (const a of data.adequacyDecisions) {
    const desired = {
      countryCode: a.countryCode,
      organisationName: a.organisationName,
      sourceId: sourceId(a.source),
      scope: a.scope,
      scopeText: a.scopeText ?? null,
      validFrom: toDate(a.validFrom),
      entryIntoForce: toDateOrNull(a.entryIntoForce),
      validTo: toDateOrNull(a.validTo),
      reviewDue: toDateOrNull(a.reviewDue),
      status: a.status,
      checkedAt: toDateOrNull(a.checkedAt),
      note: a.note ?? null,
      verified: a.verified,
    };
    const current = adequacyByKey.get(adequacyKeyOf(a));
    if (!current) newDecisions.push(desired);
    else {
      const changes = changedFields(current, desired);
      if (!isEmpty(changes)) await tx.adequacyDecision.update({ where: { id: current.id }, data: changes, select: { id: true } });
    }
  }
  if (newDecisions.length > 0) await tx.adequacyDecision.createMany({ data: newDecisions });

  // 4. Transfer instruments, keyed by code.
  const instrumentRows = await tx.transferInstrument.findMany();
  const instrumentByCode = new Map(instrumentRows.map((i) => [i.code, i]));
  const newInstruments: Prisma.TransferInstrumentCreateManyInput[] = [];
  for (const i of data.transferInstruments) {
    const desired = {
      code: i.code,
      validFrom: toDateOrNull(i.validFrom),
      newContractsUntil: toDateOrNull(i.newContractsUntil),
      validTo: toDateOrNull(i.validTo),
      successorCode: i.successorCode ?? null,
      sourceId: sourceId(i.source),
    };
    const current = instrumentByCode.get(i.code);
    if (!current) newInstruments.push(desired);
    else {
      const changes = changedFields(current, desired);
      if (!isEmpty(changes)) await tx.transferInstrument.update({ where: { id: current.id }, data: changes, select: { id: true } });
    }
  }
  if (newInstruments.length > 0) await tx.transferInstrument.createMany({ data: newInstruments });

  // 5. DPIA lists, keyed by (code, version); their items by (list, item code).
  const listRows = await tx.dpiaList.findMany({ include: { items: true } });
  const listByKey = new Map(listRows.map((l) => [`${l.code}@${l.version}`, l]));
  for (const l of data.dpiaLists) {
    const desired = { code: l.code, version: l.version, validFrom: toDate(l.validFrom), validTo: toDateOrNull(l.validTo), title: l.title, sourceId: sourceId(l.source) };
    const items = l.items.map((i) => ({ itemNo: i.itemNo, code: i.code, textDe: i.textDe, textEn: i.textEn, hard: i.hard, verified: i.verified }));
    const current = listByKey.get(`${l.code}@${l.version}`);
    if (!current) {
      await tx.dpiaList.create({ data: { ...desired, items: { createMany: { data: items } } }, select: { id: true } });
      continue;
    }
    const changes = changedFields(current, desired);
    if (!isEmpty(changes)) await tx.dpiaList.update({ where: { id: current.id }, data: changes, select: { id: true } });
    const itemByCode = new Map(current.items.map((i) => [i.code, i]));
    const newItems = [];
    for (const item of items) {
      const have = itemByCode.get(item.code);
      if (!have) newItems.push({ ...item, listId: current.id });
      else {
        const itemChanges = changedFields(have, item);
        if (!isEmpty(itemChanges)) await tx.dpiaListItem.update({ where: { id: have.id }, data: itemChanges, select: { id: true } });
      }
    }
    if (newItems.length > 0) await tx.dpiaListItem.createMany({ data: newItems });
  }

  // 6. Built-in vocabulary terms (organisationId null), keyed by (kind, code). Prisma's upsert cannot
  //    address a compound unique key with a null member, hence read-compare-write.
  const termRows = await tx.vocabularyTerm.findMany({ where: { organisationId: null } });
  const termByKey = new Map(termRows.map((t) => [`${t.kind}|${t.code}`, t]));
  const wanted = new Set<string>();
  const newTerms: Prisma.VocabularyTermCreateManyInput[] = [];
  for (const v of data.vocabularies) {
    for (const t of v.terms) {
      const key = `${v.kind}|${t.code}`;
      wanted.add(key);
      const desired = {
        kind: v.kind,
        code: t.code,
        labelDe: t.labelDe,
        labelEn: t.labelEn,
        group: t.group ?? null,
        citation: t.citation ?? null,
        isSpecialCategory: t.isSpecialCategory ?? false,
        sortOrder: t.sortOrder,
        archivedAt: null,
      };
      const current = termByKey.get(key);
      if (!current) newTerms.push({ ...desired, organisationId: null });
      else {
        const changes = changedFields(current, desired);
        if (!isEmpty(changes)) await tx.vocabularyTerm.update({ where: { id: current.id }, data: changes, select: { id: true } });
      }
    }
  }
  if (newTerms.length > 0) await tx.vocabularyTerm.createMany({ data: newTerms });
  const dropped = termRows.filter((t) => !wanted.has(`${t.kind}|${t.code}`) && t.archivedAt === null).map((t) => t.id);
  if (dropped.length > 0) await tx.vocabularyTerm.updateMany({ where: { id: { in: dropped } }, data: { archivedAt: now } });
}
