// The register search: full-text search over the maintained searchText column, facets with counts, sort and
// page, as parameterised SQL that runs unchanged on SQLite and PostgreSQL (quoted identifiers, enums compared
// as CAST(… AS TEXT), LIKE with an explicit ESCAPE). Takes the database handle so integration tests and the
// benchmark run it against their own databases; the page calls it through listActivities (queries.ts), which
// passes the signed-in user (`userId`: no membership, empty result). Why LIKE on searchText and not
// FTS5/tsvector, and the measured numbers: docs/decisions/0010-search.md (bench/search.ts).
//
// Facet counts are DISJUNCTIVE: the counts of one facet apply the search and every OTHER facet, not the facet
// itself, so a facet shows how many entries each of its values would give ("switch to US: 12").
import type { Db } from "@/lib/db";
import { auditStamp, derived, derivedCacheEnabled } from "@/lib/derived-cache";
import { FACET_KEYS, includesArchived, REVIEW_DUE_SOON_DAYS, type ActivityFilters, type FacetKey } from "@/lib/domain/activity-filters";
import { normalizeQuery } from "@/lib/domain/search-text";
import { Prisma } from "@/prisma/generated/sqlite/client";
import type { ActivityRole, ActivityStatus } from "@/prisma/generated/sqlite/enums";

export const ACTIVITY_PAGE_SIZE = 50;
/** Values shown per facet with many values (vendor, country, legal basis): the most frequent ones. */
export const FACET_VALUE_LIMIT = 12;

export type Label = { de: string; en: string };

export type FacetValue = { value: string; count: number; label: Label | null };
export type Facets = Record<FacetKey, FacetValue[]>;

export type ActivitySearchRow = {
  id: string;
  referenceNumber: string;
  name: string;
  /** Description and purposes (the screen shows the first one that matches the search). */
  texts: string[];
  departmentName: string | null;
  role: ActivityRole;
  status: ActivityStatus;
  isArchived: boolean;
  recipientCount: number;
  thirdCountryTransferCount: number;
  nextReviewAt: Date | null;
  isReviewOverdue: boolean;
  updatedAt: Date;
};

export type ActivitySearchPage = {
  rows: ActivitySearchRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
};

export type ActivitySearchResult = ActivitySearchPage & { facets: Facets };

export type SearchOptions = { asOf: Date; /** Only activities of an organisation this user is a member of. */ userId?: string; withFacets?: boolean };

const LIKE_ESCAPE = "!";
/** `%term%` with LIKE's wildcards escaped, so the term matches literally (C25). */
export const likeContains = (term: string) => `%${term.replace(/[!%_]/g, (c) => LIKE_ESCAPE + c)}%`;

const dueSoon = (asOf: Date) => new Date(asOf.getTime() + REVIEW_DUE_SOON_DAYS * 24 * 60 * 60 * 1000);

const transferExists = (country: string | null, mechanism: string | null) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "Recipient" r JOIN "Transfer" t ON t."recipientId" = r."id" WHERE r."activityId" = a."id" AND t."archivedAt" IS NULL${
    country ? Prisma.sql` AND t."destinationCountry" = ${country}` : Prisma.empty
  }${mechanism ? Prisma.sql` AND CAST(t."mechanism" AS TEXT) = ${mechanism}` : Prisma.empty})`;

const specialExists = Prisma.sql`EXISTS (SELECT 1 FROM "ActivityDataCategory" d WHERE d."activityId" = a."id" AND d."isSpecialCategory" = ${true})`;

/**
 * The WHERE conditions of a filter state. `except` leaves out facets (for disjunctive counts); a facet whose
 * count query joins the transfer table itself (country, mechanism) is left out here and applied on the join.
 */
function conditions(orgId: string, f: ActivityFilters, options: SearchOptions, except: FacetKey[] = []): Prisma.Sql[] {
  const applies = (key: FacetKey) => !except.includes(key) && f[key] !== null;
  const out: Prisma.Sql[] = [Prisma.sql`a."organisationId" = ${orgId}`];
  const archivedShown = except.includes("status") ? f.archived : includesArchived(f);
  if (!archivedShown) out.push(Prisma.sql`a."archivedAt" IS NULL AND CAST(a."status" AS TEXT) <> 'ARCHIVED'`);
  for (const term of normalizeQuery(f.q)) out.push(Prisma.sql`a."searchText" LIKE ${likeContains(term)} ESCAPE '!'`);
  if (applies("status") && f.status) out.push(Prisma.sql`CAST(a."status" AS TEXT) = ${f.status}`);
  if (applies("department") && f.department) out.push(Prisma.sql`a."departmentId" = ${f.department}`);
  if (applies("role") && f.role) out.push(Prisma.sql`CAST(a."role" AS TEXT) = ${f.role}`);
  if (applies("dpia") && f.dpia) out.push(Prisma.sql`CAST(a."dpiaDecision" AS TEXT) = ${f.dpia}`);
  if (applies("basis") && f.basis) {
    out.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Purpose" p JOIN "PurposeLegalBasis" l ON l."purposeId" = p."id" WHERE p."activityId" = a."id" AND l."basisCode" = ${f.basis})`,
    );
  }
  if (applies("special") && f.special) out.push(f.special === "yes" ? specialExists : Prisma.sql`NOT ${specialExists}`);
  if (applies("vendor") && f.vendor) out.push(Prisma.sql`EXISTS (SELECT 1 FROM "Recipient" r WHERE r."activityId" = a."id" AND r."vendorId" = ${f.vendor})`);
  const country = applies("country") ? f.country : null;
  const mechanism = applies("mechanism") ? f.mechanism : null;
  if (country || mechanism) out.push(transferExists(country, mechanism));
  if (applies("review") && f.review === "overdue") out.push(Prisma.sql`a."nextReviewAt" < ${options.asOf}`);
  if (applies("review") && f.review === "due30") out.push(Prisma.sql`a."nextReviewAt" >= ${options.asOf} AND a."nextReviewAt" < ${dueSoon(options.asOf)}`);
  return out;
}

const whereSql = (parts: Prisma.Sql[]) => Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}`;

function orderBySql(f: ActivityFilters): Prisma.Sql {
  const dir = f.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  switch (f.sort) {
    case "name":
      return Prisma.sql`ORDER BY LOWER(a."name") ${dir}, a."referenceNumber" ASC, a."id" ASC`;
    case "status":
      return Prisma.sql`ORDER BY CASE CAST(a."status" AS TEXT) WHEN 'DRAFT' THEN 0 WHEN 'IN_REVIEW' THEN 1 WHEN 'RELEASED' THEN 2 ELSE 3 END ${dir}, a."referenceNumber" ASC, a."id" ASC`;
    case "nextReview":
      // Entries without a review date last in both directions, on both databases.
      return Prisma.sql`ORDER BY CASE WHEN a."nextReviewAt" IS NULL THEN 1 ELSE 0 END ASC, a."nextReviewAt" ${dir}, a."referenceNumber" ASC, a."id" ASC`;
    case "updated":
      return Prisma.sql`ORDER BY a."updatedAt" ${dir}, a."id" ASC`;
    case "reference":
      return Prisma.sql`ORDER BY a."referenceNumber" ${dir}, a."id" ASC`;
  }
}

type CountRow = { v: string | null; n: number | bigint };
type FacetCountRow = CountRow & { f: string };

/** Facets that need their own count query: a selected facet (its counts ignore it); country and mechanism together. */
function ownQueryFacets(f: ActivityFilters): FacetKey[] {
  const own = FACET_KEYS.filter((key) => f[key] !== null);
  if (f.country !== null || f.mechanism !== null) own.push(...(["country", "mechanism"] as const).filter((k) => !own.includes(k)));
  return own;
}

/**
 * The counts of all facets that are not selected, in ONE query: for them the disjunctive counts equal the
 * counts within the current result set, so they share one materialised set of matching activities.
 * Relational facets join from that set (CROSS JOIN fixes SQLite's join order; on PostgreSQL it is a plain join).
 */
function sharedFacetsSql(keys: FacetKey[], orgId: string, f: ActivityFilters, options: SearchOptions): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`SELECT 'total' AS f, NULL AS v, COUNT(*) AS n FROM m`];
  for (const key of keys) {
    switch (key) {
      case "status":
      case "role":
      case "dpia":
        parts.push(
          key === "status"
            ? Prisma.sql`SELECT 'status' AS f, m.status AS v, COUNT(*) AS n FROM m GROUP BY 2`
            : key === "role"
              ? Prisma.sql`SELECT 'role' AS f, m.role AS v, COUNT(*) AS n FROM m GROUP BY 2`
              : Prisma.sql`SELECT 'dpia' AS f, m.dpia AS v, COUNT(*) AS n FROM m GROUP BY 2`,
        );
        break;
      case "department":
        parts.push(Prisma.sql`SELECT 'department' AS f, m.dep AS v, COUNT(*) AS n FROM m WHERE m.dep IS NOT NULL GROUP BY 2`);
        break;
      case "review":
        parts.push(
          Prisma.sql`SELECT 'review' AS f, CASE WHEN m.nra < ${options.asOf} THEN 'overdue' ELSE 'due30' END AS v, COUNT(*) AS n FROM m WHERE m.nra < ${dueSoon(options.asOf)} GROUP BY 2`,
        );
        break;
      case "special":
        parts.push(Prisma.sql`SELECT 'special' AS f, 'yes' AS v, COUNT(*) AS n FROM m WHERE EXISTS (SELECT 1 FROM "ActivityDataCategory" d WHERE d."activityId" = m.id AND d."isSpecialCategory" = ${true})`);
        break;
      case "basis":
        parts.push(
          Prisma.sql`SELECT 'basis' AS f, l."basisCode" AS v, COUNT(DISTINCT m.id) AS n FROM m CROSS JOIN "Purpose" p CROSS JOIN "PurposeLegalBasis" l WHERE p."activityId" = m.id AND l."purposeId" = p."id" GROUP BY 2`,
        );
        break;
      case "vendor":
        parts.push(Prisma.sql`SELECT 'vendor' AS f, r."vendorId" AS v, COUNT(DISTINCT m.id) AS n FROM m CROSS JOIN "Recipient" r WHERE r."activityId" = m.id AND r."vendorId" IS NOT NULL GROUP BY 2`);
        break;
      case "country":
        parts.push(Prisma.sql`SELECT 'country' AS f, tm.c AS v, COUNT(DISTINCT tm.id) AS n FROM tm WHERE tm.c IS NOT NULL GROUP BY 2`);
        break;
      case "mechanism":
        parts.push(Prisma.sql`SELECT 'mechanism' AS f, tm.k AS v, COUNT(DISTINCT tm.id) AS n FROM tm GROUP BY 2`);
        break;
    }
  }
  return Prisma.sql`WITH m AS MATERIALIZED (SELECT a."id" AS id, CAST(a."status" AS TEXT) AS status, CAST(a."role" AS TEXT) AS role, CAST(a."dpiaDecision" AS TEXT) AS dpia, a."departmentId" AS dep, a."nextReviewAt" AS nra FROM "ProcessingActivity" a ${whereSql(
    conditions(orgId, f, options),
  )})${
    // Country and mechanism share one pass over the transfers of the matching activities.
    keys.includes("country") || keys.includes("mechanism")
      ? Prisma.sql`, tm AS MATERIALIZED (SELECT m.id AS id, t."destinationCountry" AS c, CAST(t."mechanism" AS TEXT) AS k FROM m CROSS JOIN "Recipient" r CROSS JOIN "Transfer" t WHERE r."activityId" = m.id AND t."recipientId" = r."id" AND t."archivedAt" IS NULL)`
      : Prisma.empty
  } ${Prisma.join(parts, " UNION ALL ")}`;
}

/** Counts of all facets: one shared query for the unselected ones, one query per selected facet. */
async function countFacets(db: Db, orgId: string, f: ActivityFilters, options: SearchOptions): Promise<{ counted: Record<FacetKey, CountRow[]>; total: number | null }> {
  const counted = emptyFacets();
  const own = ownQueryFacets(f);
  const shared = FACET_KEYS.filter((key) => !own.includes(key));
  const [sharedRows, ...ownRows] = await Promise.all([
    shared.length ? db.$queryRaw<FacetCountRow[]>(sharedFacetsSql(shared, orgId, f, options)) : Promise.resolve([]),
    ...own.map((key) => db.$queryRaw<CountRow[]>(facetSql(key, orgId, f, options))),
  ]);
  let total: number | null = null;
  for (const row of sharedRows ?? []) {
    if (row.f === "total") total = Number(row.n);
    else if ((FACET_KEYS as readonly string[]).includes(row.f)) counted[row.f as FacetKey].push({ v: row.v, n: row.n });
  }
  if (shared.includes("special")) {
    const yes = Number(counted.special[0]?.n ?? 0);
    counted.special = [
      { v: "yes", n: yes },
      { v: "no", n: (total ?? 0) - yes },
    ].filter((r) => r.n > 0);
  }
  own.forEach((key, i) => (counted[key] = ownRows[i] ?? []));
  for (const key of FACET_KEYS) {
    counted[key].sort((x, y) => Number(y.n) - Number(x.n) || String(x.v).localeCompare(String(y.v)));
    if (counted[key].length > FACET_VALUE_LIMIT) counted[key] = counted[key].slice(0, FACET_VALUE_LIMIT);
  }
  return { counted, total };
}

/** The grouped count query of one facet (disjunctive: every other facet applies). */
function facetSql(key: FacetKey, orgId: string, f: ActivityFilters, options: SearchOptions): Prisma.Sql {
  const from = Prisma.sql`FROM "ProcessingActivity" a`;
  const limit = Prisma.sql`ORDER BY n DESC, v ASC LIMIT ${FACET_VALUE_LIMIT}`;
  switch (key) {
    case "status":
    case "role": {
      const column = key === "status" ? Prisma.sql`a."status"` : Prisma.sql`a."role"`;
      return Prisma.sql`SELECT CAST(${column} AS TEXT) AS v, COUNT(*) AS n ${from} ${whereSql(conditions(orgId, f, options, [key]))} GROUP BY CAST(${column} AS TEXT)`;
    }
    case "dpia":
      return Prisma.sql`SELECT CAST(a."dpiaDecision" AS TEXT) AS v, COUNT(*) AS n ${from} ${whereSql(conditions(orgId, f, options, [key]))} GROUP BY CAST(a."dpiaDecision" AS TEXT)`;
    case "department":
      return Prisma.sql`SELECT a."departmentId" AS v, COUNT(*) AS n ${from} ${whereSql([...conditions(orgId, f, options, [key]), Prisma.sql`a."departmentId" IS NOT NULL`])} GROUP BY a."departmentId" ${limit}`;
    case "special":
      return Prisma.sql`SELECT s.v AS v, COUNT(*) AS n FROM (SELECT CASE WHEN ${specialExists} THEN 'yes' ELSE 'no' END AS v ${from} ${whereSql(conditions(orgId, f, options, [key]))}) s GROUP BY s.v`;
    case "review": {
      const soon = dueSoon(options.asOf);
      const bucket = Prisma.sql`CASE WHEN a."nextReviewAt" < ${options.asOf} THEN 'overdue' ELSE 'due30' END`;
      return Prisma.sql`SELECT s.v AS v, COUNT(*) AS n FROM (SELECT ${bucket} AS v ${from} ${whereSql([...conditions(orgId, f, options, [key]), Prisma.sql`a."nextReviewAt" < ${soon}`])}) s GROUP BY s.v`;
    }
    case "basis":
      return Prisma.sql`SELECT l."basisCode" AS v, COUNT(DISTINCT a."id") AS n ${from} JOIN "Purpose" p ON p."activityId" = a."id" JOIN "PurposeLegalBasis" l ON l."purposeId" = p."id" ${whereSql(conditions(orgId, f, options, [key]))} GROUP BY l."basisCode" ${limit}`;
    case "vendor":
      return Prisma.sql`SELECT r."vendorId" AS v, COUNT(DISTINCT a."id") AS n ${from} JOIN "Recipient" r ON r."activityId" = a."id" ${whereSql([...conditions(orgId, f, options, [key]), Prisma.sql`r."vendorId" IS NOT NULL`])} GROUP BY r."vendorId" ${limit}`;
    case "country":
    case "mechanism": {
      // Country and mechanism refer to the same transfer: the other one is applied on the joined row.
      const other = key === "country" ? f.mechanism : f.country;
      const otherSql = other === null ? [] : [key === "country" ? Prisma.sql`CAST(t."mechanism" AS TEXT) = ${other}` : Prisma.sql`t."destinationCountry" = ${other}`];
      const column = key === "country" ? Prisma.sql`t."destinationCountry"` : Prisma.sql`CAST(t."mechanism" AS TEXT)`;
      return Prisma.sql`SELECT ${column} AS v, COUNT(DISTINCT a."id") AS n ${from} JOIN "Recipient" r ON r."activityId" = a."id" JOIN "Transfer" t ON t."recipientId" = r."id" ${whereSql([
        ...conditions(orgId, f, options, ["country", "mechanism"]),
        Prisma.sql`t."archivedAt" IS NULL`,
        Prisma.sql`${column} IS NOT NULL`,
        ...otherSql,
      ])} GROUP BY ${column} ${limit}`;
    }
  }
}

async function facetLabels(db: Db, orgId: string, f: ActivityFilters, facets: Record<FacetKey, CountRow[]>): Promise<(key: FacetKey, value: string) => Label | null> {
  const values = (key: FacetKey) => [...facets[key].map((r) => r.v), f[key]].filter((v): v is string => v !== null);
  const [departments, vendors, countries, bases] = await Promise.all([
    db.department.findMany({ where: { organisationId: orgId, id: { in: values("department") } }, select: { id: true, name: true } }),
    db.vendor.findMany({ where: { organisationId: orgId, id: { in: values("vendor") } }, select: { id: true, name: true } }),
    db.country.findMany({ where: { code: { in: values("country") } }, select: { code: true, nameDe: true, nameEn: true } }),
    db.vocabularyTerm.findMany({
      where: { kind: "LEGAL_BASIS", code: { in: values("basis") }, OR: [{ organisationId: null }, { organisationId: orgId }] },
      select: { code: true, labelDe: true, labelEn: true, organisationId: true },
      orderBy: { organisationId: "asc" },
    }),
  ]);
  const labels = new Map<string, Label>();
  for (const d of departments) labels.set(`department:${d.id}`, { de: d.name, en: d.name });
  for (const v of vendors) labels.set(`vendor:${v.id}`, { de: v.name, en: v.name });
  for (const c of countries) labels.set(`country:${c.code}`, { de: c.nameDe, en: c.nameEn });
  for (const b of bases) {
    const key = `basis:${b.code}`;
    if (!labels.has(key) || b.organisationId !== null) labels.set(key, { de: b.labelDe, en: b.labelEn });
  }
  return (key, value) => labels.get(`${key}:${value}`) ?? null;
}

/**
 * Third-country transfers of the activity `a` (correlated subquery): non-archived transfers to an international
 * organisation or to a country outside the EEA on `asOf` (dated reference data), mechanism not NOT_A_TRANSFER.
 * Same rule as thirdCountryTransferWhere (lib/activities/queries.ts).
 */
const thirdCountryCountSql = (orgId: string, asOf: Date) =>
  Prisma.sql`(SELECT COUNT(*) FROM "Recipient" r JOIN "Transfer" t ON t."recipientId" = r."id" LEFT JOIN "Country" c ON c."code" = t."destinationCountry" WHERE r."activityId" = a."id" AND t."organisationId" = ${orgId} AND t."archivedAt" IS NULL AND CAST(t."mechanism" AS TEXT) <> 'NOT_A_TRANSFER' AND (t."internationalOrganisation" IS NOT NULL OR (c."code" IS NOT NULL AND (c."eeaFrom" IS NULL OR c."eeaFrom" > ${asOf} OR c."eeaTo" < ${asOf}))))`;

type PageRow = {
  id: string;
  referenceNumber: string;
  name: string;
  description: string | null;
  role: ActivityRole;
  status: ActivityStatus;
  archivedAt: Date | string | null;
  nextReviewAt: Date | string | null;
  updatedAt: Date | string;
  departmentName: string | null;
  recipientCount: number | bigint;
  thirdCountryCount: number | bigint;
};

/** Raw DateTime values: Date on PostgreSQL, ISO text on SQLite. */
const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

const emptyResultFacets = (): Facets => Object.fromEntries(FACET_KEYS.map((key) => [key, [] as FacetValue[]])) as Facets;

const emptyFacets = (): Record<FacetKey, CountRow[]> =>
  Object.fromEntries(FACET_KEYS.map((key) => [key, [] as CountRow[]])) as Record<FacetKey, CountRow[]>;

const isMember = async (db: Db, orgId: string, userId: string | undefined) =>
  userId === undefined || (await db.membership.findFirst({ where: { organisationId: orgId, userId }, select: { id: true } })) !== null;

/**
 * The cache key of the figures that do not depend on page and sort: organisation, normalised search terms,
 * facets, archived toggle, and the UTC day of `asOf`. The day suffices because review dates are dates
 * (midnight UTC, lib/activities/schema.ts): "overdue" (< asOf) and "due within 30 days" select the same
 * entries at any time of one day; the same holds for the dated EEA membership of countries (third-country
 * transfer counts of the page rows). Register and reference data changes change the stamp (derived-cache.ts).
 */
function figuresKey(kind: FigureKind, orgId: string, f: ActivityFilters, asOf: Date): string {
  const order = kind === "page" ? [f.sort, f.dir, f.page] : [];
  return JSON.stringify([`activities:${kind}`, orgId, normalizeQuery(f.q), FACET_KEYS.map((key) => f[key]), f.archived, ...order, asOf.toISOString().slice(0, 10)]);
}

/** Cached figures: the total and the facet counts per filter state, the page per filter state, sort and page. */
type FigureKind = "total" | "facets" | "page";

async function cachedFigure<T>(db: Db, kind: FigureKind, orgId: string, f: ActivityFilters, options: SearchOptions, compute: () => Promise<T>): Promise<T> {
  if (!derivedCacheEnabled()) return compute();
  return derived(figuresKey(kind, orgId, f, options.asOf), await auditStamp(db, orgId), compute);
}

/** The number of entries matching a filter state (cached per audit stamp, see figuresKey). */
function countMatching(db: Db, orgId: string, f: ActivityFilters, options: SearchOptions): Promise<number> {
  return cachedFigure(db, "total", orgId, f, options, async () => {
    const rows = await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM "ProcessingActivity" a ${whereSql(conditions(orgId, f, options))}`;
    return Number(rows[0]?.n ?? 0);
  });
}

/**
 * The facet counts of a filter state, with labels (disjunctive, see the file header). Cached per audit stamp
 * (lib/derived-cache.ts): a write to the register or to reference data makes the cached counts unreachable.
 * `userId`: no membership, no counts.
 */
export async function searchActivityFacets(db: Db, orgId: string, f: ActivityFilters, options: SearchOptions): Promise<Facets> {
  if (!(await isMember(db, orgId, options.userId))) return emptyResultFacets();
  return cachedFigure(db, "facets", orgId, f, options, async () => {
    const { counted } = await countFacets(db, orgId, f, options);
    const label = await facetLabels(db, orgId, f, counted);
    return Object.fromEntries(
      FACET_KEYS.map((key) => {
        const values: FacetValue[] = counted[key]
          .filter((r): r is { v: string; n: number | bigint } => r.v !== null)
          .map((r) => ({ value: r.v, count: Number(r.n), label: label(key, r.v) }));
        const selected = f[key];
        if (selected !== null && !values.some((v) => v.value === selected)) values.push({ value: selected, count: 0, label: label(key, selected) });
        return [key, values];
      }),
    ) as Facets;
  });
}

/**
 * One page of the register for a filter state, with the total (no facets); cached per audit stamp like the
 * facet counts (see figuresKey). `userId`: no membership, empty page.
 */
export async function searchActivityPage(db: Db, orgId: string, f: ActivityFilters, options: SearchOptions): Promise<ActivitySearchPage> {
  if (!(await isMember(db, orgId, options.userId))) return { rows: [], total: 0, page: 1, pageCount: 1, pageSize: ACTIVITY_PAGE_SIZE };
  return cachedFigure(db, "page", orgId, f, options, () => loadPage(db, orgId, f, options));
}

async function loadPage(db: Db, orgId: string, f: ActivityFilters, options: SearchOptions): Promise<ActivitySearchPage> {
  const total = await countMatching(db, orgId, f, options);
  const pageCount = Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE));
  const page = Math.min(f.page, pageCount);
  if (total === 0) return { rows: [], total, page, pageCount, pageSize: ACTIVITY_PAGE_SIZE };
  // One query for the page with its figures: the inner query picks the page's ids (sorted, limited), the outer
  // one joins the columns and counts only for those rows.
  const pageRows = await db.$queryRaw<PageRow[]>`SELECT a."id" AS id, a."referenceNumber" AS "referenceNumber", a."name" AS name, a."description" AS description, CAST(a."role" AS TEXT) AS role, CAST(a."status" AS TEXT) AS status, a."archivedAt" AS "archivedAt", a."nextReviewAt" AS "nextReviewAt", a."updatedAt" AS "updatedAt", d."name" AS "departmentName", (SELECT COUNT(*) FROM "Recipient" rc WHERE rc."activityId" = a."id") AS "recipientCount", ${thirdCountryCountSql(orgId, options.asOf)} AS "thirdCountryCount" FROM (SELECT a."id" AS id FROM "ProcessingActivity" a ${whereSql(conditions(orgId, f, options))} ${orderBySql(f)} LIMIT ${ACTIVITY_PAGE_SIZE} OFFSET ${(page - 1) * ACTIVITY_PAGE_SIZE}) pg JOIN "ProcessingActivity" a ON a."id" = pg.id LEFT JOIN "Department" d ON d."id" = a."departmentId" ${orderBySql(f)}`;
  const purposes = await db.purpose.findMany({
    where: { activityId: { in: pageRows.map((r) => r.id) } },
    select: { activityId: true, description: true },
    orderBy: [{ activityId: "asc" }, { position: "asc" }, { id: "asc" }],
  });
  const purposeTexts = new Map<string, string[]>();
  for (const p of purposes) {
    const list = purposeTexts.get(p.activityId) ?? [];
    if (list.length < 5) list.push(p.description);
    purposeTexts.set(p.activityId, list);
  }

  return {
    rows: pageRows.map((a) => {
      const archivedAt = a.archivedAt === null ? null : toDate(a.archivedAt);
      const nextReviewAt = a.nextReviewAt === null ? null : toDate(a.nextReviewAt);
      return {
        id: a.id,
        referenceNumber: a.referenceNumber,
        name: a.name,
        texts: [a.description, ...(purposeTexts.get(a.id) ?? [])].filter((t): t is string => !!t),
        departmentName: a.departmentName,
        role: a.role,
        status: a.status,
        isArchived: archivedAt !== null || a.status === "ARCHIVED",
        recipientCount: Number(a.recipientCount),
        thirdCountryTransferCount: Number(a.thirdCountryCount),
        nextReviewAt,
        isReviewOverdue: nextReviewAt !== null && nextReviewAt < options.asOf && archivedAt === null,
        updatedAt: toDate(a.updatedAt),
      };
    }),
    total,
    page,
    pageCount,
    pageSize: ACTIVITY_PAGE_SIZE,
  };
}
/**
 * One page of the register and the facet counts (`withFacets: false`: no facets). The list page streams the
 * two separately (searchActivityPage, searchActivityFacets); this is the combined call of tests and benchmark.
 */
export async function searchActivities(db: Db, orgId: string, f: ActivityFilters, options: SearchOptions): Promise<ActivitySearchResult> {
  const [page, facets] = await Promise.all([
    searchActivityPage(db, orgId, f, options),
    options.withFacets === false ? Promise.resolve(emptyResultFacets()) : searchActivityFacets(db, orgId, f, options),
  ]);
  return { ...page, facets };
}
