// Per-query timings of one register search (development aid for bench/search.ts):
//   npx tsx bench/profile-search.ts --engine sqlite|postgres  (after a bench run with the database kept)
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { searchActivities } from "@/lib/activities/search";
import { createDb, type Db } from "@/lib/db";
import { parseActivityFilters } from "@/lib/domain/activity-filters";
import { root } from "@/scripts/lib/setup.mjs";

const args = process.argv.slice(2);
const engine = args[args.indexOf("--engine") + 1] === "postgres" ? "postgres" : "sqlite";
const url = engine === "sqlite" ? `file:${path.join(root, "bench", "results", "bench.db")}` : (process.env.PG_BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres").replace(/\/[^/?]*(\?.*)?$/, "/vvt_bench$1");
const gen = JSON.parse(readFileSync(path.join(root, "bench", "results", `bench-${engine}.json`), "utf8")) as { orgId: string; userId: string };
const base = createDb(url);
const log: string[] = [];
// One operation at a time, so each timing is the operation's own cost (not the wait behind the others).
let tail: Promise<unknown> = Promise.resolve();
const serial = <T>(fn: () => Promise<T>): Promise<T> => {
  const run = tail.then(fn, fn);
  tail = run.catch(() => undefined);
  return run;
};
const db = base.$extends({
  query: {
    async $allOperations({ operation, model, args: a, query }) {
      let t0 = 0;
      const r = await serial(() => {
        t0 = performance.now();
        return query(a);
      });
      const sql = operation.startsWith("$queryRaw") ? String((a as { strings?: string[] }).strings?.join("?") ?? (a as { sql?: string }).sql ?? "").slice(0, 90) : "";
      log.push(`${(performance.now() - t0).toFixed(1).padStart(7)} ms  ${model ?? ""}.${operation} ${sql}`);
      return r;
    },
  },
}) as unknown as Db;

process.env.VVT_DERIVED_CACHE = args.includes("--warm") ? "" : "off";
const queries: Record<string, string>[] = [{}, { q: "cloud" }, { q: "gesundheit", special: "yes" }, { country: "US", mechanism: "SCC_2021_M2" }, { basis: "ART6_1_A", status: "RELEASED" }, { review: "overdue" }];
for (const params of queries) {
  for (let i = 0; i < 2; i++) {
    log.length = 0;
    const t0 = performance.now();
    await searchActivities(db, gen.orgId, parseActivityFilters(params), { asOf: new Date(), userId: gen.userId });
    if (i === 1) console.log(`${JSON.stringify(params)}: ${(performance.now() - t0).toFixed(1)} ms\n${log.join("\n")}\n`);
  }
}
await base.$disconnect();
