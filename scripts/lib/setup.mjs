// Shared steps of `npm start`, `npm test` and the e2e server: install when missing or stale, generate the
// Prisma clients when the schema changed, build when the sources changed. Each step keeps a stamp (a hash
// of its inputs) so a second run with nothing changed skips it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts, env: { ...process.env, ...(opts.env ?? {}) } });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

export function mustRun(cmd, args, opts = {}) {
  const status = run(cmd, args, opts);
  if (status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(" ")} failed (exit ${status})`);
    process.exit(status);
  }
}

function hashFiles(files) {
  const h = createHash("sha256");
  for (const f of files.sort()) {
    const p = path.join(root, f);
    if (!existsSync(p)) continue;
    h.update(f).update("\0").update(readFileSync(p)).update("\0");
  }
  return h.digest("hex");
}

function walk(dir, out = [], skip = () => false) {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return out;
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (skip(rel, entry)) continue;
    if (entry.isDirectory()) walk(rel, out, skip);
    else out.push(rel);
  }
  return out;
}

const readStamp = (file) => (existsSync(file) ? readFileSync(file, "utf8").trim() : "");
const writeStamp = (file, value) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, value + "\n");
};

/** npm install when node_modules is missing or package.json / the lockfile changed since the last install. */
export function ensureInstalled() {
  const stampFile = path.join(root, "node_modules", ".vvt-install-stamp");
  const want = hashFiles(["package.json", "package-lock.json"]);
  if (existsSync(path.join(root, "node_modules")) && readStamp(stampFile) === want) return false;
  console.log("▸ installing dependencies (npm install; the first run compiles better-sqlite3, ~2 min)");
  // Never `npm ci`: lockfiles written on these machines lack other platforms' optional binaries.
  mustRun("npm", ["install", "--no-audit", "--no-fund"]);
  writeStamp(stampFile, want);
  return true;
}

export const GENERATE_STAMP = path.join(root, "prisma", "generated", ".vvt-generate-stamp");
export const generateInputsHash = () => hashFiles(["prisma/schema.prisma", "prisma/postgres/schema.prisma", "package-lock.json"]);
export const markGenerated = () => writeStamp(GENERATE_STAMP, generateInputsHash());

/** prisma generate for both providers when the schema changed (the postinstall hook normally did it). */
export function ensureGenerated() {
  const have = existsSync(path.join(root, "prisma/generated/sqlite/client.ts")) && existsSync(path.join(root, "prisma/generated/postgres/client.ts"));
  if (have && readStamp(GENERATE_STAMP) === generateInputsHash()) return false;
  console.log("▸ generating the Prisma clients");
  mustRun("node", ["scripts/generate.mjs"]);
  return true;
}

const BUILD_INPUTS = ["app", "components", "lib", "prisma/reference", "public"];
const BUILD_FILES = ["package-lock.json", "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "prisma/schema.prisma", "prisma/postgres/schema.prisma"];

export function buildHash() {
  const skip = (rel) => /(^|\/)(node_modules|generated)(\/|$)/.test(rel) || /\.(db\.)?test\.tsx?$/.test(rel);
  const files = [...BUILD_FILES];
  for (const dir of BUILD_INPUTS) walk(dir, files, skip);
  return hashFiles(files);
}

/** next build when the sources changed since the last successful build. */
export function ensureBuilt() {
  const stampFile = path.join(root, ".next", ".vvt-build-stamp");
  const want = buildHash();
  if (existsSync(path.join(root, ".next", "BUILD_ID")) && readStamp(stampFile) === want) return false;
  console.log("▸ building the app (next build)");
  mustRun("npx", ["--no-install", "next", "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
  writeStamp(stampFile, want);
  return true;
}

export function fileAge(p) {
  try {
    return statSync(path.join(root, p)).mtimeMs;
  } catch {
    return 0;
  }
}
