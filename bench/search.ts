// Register search benchmark (issue 3 "Performance"; run by hand, not part of npm test):
//
//   npx tsx bench/search.ts --db sqlite            # or --db postgres
//   options: --duration 10 (seconds per load run)  --runs 50 (direct query runs)  --port 3200
//            --skip-build (reuse the last app copy)  --in-place (serve the repository's own build, ensureBuilt)
//            --compare (also time the search predicate against FTS5 / pg_trgm in the bench database only)
//
// Creates its own database (bench/results/bench.db or the PostgreSQL database vvt_bench, dropped and
// re-created), migrates it, loads the reference data, generates a deterministic register of 10,000 activities,
// 3,000 vendors and 30,000 transfers, creates a DPO with a database session, builds (when sources changed) and
// starts the production server on 127.0.0.1, then measures the register list page for a handful of realistic
// queries at 10 and 50 concurrent clients (fixed-concurrency HTTP load loop on keep-alive sockets, bounded
// duration, per-request latency) and the same search as a direct in-process query (searchActivities).
// Results: printed and written to bench/results/search-<db>.{json,md}. Traffic goes only to 127.0.0.1.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { searchActivities } from "@/lib/activities/search";
import { createDb, type Db } from "@/lib/db";
import { parseActivityFilters } from "@/lib/domain/activity-filters";
import { toSearchText } from "@/lib/domain/search-text";
import { loadReferenceData, referenceData } from "@/lib/reference-data/load";
import { migrate } from "@/scripts/migrate.mjs";
import { ensureBuilt, root } from "@/scripts/lib/setup.mjs";

// ───────────────────────────── Options ─────────────────────────────

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const flag = (name: string) => args.includes(`--${name}`);
const provider = opt("db", "sqlite") === "postgres" ? "postgres" : "sqlite";
const DURATION_MS = Math.min(60, Math.max(1, Number(opt("duration", "10")))) * 1000;
const DIRECT_RUNS = Math.min(5000, Math.max(10, Number(opt("runs", "50"))));
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
      nextReviewAt: rnd() < 0.05 ? null : new Date(asOf.getTime() + (int(545) - 180) * day),
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

async function createBenchDatabase(): Promise<string> {
  if (provider === "sqlite") {
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, "bench.db");
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    return `file:${file}`;
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "vvt_bench" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "vvt_bench"`);
  await admin.end();
  return PG_ADMIN_URL.replace(/\/[^/?]*(\?.*)?$/, "/vvt_bench$1");
}

// ───────────────────────────── Measuring ─────────────────────────────

type Stats = { n: number; p50: number; p90: number; p99: number; max: number; rps: number; errors: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
function stats(latencies: number[], elapsedMs: number, errors: number): Stats {
  const s = [...latencies].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: s.at(-1) ?? NaN, rps: (s.length / elapsedMs) * 1000, errors };
}

function get(agent: http.Agent, pathAndQuery: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: PORT, path: pathAndQuery, agent, headers: { host: `localhost:${PORT}`, cookie, "accept-encoding": "identity" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end();
  });
}

/** Fixed-concurrency load: `clients` workers, each sending its next request when the previous one ended. */
async function load(pathAndQuery: string, cookie: string, clients: number): Promise<Stats> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const deadline = start + DURATION_MS;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          const r = await get(agent, pathAndQuery, cookie);
          if (r.status !== 200) errors++;
          else latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = performance.now() - start;
  agent.destroy();
  return stats(latencies, elapsed, errors);
}

async function direct(db: Db, orgId: string, userId: string, params: Record<string, string>): Promise<Stats> {
  const filters = parseActivityFilters(params);
  const latencies: number[] = [];
  for (let i = 0; i < 10; i++) await searchActivities(db, orgId, filters, { asOf: new Date(), userId });
  const start = performance.now();
  for (let i = 0; i < DIRECT_RUNS; i++) {
    const t0 = performance.now();
    await searchActivities(db, orgId, filters, { asOf: new Date(), userId });
    latencies.push(performance.now() - t0);
  }
  return stats(latencies, performance.now() - start, 0);
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
  if (flag("skip-build") && existsSync(path.join(APP_COPY, ".next", "BUILD_ID"))) return APP_COPY;
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
  return APP_COPY;
}

async function startServer(url: string, appDir: string): Promise<ChildProcess> {
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
    },
  });
  child.stderr?.on("data", (d: Buffer) => process.stderr.write(`[server] ${d}`));
  const agent = new http.Agent({ keepAlive: false });
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await get(agent, "/healthz", "");
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

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");

async function main() {
  console.log(`▸ register search benchmark on ${provider}`);
  const url = await createBenchDatabase();
  await migrate(url);
  const db = createDb(url);
  await loadReferenceData(db);
  const asOf = new Date();
  console.log("▸ generating the register");
  const { orgId, userId, token } = await generate(db, asOf);
  await db.$executeRaw`ANALYZE`;

  console.log("▸ direct queries (in-process searchActivities)");
  const directStats = new Map<string, Stats>();
  for (const q of QUERIES) {
    const s = await direct(db, orgId, userId, q.params);
    directStats.set(q.name, s);
    const r = await searchActivities(db, orgId, parseActivityFilters(q.params), { asOf: new Date(), userId });
    console.log(`  ${q.name}: ${r.total} results, p50 ${ms(s.p50)} ms, p99 ${ms(s.p99)} ms`);
  }

  let server: ChildProcess | undefined;
  const rows: { query: string; clients: number; http: Stats; direct: Stats }[] = [];
  try {
    const appDir = prepareApp();
    console.log("▸ starting the production server");
    server = await startServer(url, appDir);
    const running = server;
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        stopServer(running);
        process.exit(130);
      });
    }
    const cookie = `authjs.session-token=${token}; NEXT_LOCALE=de`;
    for (const q of QUERIES) {
      const qs = new URLSearchParams(q.params).toString();
      const pathAndQuery = `/o/${orgId}/activities${qs ? `?${qs}` : ""}`;
      const probe = await get(new http.Agent(), pathAndQuery, cookie);
      if (probe.status !== 200 || !probe.body.includes('role="status"')) throw new Error(`unexpected response for ${pathAndQuery}: ${probe.status}`);
      for (let i = 0; i < 20; i++) await get(new http.Agent(), pathAndQuery, cookie);
      for (const clients of CONCURRENCY) {
        const s = await load(pathAndQuery, cookie, clients);
        rows.push({ query: q.name, clients, http: s, direct: directStats.get(q.name)! });
        console.log(`  ${q.name} @${clients}: p50 ${ms(s.p50)} p90 ${ms(s.p90)} p99 ${ms(s.p99)} ms, ${s.rps.toFixed(1)} req/s, ${s.errors} errors`);
      }
    }
  } finally {
    if (server) stopServer(server);
  }

  const comparison = flag("compare") ? await compareSearch(db, orgId) : [];
  await db.$disconnect();

  const header = `## ${provider === "sqlite" ? "SQLite" : "PostgreSQL"} — ${ACTIVITIES} activities, ${VENDORS} vendors, ${TRANSFERS} transfers, ${DURATION_MS / 1000} s per run`;
  const table = [
    header,
    "",
    "| query | clients | p50 ms | p90 ms | p99 ms | req/s | errors | direct p50 ms | direct p99 ms | p99 / direct p99 |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.query} | ${r.clients} | ${ms(r.http.p50)} | ${ms(r.http.p90)} | ${ms(r.http.p99)} | ${r.http.rps.toFixed(1)} | ${r.http.errors} | ${ms(r.direct.p50)} | ${ms(r.direct.p99)} | ${(r.http.p99 / r.direct.p99).toFixed(1)}× |`,
    ),
    ...(comparison.length ? ["", "Search predicate alone (COUNT over the organisation, 100 runs):", "", "| predicate | p50 ms | p99 ms |", "|---|---:|---:|", ...comparison] : []),
    "",
  ].join("\n");
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, `search-${provider}.md`), table);
  writeFileSync(path.join(resultsDir, `search-${provider}.json`), JSON.stringify({ provider, at: new Date().toISOString(), durationMs: DURATION_MS, rows, comparison }, null, 2));
  console.log(`\n${table}`);
  if (provider === "postgres") {
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "vvt_bench" WITH (FORCE)`);
    await admin.end();
  }
  if (!existsSync(resultsDir)) mkdirSync(resultsDir, { recursive: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
