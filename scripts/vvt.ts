// The administrators' command line: `npm run vvt -- <command> [options]`.
// Works on DATABASE_URL (default file:./data/register.db); every change it makes is audited.
import { parseArgs } from "node:util";
import { createDb, databaseUrl, type Db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { runVerifyAudit } from "@/scripts/verify-audit";
import { loadReferenceData } from "@/lib/reference-data/load";
import { seedDemo, DEMO_USERS } from "@/prisma/seed";
import { normalizeEmail } from "@/lib/domain/email";
import { migrate } from "@/scripts/migrate.mjs";
import { readFileSync } from "node:fs";
import { FixtureValidationError, loadFixtureRegister } from "@/lib/import/fixture-loader";
import { loadReferenceSnapshot, loadRiskRows } from "@/lib/risk/load";
import { DPF_STATUSES, recordDpfCheck } from "@/lib/risk/dpf";
import { createTranslator } from "next-intl";
import enRisk from "@/lib/i18n/messages/en/risk.json";

const HELP = `Usage: npm run vvt -- <command> [options]

Commands:
  bootstrap                      load the legal reference data; seed the demo data into an empty database
  migrate                        apply pending SQL migrations
  load-reference                 (re)load the legal reference data
  verify-audit [--chain <id>]    verify the hash chain of the audit trail (exit 1 when broken)
  list-orgs                      organisations with their ids
  create-user --email <e> [--name <n>] [--admin]
  add-member --email <e> --org <id> --role ADMIN|DPO|EDITOR|VIEWER
  remove-member --email <e> --org <id>
  disable-user --email <e>       ends all sessions of the user at once
  enable-user --email <e>
  load-fixture <file> [--org <id>]
                                 load a register in the fixture format (../shared/fixtures/README.md);
                                 prints the report incl. every value it could not map; exit 1 on invalid input
  risk --org <id> [--as-of YYYY-MM-DD] [--json]
                                 every transfer with activity, recipient, country, mechanism, verdict, reasons
  record-dpf --vendor <id> --status ACTIVE|INACTIVE|NOT_LISTED [--hr] [--checked-by <name>]
                                 record a dated check of the vendor's Data Privacy Framework List entry
`;

const ROLES = ["ADMIN", "DPO", "EDITOR", "VIEWER"] as const;
const CLI_ACTOR = { id: null, name: `cli:${process.env.USER ?? "admin"}` };

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

function emailOf(value: string | undefined): string {
  const n = normalizeEmail(value ?? "");
  if (!n.ok) fail("--email: not a valid e-mail address");
  return n.email;
}

async function userByEmail(db: Db, email: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!user) fail(`no user with e-mail ${email}`);
  return user;
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" }, name: { type: "string" }, org: { type: "string" }, role: { type: "string" },
      chain: { type: "string" }, admin: { type: "boolean" }, help: { type: "boolean" },
      "as-of": { type: "string" }, json: { type: "boolean" }, vendor: { type: "string" }, status: { type: "string" },
      hr: { type: "boolean" }, "checked-by": { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0 && command !== "load-fixture") fail(`unexpected argument ${positionals[0]}`);
  if (!command || values.help || command === "help") {
    console.log(HELP);
    return;
  }
  if (command === "migrate") {
    const r = await migrate(databaseUrl(), { log: (m: string) => console.log(m) });
    console.log(`${r.applied} applied, ${r.total} known`);
    return;
  }
  const db = createDb(databaseUrl());
  try {
    switch (command) {
      case "bootstrap": {
        const ref = await loadReferenceData(db);
        console.log(`▸ legal reference data ${ref.version}${ref.changed ? " loaded" : " up to date"}`);
        const seeded = await seedDemo(db);
        if (seeded.organisations > 0) console.log(`▸ demo data: ${seeded.organisations} organisations, ${seeded.activities} processing activities`);
        const demo = await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) }, disabledAt: null }, select: { email: true } });
        if (demo.length > 0) {
          console.log("▸ demo sign-in addresses:");
          for (const u of DEMO_USERS) if (demo.some((d) => d.email === u.email)) console.log(`    ${u.email.padEnd(32)} ${u.description}`);
        }
        return;
      }
      case "load-reference": {
        const ref = await loadReferenceData(db, { changedBy: CLI_ACTOR.name });
        console.log(`reference data ${ref.version}: ${ref.changed ? "loaded" : "already up to date"}`);
        return;
      }
      case "verify-audit": {
        const result = await runVerifyAudit(db, values.chain);
        for (const line of result.lines) console.log(line);
        if (!result.ok) process.exitCode = 1;
        return;
      }
      case "list-orgs": {
        const orgs = await db.organisation.findMany({ select: { id: true, name: true, archivedAt: true }, orderBy: { name: "asc" } });
        for (const o of orgs) console.log(`${o.id}  ${o.name}${o.archivedAt ? "  (archived)" : ""}`);
        return;
      }
      case "create-user": {
        const email = emailOf(values.email);
        const user = await db.$transaction(async (tx) => {
          const u = await tx.user.create({ data: { email, name: values.name ?? null, isAdmin: values.admin ?? false } });
          await recordAudit(tx, CLI_ACTOR, { action: "user.create", entityType: "User", entityId: u.id, organisationId: null, changes: { email, isAdmin: u.isAdmin } });
          return u;
        });
        console.log(`created user ${user.email} (${user.id})`);
        return;
      }
      case "add-member": {
        const email = emailOf(values.email);
        const role = ROLES.find((r) => r === values.role);
        if (!role) fail(`--role must be one of ${ROLES.join(", ")}`);
        if (!values.org) fail("--org is required");
        const user = await userByEmail(db, email);
        const org = await db.organisation.findUnique({ where: { id: values.org }, select: { id: true } });
        if (!org) fail(`no organisation ${values.org}`);
        await db.$transaction(async (tx) => {
          const m = await tx.membership.upsert({ where: { userId_organisationId: { userId: user.id, organisationId: org.id } }, create: { userId: user.id, organisationId: org.id, role }, update: { role } });
          await recordAudit(tx, CLI_ACTOR, { action: "membership.set", entityType: "Membership", entityId: m.id, organisationId: org.id, changes: { email, role } });
        });
        console.log(`${email} is ${role} in ${org.id}`);
        return;
      }
      case "remove-member": {
        const email = emailOf(values.email);
        if (!values.org) fail("--org is required");
        const user = await userByEmail(db, email);
        const orgId = values.org;
        const removed = await db.$transaction(async (tx) => {
          const m = await tx.membership.findUnique({ where: { userId_organisationId: { userId: user.id, organisationId: orgId } } });
          if (!m) return false;
          await tx.membership.delete({ where: { id: m.id } });
          await recordAudit(tx, CLI_ACTOR, { action: "membership.remove", entityType: "Membership", entityId: m.id, organisationId: orgId, changes: { email, role: { old: m.role, new: null } } });
          return true;
        });
        console.log(removed ? `${email} removed from ${orgId}` : `${email} was not a member of ${orgId}`);
        return;
      }
      case "disable-user":
      case "enable-user": {
        const email = emailOf(values.email);
        const user = await userByEmail(db, email);
        const disable = command === "disable-user";
        await db.$transaction(async (tx) => {
          await tx.user.update({ where: { id: user.id }, data: { disabledAt: disable ? new Date() : null } });
          if (disable) await tx.session.deleteMany({ where: { userId: user.id } });
          await recordAudit(tx, CLI_ACTOR, { action: disable ? "user.disable" : "user.enable", entityType: "User", entityId: user.id, organisationId: null, changes: { email } });
        });
        console.log(`${email} ${disable ? "disabled; all sessions ended" : "enabled"}`);
        return;
      }
      case "load-fixture": {
        const file = positionals[0];
        if (!file || positionals.length > 1) fail("usage: load-fixture <file> [--org <id>]");
        let json: unknown;
        try {
          json = JSON.parse(readFileSync(file, "utf8"));
        } catch (e) {
          fail(`${file}: ${e instanceof Error ? e.message : String(e)}`);
        }
        await loadReferenceData(db, { changedBy: CLI_ACTOR.name });
        try {
          const report = await loadFixtureRegister(db, json, { orgId: values.org, actor: CLI_ACTOR });
          console.log(JSON.stringify(report, null, 2));
        } catch (e) {
          if (e instanceof FixtureValidationError) {
            for (const issue of e.issues) console.error(`✗ ${issue.path.join(".") || "(root)"}: ${issue.message}`);
            process.exitCode = 1;
            return;
          }
          throw e;
        }
        return;
      }
      case "risk": {
        if (!values.org) fail("--org is required");
        const asOfText = values["as-of"];
        if (asOfText !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOfText)) fail("--as-of must be YYYY-MM-DD");
        const asOf = asOfText ? new Date(`${asOfText}T00:00:00Z`) : new Date();
        if (Number.isNaN(asOf.getTime()) || (asOfText && asOf.toISOString().slice(0, 10) !== asOfText)) fail("--as-of is not a valid date");
        const org = await db.organisation.findUnique({ where: { id: values.org }, select: { id: true } });
        if (!org) fail(`no organisation ${values.org}`);
        const ref = await loadReferenceSnapshot(db);
        const { rows } = await loadRiskRows(db, org.id, asOf, ref);
        // English texts of the reasons for the administrators' console (the UI translates the keys itself).
        const t = createTranslator({ locale: "en", messages: { risk: enRisk }, onError: () => {}, getMessageFallback: ({ key }) => key });
        const text = (key: string | null, params: Record<string, string | number | boolean | null>) =>
          key === null ? null : t(key as never, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v ?? ""])) as never);
        const out = rows.map((r) => ({
          transferId: r.transferId,
          activityId: r.activityId,
          activity: r.activityName,
          activityRef: r.activityRef,
          recipient: r.recipientName,
          vendorId: r.vendorId,
          country: r.country,
          mechanism: r.mechanism,
          verdict: r.verdict.verdict,
          asOf: r.verdict.asOf,
          referenceVersion: r.verdict.referenceVersion,
          reasons: r.verdict.reasons.map((x) => ({
            ruleId: x.ruleId,
            level: x.level,
            messageKey: x.messageKey,
            fixKey: x.fixKey,
            message: text(x.messageKey, x.params),
            fix: text(x.fixKey, x.params),
            citations: x.citations,
            params: x.params,
          })),
        }));
        if (values.json) {
          console.log(JSON.stringify(out, null, 2));
          return;
        }
        console.log(`as of ${asOf.toISOString().slice(0, 10)}, reference data ${ref.version}, ${out.length} transfers`);
        for (const r of out) {
          console.log(`${r.verdict.toUpperCase().padEnd(9)} ${r.activityRef} ${r.activity} → ${r.recipient} [${r.country}] ${r.mechanism}`);
          for (const x of r.reasons) {
            console.log(`          ${x.level.padEnd(9)} ${x.ruleId.padEnd(6)} ${x.message}${x.citations.length ? `  [${x.citations.map((c) => c.identifier).join(", ")}]` : ""}`);
            if (x.fix) console.log(`                           → ${x.fix}`);
          }
        }
        return;
      }
      case "record-dpf": {
        if (!values.vendor) fail("--vendor is required");
        const status = DPF_STATUSES.find((s) => s === values.status);
        if (!status) fail(`--status must be one of ${DPF_STATUSES.join(", ")}`);
        const check = await recordDpfCheck(db, CLI_ACTOR, { vendorId: values.vendor, status, coversHr: values.hr ?? false, checkedByName: values["checked-by"] });
        console.log(`DPF check ${check.id} recorded for vendor ${values.vendor}: ${status}${values.hr ? " (covers HR data)" : ""}`);
        return;
      }
      default:
        fail(`unknown command "${command}"\n\n${HELP}`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(`✗ ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
