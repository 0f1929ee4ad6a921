// Verifies the audit hash chains of DATABASE_URL's database (default file:./data/register.db).
// Usage: tsx scripts/verify-audit.ts [--chain <id>]     (also: npm run vvt -- verify-audit)
// Prints one line per chain; exits 1 if any chain is broken.
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createDb, databaseUrl, isPostgresUrl, type Db } from "@/lib/db";
import { listAuditChains, verifyAuditChain } from "@/lib/audit";
import { sqlitePath } from "@/scripts/migrate.mjs";

export type VerifyAuditResult = { ok: boolean; lines: string[] };

/** Verifies one chain or every chain; one line per chain. */
export async function runVerifyAudit(db: Db, chainId?: string): Promise<VerifyAuditResult> {
  const chains = chainId === undefined ? await listAuditChains(db) : [chainId];
  if (chains.length === 0) return { ok: true, lines: ["no audit chains: nothing to verify"] };
  const lines: string[] = [];
  let ok = true;
  for (const id of chains) {
    const result = await verifyAuditChain(db, id);
    if (result.ok) {
      const head = result.head ? `head ${result.head.seq}/${result.head.hash}` : "no head";
      lines.push(`chain ${id}: ok, ${result.count} events, ${head}`);
    } else {
      ok = false;
      lines.push(`chain ${id}: BROKEN at seq ${result.brokenAtSeq} (${result.reason})`);
    }
  }
  return { ok, lines };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { chain: { type: "string" } }, strict: true });
  const url = databaseUrl();
  if (!isPostgresUrl(url) && !existsSync(sqlitePath(url))) {
    console.error(`verify-audit: no database at ${sqlitePath(url)}`);
    return 1;
  }
  const db = createDb(url);
  try {
    const result = await runVerifyAudit(db, values.chain);
    for (const line of result.lines) console.log(line);
    return result.ok ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`verify-audit: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
