// `npm start`: from a fresh clone to a running app. Installs what is missing, generates the Prisma
// clients, migrates the database (SQLite ./data/register.db by default, or DATABASE_URL), loads the
// legal reference data and — into an empty database — the demo data, builds when the sources changed,
// and serves on http://localhost:3000 (PORT, HOST). A second start with nothing changed skips every step.
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuilt, ensureGenerated, ensureInstalled, mustRun, root } from "./lib/setup.mjs";

const started = Date.now();
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";
const env = process.env;
env.NEXT_TELEMETRY_DISABLED = "1";
env.DATABASE_URL ??= "file:./data/register.db";
env.AUTH_URL ??= `http://localhost:${port}`;
env.AUTH_TRUST_HOST ??= "true";
const isPostgres = /^postgres(ql)?:\/\//.test(env.DATABASE_URL);

if (!env.AUTH_SECRET) {
  if (isPostgres || env.NODE_ENV === "production") {
    console.error("✗ AUTH_SECRET is not set. In production every instance needs the same AUTH_SECRET (and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY); see README.");
    process.exit(1);
  }
  // Demo / single machine: one random secret, kept beside the SQLite database.
  const secretFile = path.join(root, "data", ".auth-secret");
  if (!existsSync(secretFile)) {
    mkdirSync(path.dirname(secretFile), { recursive: true });
    writeFileSync(secretFile, randomBytes(32).toString("base64url"));
    chmodSync(secretFile, 0o600);
  }
  env.AUTH_SECRET = readFileSync(secretFile, "utf8").trim();
}

ensureInstalled();
ensureGenerated();
mustRun("node", ["scripts/migrate.mjs"]);
mustRun("npx", ["--no-install", "tsx", "scripts/vvt.ts", "bootstrap"]);
ensureBuilt();

console.log(`▸ ready to serve after ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`
  Open ${env.AUTH_URL} and sign in with one of the demo addresses above.
  ${env.SMTP_HOST ? `Sign-in links are e-mailed through ${env.SMTP_HOST}.` : "No mail server is configured: the sign-in link is printed in this console (look for [sign-in])."}
`);
const child = spawn("npx", ["--no-install", "next", "start", "-H", host, "-p", port], { stdio: "inherit", cwd: root, env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
