// Generates the Prisma clients for both providers without the native schema engine (npm postinstall).
// The Prisma CLI insists on a schema-engine binary even for `generate` (which is wasm); pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies that check offline.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { markGenerated, root } from "./lib/setup.mjs";

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
  if (!existsSync(`${root}/${schema}`)) continue;
  const r = spawnSync("npx", ["--no-install", "prisma", "generate", "--schema", schema], { stdio: ["ignore", "ignore", "inherit"], env, cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
markGenerated();
console.log("▸ Prisma clients generated (SQLite and PostgreSQL)");
