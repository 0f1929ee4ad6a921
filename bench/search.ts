// Register search benchmark (issue 3 "Performance"; run by hand, not part of npm test). One command per engine:
//
//   flock /tmp/next.lock npx tsx bench/search.ts --engine sqlite      # or --engine postgres
//
//   options: --duration 8 (seconds per HTTP run)  --direct-duration 4 (seconds per in-process run)
//            --port 3200  --reuse-db (keep the generated database of the last run)  --skip-http (direct only)
//            --in-place (serve the repository's own .next, ensureBuilt) --compare (search predicate: LIKE vs FTS5 / pg_trgm)
//   (--db is accepted as an alias of --engine). ~5–6 minutes per engine plus one `next build` of the app copy
//   when the sources changed since the last run (the build is shared by both engines).
//
// Creates its own database (bench/results/bench.db or the PostgreSQL database vvt_bench), migrates it, loads the
// reference data and generates a deterministic register of 10,000 activities, 3,000 vendors and 30,000 transfers
// with a DPO and a database session. Then, for each query (a handful of realistic searches with facets):
//   - direct: searchActivities (the same page + facet functions the list page calls) in-process, 10 and 50
//     concurrent callers for a fixed time;
//   - HTTP: the production server (`next start` on 127.0.0.1 of a private copy of the tree built with
//     `next build`), the register list page with the DPO's session cookie, autocannon with 10 and 50
//     connections for a fixed time.
// Each twice: "warm" (derived-figure cache on, lib/derived-cache.ts; primed by the probe requests) and "cold"
// (VVT_DERIVED_CACHE=off: every request counts total and facets in the database). Results: printed as a
// markdown table and written to bench/results/search-<engine>.{json,md}. Traffic goes only to 127.0.0.1.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import autocannon from "autocannon";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { searchActivities } from "@/lib/activities/search";
import { createDb, type Db } from "@/lib/db";
import { parseActivityFilters } from "@/lib/domain/activity-filters";
import { toSearchText } from "@/lib/domain/search-text";
import { loadReferenceData, referenceData } from "@/lib/reference-data/load";
import { migrate } from "@/scripts/migrate.mjs";
import { buildHash, ensureBuilt, root } from "@/scripts/lib/setup.mjs";

// ───────────────────────────── Options ─────────────────────────────

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const flag = (name: string) => args.includes(`--${name}`);
const engine = opt("engine", opt("db", "sqlite"));
if (engine !== "sqlite" && engine !== "postgres") throw new Error(`--engine sqlite|postgres, not ${engine}`);
const provider: "sqlite" | "postgres" = engine;
const DURATION_S = Math.min(60, Math.max(1, Number(opt("duration", "8"))));
const DIRECT_MS = Math.min(60, Math.max(1, Number(opt("direct-duration", "4")))) * 1000;
const MODES = ["warm", "cold"] as const;
type Mode = (typeof MODES)[number];
const PORT = Number(opt("port", "3200"));
const CONCURRENCY = [10, 50];
const ACTIVITIES = 10_000;
const VENDORS = 3_000;
const TRANSFERS = 30_000;
const PG_ADMIN_URL = process.env.PG_BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const resultsDir = path.join(root, "bench", "results");

/** The measured queries: URL search parameters of the register list. */
const QUERIES: { name: string; params: Record<string, string> }[] = [
  { name: "list page 1", params: {} },
  { name: "q=cloud", params: { q: "cloud" } },
  { name: "q=gesundheit + special=yes", params: { q: "gesundheit", special: "yes" } },
  { name: "country=US + mechanism=SCC_2021_M2", params: { country: "US", mechanism: "SCC_2021_M2" } },
  { name: "basis=ART6_1_A + status=RELEASED", params: { basis: "ART6_1_A", status: "RELEASED" } },
  { name: "review=overdue", params: { review: "overdue" } },
];

// ───────────────────────────── Deterministic data ─────────────────────────────

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(20261123);
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const pickSome = <T>(xs: readonly T[], min: number, max: number): T[] => {
  const n = min + int(max - min + 1);
  const out = new Set<T>();
  while (out.size < Math.min(n, xs.length)) out.add(pick(xs));
  return [...out];
};
const pad = (n: number, w: number) => String(n).padStart(w, "0");

const VENDOR_STEMS = ["Cloud", "Daten", "Soft", "Net", "Info", "Lohn", "Web", "Mail", "Secure", "Health", "Med", "Pay", "Print", "Log", "Archiv", "Konto", "Tele", "Data", "Analytics", "Support"];
const VENDOR_TAILS = ["werk", "systems", "service", "solutions", "tech", "partner", "hub", "point", "line", "box", "desk", "works"];
const LEGAL_FORMS = ["GmbH", "AG", "Inc.", "Ltd.", "SE", "B.V.", "LLC", "GmbH & Co. KG", "S.A.S."];
const SERVICES = ["Hosting", "Cloud-Speicher", "Lohnabrechnung", "Newsletter-Versand", "Ticketsystem", "Videokonferenz", "CRM", "Buchhaltung", "Aktenvernichtung", "IT-Support", "Bewerbermanagement", "Zeiterfassung", "Telefonie", "E-Mail-Archivierung", "Webanalyse"];
const ACTIVITY_NAMES = [
  "Lohn- und Gehaltsabrechnung",
  "Bewerbermanagement",
  "Zeiterfassung",
  "Kundenverwaltung (CRM)",
  "Newsletter-Versand",
  "Videoüberwachung Eingangsbereich",
  "Betriebliches Gesundheitsmanagement",
  "Betriebsärztliche Untersuchungen",
  "Ticketsystem IT-Support",
  "Cloud-Speicher für Projektdaten",
  "Webanalyse der Unternehmenswebsite",
  "Reisekostenabrechnung",
  "Zugangskontrolle Rechenzentrum",
  "Whistleblower-Meldestelle",
  "Schulungsverwaltung",
  "Fuhrparkverwaltung",
  "Lieferantenverwaltung",
  "Forderungsmanagement",
  "Telefonanlage und Gesprächsaufzeichnung",
  "E-Mail-Archivierung",
];
const PURPOSES = [
  "Durchführung des Beschäftigungsverhältnisses",
  "Erfüllung gesetzlicher Aufbewahrungspflichten",
  "Auswahl geeigneter Bewerberinnen und Bewerber",
  "Betreuung von Kundinnen und Kunden",
  "Versand von Informationen nach Einwilligung",
  "Schutz des Eigentums und Wahrnehmung des Hausrechts",
  "Arbeitsmedizinische Vorsorge und Gesundheitsschutz",
  "Bearbeitung von Störungsmeldungen",
  "Speicherung und gemeinsame Bearbeitung von Dokumenten in der Cloud",
  "Reichweitenmessung und Verbesserung des Angebots",
];
const DESCRIPTIONS = [
  "Verarbeitung in einer Standardsoftware eines externen Dienstleisters.",
  "Daten werden im Rechenzentrum des Anbieters gespeichert; Fernwartung aus Drittländern möglich.",
  "Umfasst auch Krankmeldungen und Angaben zur Gesundheit, soweit erforderlich.",
  "Die Verarbeitung erfolgt ausschließlich durch die zuständige Abteilung.",
  "Cloud-Dienst mit Speicherung in der EU und Support-Zugriff aus den USA.",
  "Papierakten werden nach Ablauf der Fristen datenschutzgerecht vernichtet.",
];
const DEPARTMENTS = ["Personal", "IT", "Vertrieb", "Marketing", "Finanzen", "Einkauf", "Recht", "Geschäftsführung", "Kundenservice", "Logistik", "Produktion", "Forschung", "Betriebsrat", "Arbeitsschutz", "Facility Management", "Qualitätsmanagement", "Controlling", "Buchhaltung", "Compliance", "Datenschutz"];
const COUNTRIES = ["DE", "DE", "DE", "IE", "NL", "FR", "US", "US", "US", "IN", "GB", "CH", "CA", "JP", "PH", "UA", "BR", "AU", "SG", "IL"];
const MECHANISMS = ["ADEQUACY", "DPF", "SCC_2021_M1", "SCC_2021_M2", "SCC_2021_M2", "SCC_2021_M3", "BCR_C", "ART49_1A", "NONE_STATED", "NOT_A_TRANSFER"] as const;
const BASES = ["ART6_1_A", "ART6_1_B", "ART6_1_B", "ART6_1_C", "ART6_1_F", "ART9_2_B", "ART9_2_H", "BDSG_26_1", "TDDDG_25_1"];
const STATUSES = ["DRAFT", "IN_REVIEW", "RELEASED", "RELEASED", "RELEASED", "ARCHIVED"] as const;
const ROLES = ["CONTROLLER", "CONTROLLER", "CONTROLLER", "JOINT_CONTROLLER", "PROCESSOR"] as const;
const DPIA = ["PENDING", "NOT_REQUIRED", "NOT_REQUIRED", "REQUIRED"] as const;

async function inBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function generate(db: Db, asOf: Date): Promise<{ orgId: string; userId: string; token: string }> {
  const ref = referenceData();
  const vocab = new Map(ref.vocabularies.flatMap((v) => v.terms.map((t) => [`${v.kind}:${t.code}`, t] as const)));
  const categories = (ref.vocabularies.find((v) => v.kind === "DATA_CATEGORY")?.terms ?? []).filter((t) => t.code !== "OTHER");
  const countryNames = new Map(ref.countries.map((c) => [c.code, [c.nameDe, c.nameEn]]));

  const org = await db.organisation.create({ data: { name: "Bench Register GmbH" }, select: { id: true } });
  const orgId = org.id;
  const user = await db.user.create({ data: { email: "dpo@bench.example", name: "Bench DPO" }, select: { id: true } });
  await db.membership.create({ data: { userId: user.id, organisationId: orgId, role: "DPO" } });
  const token = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken: token, userId: user.id, expires: new Date(Date.now() + 24 * 3600 * 1000) } });

  const departments = DEPARTMENTS.map((name, i) => ({ id: `bench_dep_${pad(i, 2)}`, organisationId: orgId, name }));
  await db.department.createMany({ data: departments });

  const vendors = Array.from({ length: VENDORS }, (_, i) => ({
    id: `bench_ven_${pad(i, 4)}`,
    organisationId: orgId,
    name: `${pick(VENDOR_STEMS)}${pick(VENDOR_TAILS)} ${pad(i, 4)} ${pick(LEGAL_FORMS)}`,
    country: pick(COUNTRIES),
    services: pick(SERVICES),
  }));
  await inBatches(vendors, 500, (batch) => db.vendor.createMany({ data: batch }));

  const activities: Record<string, unknown>[] = [];
  const purposes: Record<string, unknown>[] = [];
  const bases: Record<string, unknown>[] = [];
  const dataCategories: Record<string, unknown>[] = [];
  const recipients: Record<string, unknown>[] = [];
  const transfers: Record<string, unknown>[] = [];
  const day = 86_400_000;
  for (let i = 0; i < ACTIVITIES; i++) {
    const id = `bench_act_${pad(i, 5)}`;
    const name = `${pick(ACTIVITY_NAMES)} ${pick(DEPARTMENTS)} ${pad(i, 5)}`;
    const description = pick(DESCRIPTIONS);
    const status = pick(STATUSES);
    const purposeTexts = pickSome(PURPOSES, 1, 2);
    const cats = pickSome(categories, 2, 4).filter((c) => !c.isSpecialCategory || rnd() < 0.5);
    const recipientVendors = pickSome(vendors, 3, 3);
    const texts: unknown[] = [name, description, `VT-${pad(i, 5)}`, purposeTexts];
    purposeTexts.forEach((text, position) => {
      const pid = `${id}_p${position}`;
      purposes.push({ id: pid, activityId: id, position, description: text });
      for (const basisCode of pickSome(BASES, 1, 2)) bases.push({ id: `${pid}_${basisCode}`, purposeId: pid, basisCode });
    });
    for (const c of cats) {
      dataCategories.push({ id: `${id}_c_${c.code}`, activityId: id, categoryCode: c.code, isSpecialCategory: c.isSpecialCategory ?? false });
      const term = vocab.get(`DATA_CATEGORY:${c.code}`);
      texts.push(c.code, term?.labelDe, term?.labelEn);
    }
    recipientVendors.forEach((v, r) => {
      const rid = `${id}_r${r}`;
      recipients.push({ id: rid, organisationId: orgId, activityId: id, kind: "VENDOR", vendorId: v.id, role: "PROCESSOR", service: v.services });
      const country = pick(COUNTRIES);
      transfers.push({ id: `${rid}_t`, organisationId: orgId, recipientId: rid, destinationCountry: country, mechanism: country === "DE" ? "NOT_A_TRANSFER" : pick(MECHANISMS) });
      texts.push(v.name, v.services, country, countryNames.get(country));
    });
    activities.push({
      id,
      organisationId: orgId,
      referenceNumber: `VT-${pad(i, 5)}`,
      name,
      description,
      departmentId: pick(departments).id,
      role: pick(ROLES),
      status,
      archivedAt: status === "ARCHIVED" ? new Date(asOf.getTime() - int(400) * day) : null,
      dpiaDecision: pick(DPIA),
      // Review dates are dates (midnight UTC), as the edit form stores them.
      nextReviewAt: rnd() < 0.05 ? null : new Date(Math.floor(asOf.getTime() / day) * day + (int(545) - 180) * day),
      searchText: toSearchText(texts),
    });
  }
  const insert = async (label: string, rows: Record<string, unknown>[], fn: (batch: never[]) => Promise<unknown>) => {
    const t0 = performance.now();
    await inBatches(rows, 1000, (batch) => fn(batch as never[]));
    console.log(`  ${label}: ${rows.length} rows in ${Math.round(performance.now() - t0)} ms`);
  };
  await insert("activities", activities, (data) => db.processingActivity.createMany({ data }));
  await insert("purposes", purposes, (data) => db.purpose.createMany({ data }));
  await insert("legal bases", bases, (data) => db.purposeLegalBasis.createMany({ data }));
  await insert("data categories", dataCategories, (data) => db.activityDataCategory.createMany({ data }));
  await insert("recipients", recipients, (data) => db.recipient.createMany({ data }));
  await insert("transfers", transfers, (data) => db.transfer.createMany({ data }));
  if (transfers.length !== TRANSFERS) throw new Error(`expected ${TRANSFERS} transfers, generated ${transfers.length}`);
  return { orgId, userId: user.id, token };
}

// ───────────────────────────── Database ─────────────────────────────

type Generated = { orgId: string; userId: string; token: string };
const metaFile = path.join(resultsDir, `bench-${provider}.json`);
const benchUrl = () => (provider === "sqlite" ? `file:${path.join(resultsDir, "bench.db")}` : PG_ADMIN_URL.replace(/\/[^/?]*(\?.*)?$/, "/vvt_bench$1"));

async function createBenchDatabase(): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  if (provider === "sqlite") {
    const file = path.join(resultsDir, "bench.db");
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    return benchUrl();
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "vvt_bench" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "vvt_bench"`);
  await admin.end();
  return benchUrl();
}

/** The bench database with its register: generated, or (--reuse-db) the one of the last run. */
async function benchDatabase(): Promise<{ url: string; db: Db; gen: Generated }> {
  if (flag("reuse-db") && existsSync(metaFile)) {
    const url = benchUrl();
    const db = createDb(url);
    const gen = JSON.parse(readFileSync(metaFile, "utf8")) as Generated;
    if (await db.session.findUnique({ where: { sessionToken: gen.token }, select: { id: true } })) {
      console.log("▸ reusing the bench database of the last run");
      return { url, db, gen };
    }
    await db.$disconnect();
  }
  const url = await createBenchDatabase();
  await migrate(url);
  const db = createDb(url);
  await loadReferenceData(db);
  console.log("▸ generating the register");
  const gen = await generate(db, new Date());
  await db.$executeRaw`ANALYZE`;
  writeFileSync(metaFile, JSON.stringify(gen));
  return { url, db, gen };
}

// ───────────────────────────── Measuring ─────────────────────────────

type Stats = { n: number; p50: number; p90: number; p99: number; rps: number; errors: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
function stats(latencies: number[], elapsedMs: number, errors: number): Stats {
  const s = [...latencies].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), rps: (s.length / elapsedMs) * 1000, errors };
}

function setCache(mode: Mode) {
  if (mode === "cold") process.env.VVT_DERIVED_CACHE = "off";
  else delete process.env.VVT_DERIVED_CACHE;
}

/** The search in-process: `clients` concurrent callers of searchActivities for DIRECT_MS. */
async function direct(db: Db, gen: Generated, params: Record<string, string>, clients: number, mode: Mode): Promise<Stats> {
  setCache(mode);
  const filters = parseActivityFilters(params);
  const run = () => searchActivities(db, gen.orgId, filters, { asOf: new Date(), userId: gen.userId });
  for (let i = 0; i < 3; i++) await run();
  const latencies: number[] = [];
  const start = performance.now();
  const deadline = start + DIRECT_MS;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await run();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - start;
  setCache("warm");
  return stats(latencies, elapsed, 0);
}

function get(pathAndQuery: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: PORT, path: pathAndQuery, headers: { host: `localhost:${PORT}`, cookie } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.setTimeout(60_000, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end();
  });
}

/** The list page over HTTP: autocannon, `connections` keep-alive connections for DURATION_S. */
async function load(pathAndQuery: string, cookie: string, connections: number): Promise<Stats> {
  const r = await autocannon({
    url: `http://127.0.0.1:${PORT}${pathAndQuery}`,
    connections,
    duration: DURATION_S,
    timeout: 60,
    headers: { host: `localhost:${PORT}`, cookie },
  });
  return {
    n: r.requests.total,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    rps: r.requests.total / DURATION_S,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

/** The search predicate alone: maintained column + LIKE vs. FTS5 (SQLite) / pg_trgm GIN (PostgreSQL). */
async function compareSearch(db: Db, orgId: string): Promise<string[]> {
  const lines: string[] = [];
  const time = async (label: string, run: () => Promise<unknown>) => {
    for (let i = 0; i < 5; i++) await run();
    const l: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      await run();
      l.push(performance.now() - t0);
    }
    const s = stats(l, 1, 0);
    lines.push(`| ${label} | ${s.p50.toFixed(2)} | ${s.p99.toFixed(2)} |`);
  };
  for (const term of ["cloud", "gesundheit", "zz-no-match"]) {
    await time(`LIKE searchText '${term}'`, () => db.$queryRaw`SELECT COUNT(*) AS n FROM "ProcessingActivity" a WHERE a."organisationId" = ${orgId} AND a."searchText" LIKE ${`%${term}%`} ESCAPE '!'`);
  }
  if (provider === "sqlite") {
    await db.$executeRaw`CREATE VIRTUAL TABLE bench_fts USING fts5(searchText, content='ProcessingActivity', content_rowid='rowid', tokenize='trigram')`;
    await db.$executeRaw`INSERT INTO bench_fts(bench_fts) VALUES('rebuild')`;
    for (const term of ["cloud", "gesundheit", "zz-no-match"]) {
      await time(`FTS5 trigram '${term}'`, () => db.$queryRaw`SELECT COUNT(*) AS n FROM "ProcessingActivity" a WHERE a."organisationId" = ${orgId} AND a.rowid IN (SELECT rowid FROM bench_fts WHERE bench_fts MATCH ${`"${term}"`})`);
    }
  } else {
    await db.$executeRaw`CREATE EXTENSION IF NOT EXISTS pg_trgm`;
    await db.$executeRaw`CREATE INDEX bench_trgm ON "ProcessingActivity" USING GIN ("searchText" gin_trgm_ops)`;
    await db.$executeRaw`ANALYZE "ProcessingActivity"`;
    for (const term of ["cloud", "gesundheit", "zz-no-match"]) {
      await time(`pg_trgm GIN '${term}'`, () => db.$queryRaw`SELECT COUNT(*) AS n FROM "ProcessingActivity" a WHERE a."organisationId" = ${orgId} AND a."searchText" LIKE ${`%${term}%`} ESCAPE '!'`);
    }
    await db.$executeRaw`DROP INDEX bench_trgm`;
  }
  return lines;
}

// ───────────────────────────── Server ─────────────────────────────

const APP_COPY = "/tmp/vvt-bench-app";
const COPY_EXCLUDE = new Set([".git", ".next", "node_modules", "data", "test-results", ".test-results", "playwright-report", ".mail", "tsconfig.tsbuildinfo"]);

/**
 * The directory whose production build is served. Default: a private copy of the tree in /tmp (node_modules
 * hard-linked) with its own `next build`, because the repository's .next is rebuilt and served by concurrent
 * e2e runs. `--in-place`: the repository itself, built by ensureBuilt() when its sources changed.
 */
function prepareApp(): string {
  if (flag("in-place")) {
    if (!flag("skip-build")) ensureBuilt();
    return root;
  }
  // Rebuilt only when the sources changed since the copy was built (the same hash as ensureBuilt()).
  const stampFile = path.join(APP_COPY, ".vvt-bench-build-stamp");
  const want = buildHash();
  const built = existsSync(path.join(APP_COPY, ".next", "BUILD_ID")) && existsSync(stampFile);
  if (built && (flag("skip-build") || readFileSync(stampFile, "utf8") === want)) return APP_COPY;
  rmSync(APP_COPY, { recursive: true, force: true });
  mkdirSync(APP_COPY, { recursive: true });
  for (const entry of readdirSync(root)) {
    if (COPY_EXCLUDE.has(entry)) continue;
    cpSync(path.join(root, entry), path.join(APP_COPY, entry), { recursive: true, filter: (src) => !src.includes(`${path.sep}bench${path.sep}results`) });
  }
  const link = spawnSync("cp", ["-al", path.join(root, "node_modules"), path.join(APP_COPY, "node_modules")], { stdio: "inherit" });
  if (link.status !== 0) throw new Error("could not link node_modules into the app copy");
  console.log(`▸ building the app copy in ${APP_COPY} (next build)`);
  const build = spawnSync("npx", ["--no-install", "next", "build"], { cwd: APP_COPY, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed");
  writeFileSync(stampFile, want);
  return APP_COPY;
}

async function startServer(url: string, appDir: string, mode: Mode): Promise<ChildProcess> {
  const child = spawn("npx", ["--no-install", "next", "start", "-H", "127.0.0.1", "-p", String(PORT)], {
    cwd: appDir,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
      AUTH_URL: `http://localhost:${PORT}`,
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(mode === "cold" ? { VVT_DERIVED_CACHE: "off" } : {}),
    },
  });
  child.stderr?.on("data", (d: Buffer) => process.stderr.write(`[server] ${d}`));
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await get("/healthz", "");
      if (r.status === 200) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > until || child.exitCode !== null) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stopServer(child: ChildProcess) {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

// ───────────────────────────── Main ─────────────────────────────

const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : n.toFixed(0)) : "–");
type Row = { query: string; mode: Mode; clients: number; http?: Stats; direct: Stats };

async function main() {
  const started = performance.now();
  console.log(`▸ register search benchmark on ${provider}`);
  const { url, db, gen } = await benchDatabase();
  const rows: Row[] = [];

  console.log("▸ direct: searchActivities in-process");
  for (const q of QUERIES) {
    const r = await searchActivities(db, gen.orgId, parseActivityFilters(q.params), { asOf: new Date(), userId: gen.userId });
    console.log(`  ${q.name}: ${r.total} results`);
    for (const mode of MODES) {
      for (const clients of CONCURRENCY) {
        const s = await direct(db, gen, q.params, clients, mode);
        rows.push({ query: q.name, mode, clients, direct: s });
        console.log(`    ${mode} @${clients}: p50 ${ms(s.p50)} p90 ${ms(s.p90)} p99 ${ms(s.p99)} ms, ${s.rps.toFixed(1)}/s`);
      }
    }
  }

  if (!flag("skip-http")) {
    const appDir = prepareApp();
    for (const mode of MODES) {
      console.log(`▸ HTTP (${mode}): starting the production server`);
      const server = await startServer(url, appDir, mode);
      const stop = () => {
        stopServer(server);
        process.exit(130);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      try {
        const cookie = `authjs.session-token=${gen.token}; NEXT_LOCALE=de`;
        for (const q of QUERIES) {
          const qs = new URLSearchParams(q.params).toString();
          const pathAndQuery = `/o/${gen.orgId}/activities${qs ? `?${qs}` : ""}`;
          const probe = await get(pathAndQuery, cookie);
          if (probe.status !== 200 || !probe.body.includes('role="status"') || !probe.body.includes("data-facet-count")) {
            throw new Error(`unexpected response for ${pathAndQuery}: ${probe.status}`);
          }
          for (let i = 0; i < 5; i++) await get(pathAndQuery, cookie);
          for (const clients of CONCURRENCY) {
            const s = await load(pathAndQuery, cookie, clients);
            const row = rows.find((r) => r.query === q.name && r.mode === mode && r.clients === clients);
            if (row) row.http = s;
            console.log(`  ${q.name} ${mode} @${clients}: p50 ${ms(s.p50)} p90 ${ms(s.p90)} p99 ${ms(s.p99)} ms, ${s.rps.toFixed(1)} req/s, ${s.errors} errors`);
          }
        }
      } finally {
        process.removeListener("SIGINT", stop);
        process.removeListener("SIGTERM", stop);
        stopServer(server);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  const comparison = flag("compare") ? await compareSearch(db, gen.orgId) : [];
  await db.$disconnect();

  const header = `### ${provider === "sqlite" ? "SQLite" : "PostgreSQL"} — ${ACTIVITIES} activities, ${VENDORS} vendors, ${TRANSFERS} transfers; HTTP ${DURATION_S} s, direct ${DIRECT_MS / 1000} s per run`;
  const table = [
    header,
    "",
    "| query | cache | clients | HTTP p50 | HTTP p90 | HTTP p99 | req/s | errors | direct p50 | direct p90 | direct p99 | direct/s | HTTP p99 / direct p99 |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => {
      const h = r.http;
      return `| ${r.query} | ${r.mode} | ${r.clients} | ${h ? ms(h.p50) : "–"} | ${h ? ms(h.p90) : "–"} | ${h ? ms(h.p99) : "–"} | ${h ? h.rps.toFixed(1) : "–"} | ${h ? h.errors : "–"} | ${ms(r.direct.p50)} | ${ms(r.direct.p90)} | ${ms(r.direct.p99)} | ${r.direct.rps.toFixed(1)} | ${h ? `${(h.p99 / Math.max(1, r.direct.p99)).toFixed(1)}×` : "–"} |`;
    }),
    "",
    "Latencies in ms. autocannon reports whole milliseconds; the ratio uses max(1 ms, direct p99). autocannon does not count requests still in",
    `flight when its ${DURATION_S} s end: where req/s × ${DURATION_S} s is not well above the number of connections, HTTP p90/p99 are lower bounds`,
    "(the queue had no time to reach its steady state of ≈ connections ÷ req/s). Direct runs wait for their last calls, so they show the full queue.",
    ...(comparison.length ? ["", "Search predicate alone (COUNT over the organisation, 100 runs):", "", "| predicate | p50 ms | p99 ms |", "|---|---:|---:|", ...comparison] : []),
    "",
  ].join("\n");
  writeFileSync(path.join(resultsDir, `search-${provider}.md`), table);
  writeFileSync(path.join(resultsDir, `search-${provider}.json`), JSON.stringify({ provider, at: new Date().toISOString(), durationS: DURATION_S, directMs: DIRECT_MS, rows, comparison }, null, 2));
  console.log(`\n${table}`);
  console.log(`(${Math.round((performance.now() - started) / 1000)} s)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
