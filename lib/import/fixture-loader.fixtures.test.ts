// The golden test of issue 4: both registers of ../shared/fixtures/registers loaded into a fresh database
// by the fixture loader, then evaluated by the transfer-risk engine. Plus a smoke test of the admin CLI.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { loadReferenceData } from "@/lib/reference-data/load";
import { fixtureRegisterSchema, type FixtureRegister } from "@/lib/import/fixture-register";
import { FixtureValidationError, loadFixtureRegister, type FixtureLoadReport } from "@/lib/import/fixture-loader";
import { loadReferenceSnapshot, loadRiskRows, type LoadedRiskRow } from "@/lib/risk/load";
import { recordDpfCheck } from "@/lib/risk/dpf";
import type { ReferenceSnapshot } from "@/lib/domain/reference";

const dir = path.resolve(process.env.FIXTURES_DIR ?? path.join(import.meta.dirname, "../../../shared/fixtures"), "registers");
const fileOf = (name: string) => path.join(dir, name);
const raw = (name: string): unknown => JSON.parse(readFileSync(fileOf(name), "utf8"));
const parse = (name: string): FixtureRegister => fixtureRegisterSchema.parse(raw(name));
const ACTOR = { id: null, name: "fixture-test" };
const TODAY = new Date();

describeEachProvider("fixture loader: golden test of issue 4 (../shared/fixtures/registers)", (provider) => {
  let t: TestDatabase;
  let ref: ReferenceSnapshot;
  const reports = new Map<string, FixtureLoadReport>();
  const rowsOf = async (file: string, asOf: Date = TODAY): Promise<LoadedRiskRow[]> => {
    const report = reports.get(file);
    if (!report) throw new Error(`${file} not loaded`);
    return (await loadRiskRows(t.db, report.organisationId, asOf, ref)).rows;
  };

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await loadReferenceData(t.db);
    for (const file of ["plusserver.json", "cegedim-ebusiness.json"]) reports.set(file, await loadFixtureRegister(t.db, raw(file), { actor: ACTOR }));
    ref = await loadReferenceSnapshot(t.db);
  }, 120_000);
  afterAll(async () => {
    await t.drop();
  });

  for (const file of ["plusserver.json", "cegedim-ebusiness.json"]) {
    describe(file, () => {
      it("creates an organisation from the controller's cover sheet", async () => {
        const reg = parse(file);
        const report = reports.get(file);
        const org = await t.db.organisation.findUniqueOrThrow({ where: { id: report?.organisationId ?? "" } });
        expect(report?.organisationCreated).toBe(true);
        expect(org.name).toBe(reg.controller.name);
        expect(org.dpoEmail).toBe(reg.controller.dpo?.email ?? null);
      });

      it("loses nothing: activities, recipients and transfers in the database equal those in the file", async () => {
        const reg = parse(file);
        const report = reports.get(file);
        const organisationId = report?.organisationId ?? "";
        const addedRecipients = report?.unmapped.filter((u) => u.reason === "transfer-recipient-not-listed").length ?? 0;
        const fileRecipients = reg.activities.reduce((n, a) => n + a.recipients.length, 0);
        const fileTransfers = reg.activities.reduce((n, a) => n + a.transfers.length, 0);
        expect(await t.db.processingActivity.count({ where: { organisationId } })).toBe(reg.activities.length);
        expect(await t.db.recipient.count({ where: { organisationId } })).toBe(fileRecipients + addedRecipients);
        expect(await t.db.transfer.count({ where: { organisationId } })).toBe(fileTransfers);
        expect(report?.created).toMatchObject({ activities: reg.activities.length, recipients: fileRecipients + addedRecipients, transfers: fileTransfers });
        const purposes = await t.db.purpose.count({ where: { activity: { organisationId } } });
        expect(purposes).toBe(reg.activities.reduce((n, a) => n + Math.max(1, a.purposes.length), 0));
      });

      it("reports every value it could not map, and keeps each one (organisation vocabulary or a report entry)", async () => {
        const reg = parse(file);
        const report = reports.get(file);
        const unmapped = report?.unmapped ?? [];
        // Every oddity and right mentioned has no field: each is reported with its path.
        for (const [i, o] of reg.oddities.entries()) expect(unmapped).toContainEqual({ path: `oddities[${i}]`, value: o, reason: "no-field" });
        for (const [i, r] of reg.rightsMentioned.entries()) expect(unmapped).toContainEqual({ path: `rightsMentioned[${i}]`, value: r, reason: "no-field" });
        // Every free text that became an organisation term is stored under its original label.
        const terms = await t.db.vocabularyTerm.findMany({ where: { organisationId: report?.organisationId }, select: { labelDe: true } });
        const labels = new Set(terms.map((x) => x.labelDe));
        const created = unmapped.filter((u) => u.reason === "vocabulary-term-created");
        expect(created.length).toBeGreaterThan(0);
        for (const u of created) expect(labels.has(u.value.replace(/\s+/g, " ").trim())).toBe(true);
        // Every data-subject and data-category text of the file is kept somewhere: in a note or description.
        const organisationId = report?.organisationId ?? "";
        const notes = (await t.db.activityDataSubject.findMany({ where: { activity: { organisationId } }, select: { note: true } })).map((x) => x.note ?? "").join("\n");
        const descriptions = (await t.db.activityDataCategory.findMany({ where: { activity: { organisationId } }, select: { description: true } }))
          .map((x) => x.description ?? "")
          .join("\n");
        for (const a of reg.activities) {
          for (const s of a.dataSubjects) expect(notes).toContain(s);
          for (const c of a.dataCategories) expect(descriptions).toContain(c);
        }
      });

      it("writes Revision v1 and an AuditEvent for every created activity and transfer", async () => {
        const organisationId = reports.get(file)?.organisationId ?? "";
        const reg = parse(file);
        const fileTransfers = reg.activities.reduce((n, a) => n + a.transfers.length, 0);
        expect(await t.db.revision.count({ where: { organisationId, entityType: "Activity", version: 1 } })).toBe(reg.activities.length);
        expect(await t.db.auditEvent.count({ where: { organisationId, action: "activity.create" } })).toBe(reg.activities.length);
        expect(await t.db.auditEvent.count({ where: { organisationId, action: "transfer.create" } })).toBe(fileTransfers);
      });
    });
  }

  describe("PlusServer", () => {
    it("the 12 transfers with no mechanism are critical (TR18), the 10 SCC transfers without a TIA are attention (TR11)", async () => {
      const rows = await rowsOf("plusserver.json");
      const none = rows.filter((r) => r.mechanism === "NONE_STATED");
      const scc = rows.filter((r) => r.mechanism.startsWith("SCC_"));
      expect(none).toHaveLength(12);
      expect(scc).toHaveLength(10);
      for (const r of none) {
        expect(r.verdict.verdict).toBe("critical");
        expect(r.verdict.reasons.map((x) => x.ruleId)).toContain("TR18");
      }
      for (const r of scc) {
        expect(r.verdict.verdict).toBe("attention");
        expect(r.verdict.reasons).toContainEqual(expect.objectContaining({ ruleId: "TR11", level: "attention", messageKey: "risk.TR11.reason" }));
      }
    });
  });

  describe("Cegedim", () => {
    it("the Salesforce BCR transfer and the Zoom SCC transfer need a TIA (TR11)", async () => {
      const rows = await rowsOf("cegedim-ebusiness.json");
      const bcr = rows.filter((r) => r.activityRef === "salesforce-crm" && r.mechanism.startsWith("BCR_"));
      const zoom = rows.filter((r) => r.activityRef === "video-conferencing-zoom" && r.mechanism.startsWith("SCC_"));
      expect(bcr).toHaveLength(1);
      expect(zoom).toHaveLength(1);
      for (const r of [...bcr, ...zoom]) {
        expect(r.verdict.verdict).toBe("attention");
        expect(r.verdict.reasons.map((x) => x.ruleId)).toContain("TR11");
      }
    });

    it("as of 2022-07-01 the DPF transfers are critical (the DPF decision 2023/1795 dates from 10 July 2023)", async () => {
      const dpf = (await rowsOf("cegedim-ebusiness.json", new Date("2022-07-01T00:00:00Z"))).filter((r) => r.mechanism === "DPF");
      expect(dpf).toHaveLength(5);
      for (const r of dpf) {
        expect(r.verdict.verdict).toBe("critical");
        expect(r.verdict.asOf).toBe("2022-07-01");
      }
    });

    it("the DPF transfers are flagged (TR07) until the vendor's DPF participation is recorded as active, then pass", async () => {
      const before = (await rowsOf("cegedim-ebusiness.json")).filter((r) => r.mechanism === "DPF");
      expect(before).toHaveLength(5);
      for (const r of before) {
        expect(r.verdict.verdict).toBe("critical");
        expect(r.verdict.reasons.map((x) => x.ruleId)).toContain("TR07");
      }
      const vendorIds = [...new Set(before.map((r) => r.vendorId).filter((id): id is string => id !== null))];
      for (const vendorId of vendorIds) await recordDpfCheck(t.db, ACTOR, { vendorId, status: "ACTIVE" });

      const after = (await rowsOf("cegedim-ebusiness.json")).filter((r) => r.mechanism === "DPF");
      for (const r of after) expect(r.verdict.verdict).toBe("ok");
      // As of 2022-07-01 the check did not exist yet and the decision was not in force: still critical.
      const then = (await rowsOf("cegedim-ebusiness.json", new Date("2022-07-01T00:00:00Z"))).filter((r) => r.mechanism === "DPF");
      for (const r of then) expect(r.verdict.verdict).toBe("critical");
      expect(await t.db.auditEvent.count({ where: { action: "vendor.dpf-check", entityId: { in: vendorIds } } })).toBe(vendorIds.length);
    });
  });

  it("loads a register into an existing organisation and reports the controller's data it did not apply", async () => {
    const reg = parse("cegedim-ebusiness.json");
    const org = await t.db.organisation.create({ data: { name: "Bestehende GmbH" } });
    const changed = { ...reg, activities: reg.activities.map((a) => ({ ...a, id: `x-${a.id}` })) };
    const report = await loadFixtureRegister(t.db, changed, { orgId: org.id, actor: ACTOR });
    expect(report.organisationId).toBe(org.id);
    expect(report.organisationCreated).toBe(false);
    expect(report.unmapped).toContainEqual({ path: "controller", value: reg.controller.name, reason: "no-field" });
    expect(await t.db.processingActivity.count({ where: { organisationId: org.id } })).toBe(reg.activities.length);
  });

  it("reports fields the format does not define instead of dropping them silently", async () => {
    const reg = raw("cegedim-ebusiness.json") as { activities: Record<string, unknown>[] } & Record<string, unknown>;
    const org = await t.db.organisation.create({ data: { name: "Extra GmbH" } });
    const extra = { ...reg, extraTopLevel: "x", activities: reg.activities.map((a, i) => ({ ...a, id: `e-${String(a.id)}`, ...(i === 0 ? { owner: "Marketing" } : {}) })) };
    const report = await loadFixtureRegister(t.db, extra, { orgId: org.id, actor: ACTOR });
    expect(report.unmapped).toContainEqual({ path: "extraTopLevel", value: '"x"', reason: "no-field" });
    expect(report.unmapped).toContainEqual({ path: "activities[0].owner", value: '"Marketing"', reason: "no-field" });
  });

  it("rejects an invalid file before writing anything (all-or-nothing)", async () => {
    const before = await t.db.organisation.count();
    const broken = { ...(raw("plusserver.json") as Record<string, unknown>), activities: [{ id: "x" }] };
    await expect(loadFixtureRegister(t.db, broken, { actor: ACTOR })).rejects.toBeInstanceOf(FixtureValidationError);
    expect(await t.db.organisation.count()).toBe(before);
  });
});

describe("admin CLI: load-fixture, risk --json, record-dpf [sqlite]", () => {
  const run = promisify(execFile);
  const root = path.resolve(import.meta.dirname, "../..");
  let t: TestDatabase;
  let tmp: string;
  const vvt = (args: string[]) =>
    run("npx", ["tsx", "scripts/vvt.ts", ...args], { cwd: root, env: { ...process.env, DATABASE_URL: t.url }, maxBuffer: 32 * 1024 * 1024 });

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    tmp = mkdtempSync(path.join(tmpdir(), "vvt-cli-"));
  });
  afterAll(async () => {
    await t.drop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("loads a register, prints every transfer as JSON, and flips DPF after record-dpf", async () => {
    const loaded = await vvt(["load-fixture", fileOf("cegedim-ebusiness.json")]);
    const report = JSON.parse(loaded.stdout) as FixtureLoadReport;
    expect(report.created.transfers).toBe(11);

    type Row = { transferId: string; activity: string; recipient: string; country: string; mechanism: string; verdict: string; vendorId: string | null; reasons: { ruleId: string }[] };
    const risk = async (extra: string[] = []) => JSON.parse((await vvt(["risk", "--org", report.organisationId, "--json", ...extra])).stdout) as Row[];
    const rows = await risk();
    expect(rows).toHaveLength(11);
    for (const r of rows) expect(r).toMatchObject({ activity: expect.any(String), recipient: expect.any(String), country: "US", mechanism: expect.any(String) });
    const dpf = rows.filter((r) => r.mechanism === "DPF");
    expect(dpf.map((r) => r.verdict)).toEqual(dpf.map(() => "critical"));

    for (const vendorId of new Set(dpf.map((r) => r.vendorId))) {
      if (vendorId) await vvt(["record-dpf", "--vendor", vendorId, "--status", "ACTIVE", "--checked-by", "DSB"]);
    }
    expect((await risk()).filter((r) => r.mechanism === "DPF").map((r) => r.verdict)).toEqual(dpf.map(() => "ok"));
    expect((await risk(["--as-of", "2022-07-01"])).filter((r) => r.mechanism === "DPF").map((r) => r.verdict)).toEqual(dpf.map(() => "critical"));
  }, 120_000);

  it("exits 1 on an invalid register file", async () => {
    const bad = path.join(tmp, "bad.json");
    writeFileSync(bad, JSON.stringify({ controller: {} }));
    await expect(vvt(["load-fixture", bad])).rejects.toMatchObject({ code: 1 });
  }, 60_000);
});
