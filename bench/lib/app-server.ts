// Shared by the page benchmarks (bench/risk.ts, bench/search.ts): a production build of the app served by
// `next start` on 127.0.0.1 against the benchmark's own database, a DPO with a database session, and
// autocannon load at a fixed number of connections. Run by hand, never by npm test.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import autocannon from "autocannon";
import type { Db } from "@/lib/db";
import { ensureBuilt, root } from "@/scripts/lib/setup.mjs";

const COPY_EXCLUDE = new Set([".git", ".next", "node_modules", "data", "test-results", ".test-results", "playwright-report", ".mail", "tsconfig.tsbuildinfo"]);

/**
 * The directory whose production build is served. Default: a private copy of the tree (`copyDir`, node_modules
 * hard-linked) with its own `next build`, because the repository's .next is rebuilt and served by concurrent
 * e2e runs. `inPlace`: the repository itself, built by ensureBuilt() when its sources changed.
 */
export function prepareApp(opts: { copyDir: string; inPlace?: boolean; skipBuild?: boolean }): string {
  if (opts.inPlace) {
    if (!opts.skipBuild) ensureBuilt();
    return root;
  }
  if (opts.skipBuild && existsSync(path.join(opts.copyDir, ".next", "BUILD_ID"))) return opts.copyDir;
  rmSync(opts.copyDir, { recursive: true, force: true });
  mkdirSync(opts.copyDir, { recursive: true });
  for (const entry of readdirSync(root)) {
    if (COPY_EXCLUDE.has(entry)) continue;
    cpSync(path.join(root, entry), path.join(opts.copyDir, entry), { recursive: true });
  }
  const link = spawnSync("cp", ["-al", path.join(root, "node_modules"), path.join(opts.copyDir, "node_modules")], { stdio: "inherit" });
  if (link.status !== 0) throw new Error("could not link node_modules into the app copy");
  console.log(`▸ building the app copy in ${opts.copyDir} (next build)`);
  const build = spawnSync("npx", ["--no-install", "next", "build"], { cwd: opts.copyDir, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed");
  return opts.copyDir;
}

/** One GET with the session cookie; the body is read completely. */
export function get(port: number, pathAndQuery: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: pathAndQuery, agent: false, headers: { host: `localhost:${port}`, cookie, "accept-encoding": "identity" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** `next start` of `appDir` on 127.0.0.1:`port` against `databaseUrl`; resolves when /healthz answers. */
export async function startServer(databaseUrl: string, appDir: string, port: number): Promise<ChildProcess> {
  const child = spawn("npx", ["--no-install", "next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: appDir,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
      AUTH_URL: `http://localhost:${port}`,
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  child.stderr?.on("data", (d: Buffer) => process.stderr.write(`[server] ${d}`));
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await get(port, "/healthz", "")).status === 200) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > until || child.exitCode !== null) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function stopServer(child: ChildProcess): void {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

/** A DPO of `orgId` with a database session; returns the Cookie header value (German UI). */
export async function benchSession(db: Db, orgId: string, email: string): Promise<string> {
  const user = await db.user.create({ data: { email, name: "Bench DPO" }, select: { id: true } });
  await db.membership.create({ data: { userId: user.id, organisationId: orgId, role: "DPO" } });
  const token = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken: token, userId: user.id, expires: new Date(Date.now() + 24 * 3600 * 1000) } });
  return `authjs.session-token=${token}; NEXT_LOCALE=de`;
}

export type LoadFigures = { p50: number; p90: number; p99: number; rps: number; requests: number; non2xx: number; errors: number };

/** autocannon against 127.0.0.1:`port` with `connections` clients for `seconds`. */
export async function loadTest(port: number, pathAndQuery: string, cookie: string, connections: number, seconds: number): Promise<LoadFigures> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${pathAndQuery}`,
    connections,
    duration: seconds,
    headers: { host: `localhost:${port}`, cookie, "accept-encoding": "identity" },
  });
  return {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    rps: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
