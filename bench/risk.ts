// Transfer-risk evaluation benchmark (issue 4; run by hand, not part of npm test):
//
//   npx tsx bench/risk.ts                 # SQLite and PostgreSQL
//   npx tsx bench/risk.ts --db sqlite     # or --db postgres;  --runs 5
//
// Generates a deterministic register of 10,000 activities, 3,000 vendors (DPF checks, locations,
// sub-processor chains) and 30,000 transfers under a mix of mechanisms into a fresh database per provider
// (a temporary SQLite file; the PostgreSQL database vvt_bench_risk, dropped and re-created), then times,
// over --runs runs: the batched queries (fetchRiskInputs), the in-memory join + evaluation of every
// transfer (evaluateRiskInputs), and the summaries of the overview (summarizeRisk). Prints p50 and max.
// The generator is local: bench/search.ts does not export its generator. Target (issue 4): evaluation
// of 30,000 transfers ≤ 500 ms.
//
// Then the overview page: a production build (a private copy in /tmp/vvt-bench-risk-app, bench/lib/app-server.ts)
// served against the same database, loaded by autocannon with --connections 10 for --duration seconds on
// the overview (unfiltered, filtered to critical, as of 2020-07-17), once with the derived-data cache
// (lib/derived-cache.ts; the figures a DPO sees after the first view) and once with VVT_DERIVED_CACHE=off
// (every request loads and evaluates all 30,000 transfers). Target (issue 4): p99 ≤ 300 ms at 10 clients.
//   --skip-page (evaluation only)  --skip-build (reuse the last copy's build)  --port 3201
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createDb, type Db } from "@/lib/db";
import { loadReferenceData } from "@/lib/reference-data/load";
import { evaluateRiskInputs, fetchRiskInputs, loadReferenceSnapshot } from "@/lib/risk/load";
import { summarizeRisk } from "@/lib/domain/risk-summary";
import { migrate } from "@/scripts/migrate.mjs";
import { benchSession, get, loadTest, prepareApp, startServer, stopServer, type LoadFigures } from "./lib/app-server";

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] ?? fallback) : fallback;
};
const which = opt("db", "both");
const RUNS = Math.max(1, Number(opt("runs", "5")));
const flag = (name: string) => args.includes(`--${name}`);
const PORT = Number(opt("port", "3201"));
const DURATION = Math.max(3, Number(opt("duration", "15")));
const CONNECTIONS = Math.max(1, Number(opt("connections", "10")));
const pageRows: string[] = [];
const ACTIVITIES = 10_000;
const VENDORS = 3_000;
const TRANSFERS = 30_000;
const PG_ADMIN_URL = process.env.PG_BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

// ───────────────────────────── Deterministic data ─────────────────────────────

let seed = 20261123;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const pad = (n: number, w: number) => String(n).padStart(w, "0");

const COUNTRIES = ["US", "US", "US", "DE", "FR", "IE", "IN", "CH", "JP", "GB", "BR", "CN", "CA"] as const;
const MECHANISMS = ["SCC_2021_M2", "SCC_2021_M2", "SCC_2021_M1", "DPF", "DPF", "ADEQUACY", "BCR_C", "NONE_STATED", "PRIVACY_SHIELD", "ART49_1A", "SCC_OLD"] as const;
const SUBJECTS = ["CUSTOMERS", "EMPLOYEES", "PROSPECTS", "WEBSITE_VISITORS", "APPLICANTS"] as const;
const ROLES = ["PROCESSOR", "PROCESSOR", "INDEPENDENT_CONTROLLER", "SUB_PROCESSOR"] as const;

async function inBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function generate(db: Db): Promise<string> {
  const org = await db.organisation.create({ data: { name: "Bench Risiko GmbH" }, select: { id: true } });
  const orgId = org.id;
  const day = 86_400_000;
  const base = Date.UTC(2024, 0, 1);

  const vendors = Array.from({ length: VENDORS }, (_, i) => ({ id: `rv_${pad(i, 4)}`, organisationId: orgId, name: `Vendor ${pad(i, 4)}`, country: pick(COUNTRIES) }));
  const dpfChecks = vendors
    .filter(() => rnd() < 0.4)
    .map((v, i) => ({
      id: `rdpf_${pad(i, 4)}`,
      vendorId: v.id,
      status: pick(["ACTIVE", "ACTIVE", "INACTIVE", "NOT_LISTED"] as const),
      coversHr: rnd() < 0.5,
      checkedAt: new Date(base + Math.floor(rnd() * 700) * day),
      checkedByName: "bench",
    }));
  const locations = vendors.filter(() => rnd() < 0.3).map((v, i) => ({ id: `rloc_${pad(i, 4)}`, vendorId: v.id, country: pick(COUNTRIES), purpose: pick(["STORAGE", "SUPPORT"] as const) }));
  const subProcessors = vendors
    .filter(() => rnd() < 0.3)
    .map((v, i) => {
      const sub = pick(vendors);
      return { id: `rsub_${pad(i, 4)}`, vendorId: v.id, subVendorId: sub.id === v.id ? null : sub.id, name: sub.name, country: sub.country };
    });
  const tias = Array.from({ length: 2_000 }, (_, i) => ({
    id: `rtia_${pad(i, 4)}`,
    organisationId: orgId,
    title: `TIA ${i}`,
    assessedAt: new Date(base + Math.floor(rnd() * 500) * day),
    nextReviewAt: new Date(base + Math.floor(rnd() * 1500) * day),
    conclusion: pick(["GO", "GO_WITH_MEASURES", "STOP"] as const),
  }));

  const activities: { id: string; organisationId: string; referenceNumber: string; name: string; role: "CONTROLLER" | "PROCESSOR" }[] = [];
  const subjects: { id: string; activityId: string; categoryCode: string }[] = [];
  const recipients: { id: string; organisationId: string; activityId: string; kind: "VENDOR"; vendorId: string; role: (typeof ROLES)[number] }[] = [];
  const transfers: Record<string, unknown>[] = [];
  for (let i = 0; i < ACTIVITIES; i++) {
    const id = `ract_${pad(i, 5)}`;
    activities.push({ id, organisationId: orgId, referenceNumber: `VT-${pad(i, 5)}`, name: `Tätigkeit ${i}`, role: rnd() < 0.1 ? "PROCESSOR" : "CONTROLLER" });
    subjects.push({ id: `${id}_s`, activityId: id, categoryCode: pick(SUBJECTS) });
    for (let r = 0; r < 3; r++) {
      const rid = `${id}_r${r}`;
      recipients.push({ id: rid, organisationId: orgId, activityId: id, kind: "VENDOR", vendorId: pick(vendors).id, role: pick(ROLES) });
      const country = pick(COUNTRIES);
      const mechanism = country === "DE" || country === "FR" || country === "IE" ? "NOT_A_TRANSFER" : pick(MECHANISMS);
      transfers.push({
        id: `${rid}_t`,
        organisationId: orgId,
        recipientId: rid,
        destinationCountry: country,
        mechanism,
        tiaId: rnd() < 0.4 ? pick(tias).id : null,
        contractConcludedAt: mechanism.startsWith("SCC") ? new Date(base - Math.floor(rnd() * 1500) * day) : null,
        supplementaryMeasures: rnd() < 0.5 ? "Verschlüsselung" : null,
      });
    }
  }
  const insert = async (label: string, rows: unknown[], fn: (batch: never[]) => Promise<unknown>) => {
    const t0 = performance.now();
    await inBatches(rows, 1000, (batch) => fn(batch as never[]));
    console.log(`  ${label}: ${rows.length} rows in ${Math.round(performance.now() - t0)} ms`);
  };
  await insert("vendors", vendors, (data) => db.vendor.createMany({ data }));
  await insert("dpf checks", dpfChecks, (data) => db.dpfCheck.createMany({ data }));
  await insert("locations", locations, (data) => db.vendorLocation.createMany({ data }));
  await insert("sub-processors", subProcessors, (data) => db.subProcessor.createMany({ data }));
  await insert("tias", tias, (data) => db.transferImpactAssessment.createMany({ data }));
  await insert("activities", activities, (data) => db.processingActivity.createMany({ data }));
  await insert("data subjects", subjects, (data) => db.activityDataSubject.createMany({ data }));
  await insert("recipients", recipients, (data) => db.recipient.createMany({ data }));
  await insert("transfers", transfers, (data) => db.transfer.createMany({ data }));
  if (transfers.length !== TRANSFERS) throw new Error(`expected ${TRANSFERS} transfers, generated ${transfers.length}`);
  return orgId;
}

// ───────────────────────────── Measuring ─────────────────────────────

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function bench(provider: "sqlite" | "postgresql"): Promise<void> {
  let url: string;
  let cleanup: () => Promise<void>;
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "vvt-bench-risk-"));
    url = `file:${path.join(dir, "bench.db")}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "vvt_bench_risk" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "vvt_bench_risk"`);
    await admin.end();
    url = PG_ADMIN_URL.replace(/\/[^/?]*(\?.*)?$/, "/vvt_bench_risk$1");
    cleanup = async () => {
      const a = new pg.Client({ connectionString: PG_ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "vvt_bench_risk" WITH (FORCE)`);
      await a.end();
    };
  }
  console.log(`\n▸ ${provider}: migrating, loading reference data, generating the register`);
  await migrate(url);
  const db = createDb(url);
  try {
    await loadReferenceData(db);
    const orgId = await generate(db);
    const ref = await loadReferenceSnapshot(db);
    const asOf = new Date(Date.UTC(2026, 10, 23));
    const query: number[] = [];
    const evaluation: number[] = [];
    const summary: number[] = [];
    let counts = "";
    for (let run = 0; run < RUNS + 1; run++) {
      const t0 = performance.now();
      const inputs = await fetchRiskInputs(db, orgId);
      const t1 = performance.now();
      const { rows, edges } = evaluateRiskInputs(inputs, asOf, ref);
      const t2 = performance.now();
      const s = summarizeRisk(rows, edges);
      const t3 = performance.now();
      if (rows.length !== TRANSFERS) throw new Error(`evaluated ${rows.length} transfers, expected ${TRANSFERS}`);
      counts = JSON.stringify(s.totals.transfers);
      if (run === 0) continue; // warm-up (JIT, connection pool)
      query.push(t1 - t0);
      evaluation.push(t2 - t1);
      summary.push(t3 - t2);
    }
    const total = query.map((q, i) => q + (evaluation[i] ?? 0));
    console.log(`  verdicts: ${counts}`);
    console.log(`  ${provider} p50 of ${RUNS} runs (max): queries ${ms(p50(query))} (${ms(Math.max(...query))}), ` +
      `join + evaluation of ${TRANSFERS} transfers ${ms(p50(evaluation))} (${ms(Math.max(...evaluation))}), ` +
      `loadRiskRows total ${ms(p50(total))}, summaries ${ms(p50(summary))}`);
    if (!flag("skip-page")) await benchPage(provider, url, db, orgId);
  } finally {
    await db.$disconnect();
    await cleanup();
  }
}

const PAGE_QUERIES: [string, string][] = [
  ["overview", ""],
  ["critical only", "?verdict=critical"],
  ["as of 2020-07-17", "?asOf=2020-07-17"],
];

async function benchPage(provider: string, url: string, db: Db, orgId: string): Promise<void> {
  const cookie = await benchSession(db, orgId, `dpo-${provider}@bench.example`);
  const appDir = prepareApp({ copyDir: "/tmp/vvt-bench-risk-app", skipBuild: flag("skip-build") || provider === "postgresql" });
  for (const cache of ["on", "off"] as const) {
    if (cache === "off") process.env.VVT_DERIVED_CACHE = "off";
    else delete process.env.VVT_DERIVED_CACHE;
    const server = await startServer(url, appDir, PORT);
    try {
      for (const [label, query] of PAGE_QUERIES) {
        const pathAndQuery = `/o/${orgId}/risk${query}`;
        const t0 = performance.now();
        const first = await get(PORT, pathAndQuery, cookie);
        const firstMs = performance.now() - t0;
        if (first.status !== 200 || !first.body.includes("risk-map")) throw new Error(`${pathAndQuery}: HTTP ${first.status}`);
        for (let i = 0; i < 5; i++) await get(PORT, pathAndQuery, cookie); // warm-up (JIT)
        const f: LoadFigures = await loadTest(PORT, pathAndQuery, cookie, CONNECTIONS, DURATION);
        if (f.non2xx + f.errors > 0) throw new Error(`${pathAndQuery}: ${f.non2xx} non-2xx, ${f.errors} errors`);
        const line = `| ${provider} | ${label} | cache ${cache} | ${Math.round(firstMs)} | ${f.p50} | ${f.p90} | ${f.p99} | ${f.rps.toFixed(1)} | ${(first.body.length / 1024).toFixed(0)} KiB |`;
        pageRows.push(line);
        console.log(line);
      }
    } finally {
      stopServer(server);
      delete process.env.VVT_DERIVED_CACHE;
    }
  }
}

async function main() {
  if (which === "sqlite" || which === "both") await bench("sqlite");
  if (which === "postgres" || which === "postgresql" || which === "both") await bench("postgresql");
  if (pageRows.length > 0) {
    console.log(`\nOverview page, autocannon, ${CONNECTIONS} connections × ${DURATION} s (ms):\n`);
    console.log("| DB | page | derived cache | first request | p50 | p90 | p99 | req/s | HTML |");
    console.log("|---|---|---|---:|---:|---:|---:|---:|---:|");
    for (const line of pageRows) console.log(line);
  }
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
