// Produces the next migration for both providers, offline (docs/decisions/0006-database-portability-and-migrations.md).
//
//   1. edit prisma/schema.prisma, then `npm run sync-schema`
//   2. node scripts/new-migration.mjs <verb_noun>        e.g. add_vendor_rating
//   3. review prisma/migrations/{sqlite,postgres}/<UTC timestamp>_<verb_noun>/migration.sql, add any
//      hand-written SQL (triggers, data moves) to BOTH files, run the drift test, commit.
//
// The Prisma 7 CLI needs a downloaded schema engine for `migrate diff`; Prisma 6.19's CLI can diff
// two schema files with its wasm engine when given a driver adapter. This script keeps Prisma 6.19.3
// in its own tools folder (node_modules/.cache/prisma6-tools, installed with npm on first use, or
// PRISMA6_TOOLS_DIR), writes Prisma-6 copies of the previous and the next schema, and runs
//   prisma migrate diff --from-schema-datamodel prev.prisma --to-schema-datamodel next.prisma --script
// once per provider. "Previous" is the schema of the last commit (git show HEAD:prisma/schema.prisma),
// or nothing when there is no migration yet.
//
// Options:
//   --from <file>   previous schema instead of HEAD's (the schema the latest migration was made from)
//   --from-empty    diff from an empty database
//   --to <file>     next schema instead of prisma/schema.prisma (e.g. a scratch copy)
//   --print         print the SQL, write nothing
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const PRISMA6_VERSION = "6.19.3";
const TOOLS_PACKAGES = { prisma: PRISMA6_VERSION, "@prisma/client": PRISMA6_VERSION, "@prisma/adapter-better-sqlite3": PRISMA6_VERSION, "@prisma/adapter-pg": PRISMA6_VERSION };
const PROVIDERS = [
  { provider: "sqlite", folder: "sqlite" },
  { provider: "postgresql", folder: "postgres" },
];

class UsageError extends Error {}

/** A Prisma 7 schema rewritten for the Prisma 6 CLI: prisma-client-js generator, datasource with url. */
export function toPrisma6Schema(text, provider, outputDir) {
  const generator = `generator client {\n  provider        = "prisma-client-js"\n  engineType      = "client"\n  previewFeatures = ["driverAdapters", "queryCompiler"]\n  output          = ${JSON.stringify(outputDir)}\n}`;
  const datasource = `datasource db {\n  provider = "${provider}"\n  url      = env("DATABASE_URL")\n}`;
  const generatorRe = /^generator\s+\w+\s*\{[^}]*\}/gm;
  const datasourceRe = /^datasource\s+\w+\s*\{[^}]*\}/gm;
  if ((text.match(generatorRe) ?? []).length !== 1 || (text.match(datasourceRe) ?? []).length !== 1) {
    throw new UsageError("the schema must have exactly one generator block and one datasource block");
  }
  return text.replace(generatorRe, generator).replace(datasourceRe, datasource);
}

/** Drops what the PostgreSQL diff adds for a database that has no schema yet; null when nothing is left. */
export function cleanMigrationSql(sql) {
  const cleaned = sql
    .replace(/^-- CreateSchema\r?\nCREATE SCHEMA IF NOT EXISTS "public";\r?\n\r?\n?/m, "")
    .replace(/^CREATE SCHEMA IF NOT EXISTS "public";\r?\n/m, "");
  const statements = cleaned.replace(/^--.*$/gm, "").trim();
  return statements === "" ? null : `${cleaned.trim()}\n`;
}

export function utcTimestamp(date = new Date()) {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.error) throw r.error;
  return r;
}

function toolsReady(dir) {
  try {
    const installed = Object.entries(TOOLS_PACKAGES).every(([name, version]) => {
      const pkg = JSON.parse(readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8"));
      return pkg.version === version;
    });
    return installed && existsSync(path.join(dir, "node_modules", "better-sqlite3", "package.json"));
  } catch {
    return false;
  }
}

function ensureTools(dir) {
  if (toolsReady(dir)) return;
  console.log(`[new-migration] installing Prisma ${PRISMA6_VERSION} tools into ${path.relative(root, dir) || dir} (first use only; better-sqlite3 compiles, ~1-2 min)`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: "prisma6-tools", private: true, dependencies: TOOLS_PACKAGES }, null, 2)}\n`);
  const r = run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "inherit" });
  if (r.status !== 0 || !toolsReady(dir)) throw new Error(`npm install in ${dir} failed`);
}

function migrationFolders(folder) {
  const dir = path.join(root, "prisma", "migrations", folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

/** The schema the latest committed migration was made from, or null to diff from an empty database. */
function previousSchema(values) {
  if (values["from-empty"]) return null;
  if (values.from) return readFileSync(path.resolve(values.from), "utf8");
  if (PROVIDERS.every((p) => migrationFolders(p.folder).length === 0)) return null;
  const pending = run("git", ["status", "--porcelain", "--untracked-files=all", "--", "prisma/migrations"], { cwd: root });
  if (pending.status !== 0) throw new UsageError("git status failed: run inside the repository, or pass --from <schema>");
  if (pending.stdout.trim() !== "") {
    throw new UsageError(
      "prisma/migrations has uncommitted changes, so HEAD's schema is not the migrated state and the diff would repeat them.\n" +
        "Commit them first, or pass --from <the schema the latest migration was made from>.\n" + pending.stdout.trimEnd(),
    );
  }
  const r = run("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root });
  if (r.status !== 0) throw new UsageError("HEAD has no prisma/schema.prisma: pass --from <schema> or --from-empty");
  return r.stdout;
}

function diff({ toolsDir, work, provider, prev, next }) {
  const tag = `${provider}-${process.pid}`;
  const prevFile = path.join(work, `prev.${provider}.prisma`);
  const nextFile = path.join(work, `next.${provider}.prisma`);
  const generated = path.join(work, "generated", provider);
  writeFileSync(nextFile, toPrisma6Schema(next, provider, generated));
  if (prev !== null) writeFileSync(prevFile, toPrisma6Schema(prev, provider, generated));

  const pgUrl = process.env.MIGRATION_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const sqliteUrl = `file:${path.join(work, "dev.db")}`;
  const adapter =
    provider === "sqlite"
      ? { imports: `import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";`, make: `new PrismaBetterSQLite3({ url: ${JSON.stringify(sqliteUrl)} })` }
      : { imports: `import { PrismaPg } from "@prisma/adapter-pg";`, make: `new PrismaPg({ connectionString: ${JSON.stringify(pgUrl)} })` };
  // The config must live next to the tools' node_modules so its imports resolve there.
  const config = path.join(toolsDir, `prisma.${tag}.config.ts`);
  writeFileSync(
    config,
    `import { defineConfig } from "prisma/config";\n${adapter.imports}\n` +
      `export default defineConfig({\n  experimental: { adapter: true },\n  engine: "js",\n  schema: ${JSON.stringify(nextFile)},\n  adapter: async () => ${adapter.make},\n});\n`,
  );
  try {
    const cli = path.join(toolsDir, "node_modules", "prisma", "build", "index.js");
    const from = prev === null ? ["--from-empty"] : ["--from-schema-datamodel", prevFile];
    const r = run(process.execPath, [cli, "migrate", "diff", ...from, "--to-schema-datamodel", nextFile, "--script", "--config", config], {
      cwd: toolsDir,
      env: { ...process.env, DATABASE_URL: provider === "sqlite" ? sqliteUrl : pgUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    });
    if (r.status !== 0) throw new Error(`prisma migrate diff (${provider}) failed:\n${r.stderr || r.stdout}`);
    return cleanMigrationSql(r.stdout);
  } finally {
    rmSync(config, { force: true });
  }
}

export async function main(argv = process.argv.slice(2)) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { from: { type: "string" }, "from-empty": { type: "boolean" }, to: { type: "string" }, print: { type: "boolean" } },
  });
  const name = positionals[0];
  if (positionals.length !== 1 || !name || !/^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(name)) {
    throw new UsageError("usage: node scripts/new-migration.mjs <verb_noun> [--from <schema> | --from-empty] [--to <schema>] [--print]\n" +
      "       the name is snake_case with a verb first, e.g. add_vendor_rating");
  }
  if (values.from && values["from-empty"]) throw new UsageError("--from and --from-empty exclude each other");

  if (!values.to) {
    const sync = run(process.execPath, ["scripts/sync-postgres-schema.mjs", "--check"], { cwd: root });
    if (sync.status !== 0) throw new UsageError("prisma/postgres/schema.prisma is out of date: run `npm run sync-schema` first");
  }
  const next = readFileSync(values.to ? path.resolve(values.to) : path.join(root, "prisma", "schema.prisma"), "utf8");
  const prev = previousSchema(values);

  const timestamp = utcTimestamp();
  const folderName = `${timestamp}_${name}`;
  for (const { folder } of PROVIDERS) {
    const existing = migrationFolders(folder);
    const last = existing.at(-1);
    if (existing.some((f) => f.replace(/^\d+_/, "") === name)) throw new UsageError(`a migration named ${name} already exists in prisma/migrations/${folder}`);
    if (last && folderName <= last) throw new UsageError(`${folderName} would sort before ${last}: check the clock`);
  }

  const toolsDir = path.resolve(process.env.PRISMA6_TOOLS_DIR ?? path.join(root, "node_modules", ".cache", "prisma6-tools"));
  ensureTools(toolsDir);
  const work = mkdtempSync(path.join(tmpdir(), "vvt-migration-"));
  let results;
  try {
    results = PROVIDERS.map((p) => ({ ...p, sql: diff({ toolsDir, work, provider: p.provider, prev, next }) }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const empty = results.filter((r) => r.sql === null);
  if (empty.length === results.length) throw new UsageError("the schemas do not differ: no migration written (did you save prisma/schema.prisma?)");
  if (empty.length > 0) throw new Error(`only ${results.find((r) => r.sql !== null)?.provider} has changes: the two diffs disagree, nothing written`);

  if (values.print) {
    for (const r of results) console.log(`-- ${r.folder}/${folderName}/migration.sql\n${r.sql}`);
    return;
  }
  for (const r of results) {
    const dir = path.join(root, "prisma", "migrations", r.folder, folderName);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), r.sql);
    console.log(`[new-migration] wrote prisma/migrations/${r.folder}/${folderName}/migration.sql`);
  }
  if (results.some((r) => r.provider === "sqlite" && /PRAGMA foreign_keys=OFF/i.test(r.sql ?? ""))) {
    console.log(
      "Note: the SQLite migration rebuilds tables (RedefineTables). SQLite ignores PRAGMA foreign_keys inside a\n" +
        "transaction, so scripts/migrate.mjs must switch foreign keys off before BEGIN (and run foreign_key_check\n" +
        "before COMMIT); otherwise DROP TABLE deletes or cascades into the rows that reference the rebuilt table.",
    );
  }
  console.log(
    [
      "Next:",
      "  1. Review both files. Hand-written SQL (triggers, data moves) goes into BOTH, in each dialect.",
      "  2. node scripts/generate.mjs                               (regenerate both Prisma clients)",
      "  3. npx vitest run --project db lib/schema-drift.db.test.ts  (migrated database == schema, SQLite and PostgreSQL)",
      "  4. Commit schema, derived PostgreSQL schema and both migrations together. Never edit a migration once",
      "     it is committed: the runner refuses a changed checksum. Fix forward with a new migration.",
    ].join("\n"),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((e) => {
    console.error(`[new-migration] ${e instanceof UsageError ? e.message : e.stack ?? e}`);
    process.exit(1);
  });
}
