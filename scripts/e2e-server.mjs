// Server for the end-to-end tests (started by playwright.config.ts): a fresh SQLite database with the
// reference and demo data, the current production build, `next start` on 127.0.0.1:$PORT.
import { rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { ensureBuilt, mustRun, root } from "./lib/setup.mjs";

const file = process.env.DATABASE_URL.replace(/^file:/, "");
mkdirSync(path.dirname(file), { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
mustRun("node", ["scripts/migrate.mjs"]);
mustRun("npx", ["--no-install", "tsx", "scripts/vvt.ts", "bootstrap"]);
ensureBuilt();
const child = spawn("npx", ["--no-install", "next", "start", "-H", "127.0.0.1", "-p", process.env.PORT], { stdio: "inherit", cwd: root, env: process.env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
