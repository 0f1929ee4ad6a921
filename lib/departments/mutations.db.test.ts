// Department mutations on SQLite and PostgreSQL: create/update with optimistic concurrency, unique name per
// organisation, archive/restore, revision + audit per success and none on failure, cross-organisation ids
// refused, the VIEWER role lacks the permission, the chain verifies.
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAuditChain, type Actor } from "@/lib/audit";
import { can } from "@/lib/domain/permissions";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { createDepartmentTx, setDepartmentArchivedTx, updateDepartmentTx } from "@/lib/departments/mutations";
import { departmentCreateSchema, departmentUpdateSchema } from "@/lib/departments/schema";
import { createOrganisation } from "@/e2e/factories";

const dana: Actor = { id: null, name: "Dana Datenschutz" };
let n = 0;
const name = () => `Abteilung T-${++n}`;

describeEachProvider("Department mutations", (provider) => {
  let t: TestDatabase;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    orgA = (await createOrganisation(t.db)).id;
    orgB = (await createOrganisation(t.db)).id;
  });
  afterAll(async () => { await t.drop(); });

  const counts = async (entityId: string) => ({
    revisions: await t.db.revision.count({ where: { entityType: "Department", entityId } }),
    events: await t.db.auditEvent.count({ where: { entityType: "Department", entityId } }),
  });
  const create = async (orgId: string, over: Record<string, string> = {}) => {
    const r = await t.db.$transaction((tx) => createDepartmentTx(tx, dana, orgId, departmentCreateSchema.parse({ name: name(), ...over })));
    if (!r.ok) throw new Error("create failed");
    return r.id;
  };

  it("creates a department; updates with the current version only; a stale save names who changed it", async () => {
    const r = await t.db.$transaction((tx) => createDepartmentTx(tx, dana, orgA, departmentCreateSchema.parse({ name: "Personalabteilung", contactName: "Petra Personal", contactEmail: "personal@example.org", contactPhone: "+49 30 1234" })));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await t.db.department.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ name: "Personalabteilung", contactEmail: "personal@example.org", version: 1, organisationId: orgA });
    expect(await counts(r.id)).toEqual({ revisions: 1, events: 1 });
    expect((await t.db.auditEvent.findFirstOrThrow({ where: { entityType: "Department", entityId: r.id } })).action).toBe("department.create");

    const update = departmentUpdateSchema.parse({ name: "Personal und Recht", contactName: "Petra Personal", version: "1" });
    expect(await t.db.$transaction((tx) => updateDepartmentTx(tx, dana, orgA, r.id, update))).toEqual({ ok: true, id: r.id });
    expect(await t.db.department.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ name: "Personal und Recht", contactEmail: null, version: 2 });
    const stale = await t.db.$transaction((tx) => updateDepartmentTx(tx, dana, orgA, r.id, { ...update, name: "stale" }));
    expect(stale).toMatchObject({ ok: false, error: "conflict", conflict: { by: "Dana Datenschutz", version: 2 } });
    if (!stale.ok && stale.conflict) expect(stale.conflict.changes.name).toEqual({ old: "Personal und Recht", new: "stale" });
    expect(await counts(r.id)).toEqual({ revisions: 2, events: 2 });
    const revision = await t.db.revision.findFirstOrThrow({ where: { entityType: "Department", entityId: r.id, version: 2 } });
    expect(revision).toMatchObject({ action: "update", organisationId: orgA });
    expect(revision.changes).toMatchObject({ name: { old: "Personalabteilung", new: "Personal und Recht" }, contactEmail: { old: "personal@example.org", new: null } });
  });

  it("exactly one of 10 parallel saves wins", async () => {
    const id = await create(orgA);
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) =>
      t.db.$transaction((tx) => updateDepartmentTx(tx, dana, orgA, id, departmentUpdateSchema.parse({ name: `Vertrieb ${n}-${i}`, version: "1" })))));
    expect(results.filter((x) => x.status === "fulfilled" && x.value.ok)).toHaveLength(1);
    expect((await t.db.department.findUniqueOrThrow({ where: { id } })).version).toBe(2);
    expect(await counts(id)).toEqual({ revisions: 2, events: 2 });
  });

  it("refuses a name already used in the organisation (create and update) without writing; other organisations may reuse it", async () => {
    await create(orgA, { name: "IT" });
    const other = await create(orgA);
    const events = await t.db.auditEvent.count();
    expect(await t.db.$transaction((tx) => createDepartmentTx(tx, dana, orgA, departmentCreateSchema.parse({ name: "IT" })))).toEqual({ ok: false, error: "duplicate", field: "name" });
    expect(await t.db.$transaction((tx) => updateDepartmentTx(tx, dana, orgA, other, departmentUpdateSchema.parse({ name: "IT", version: "1" })))).toEqual({ ok: false, error: "duplicate", field: "name" });
    expect(await t.db.auditEvent.count()).toBe(events);
    expect(await counts(other)).toEqual({ revisions: 1, events: 1 });
    await create(orgB, { name: "IT" });
  });

  it("refuses ids of another organisation without writing (a miss, not a refusal)", async () => {
    const foreign = await create(orgB);
    const events = await t.db.auditEvent.count();
    expect(await t.db.$transaction((tx) => updateDepartmentTx(tx, dana, orgA, foreign, departmentUpdateSchema.parse({ name: "Übernahme", version: "1" })))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.$transaction((tx) => setDepartmentArchivedTx(tx, dana, orgA, foreign, 1, true))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.auditEvent.count()).toBe(events);
    expect(await t.db.department.findUniqueOrThrow({ where: { id: foreign } })).toMatchObject({ archivedAt: null, version: 1 });
  });

  it("archives and restores (never deletes); an archived department cannot be edited; a stale archive is refused; the chain verifies", async () => {
    const id = await create(orgA);
    expect(await t.db.$transaction((tx) => setDepartmentArchivedTx(tx, dana, orgA, id, 1, true))).toEqual({ ok: true, id });
    expect((await t.db.department.findUniqueOrThrow({ where: { id } })).archivedAt).not.toBeNull();
    expect(await t.db.$transaction((tx) => setDepartmentArchivedTx(tx, dana, orgA, id, 2, true))).toEqual({ ok: false, error: "conflict" });
    expect(await t.db.$transaction((tx) => setDepartmentArchivedTx(tx, dana, orgA, id, 1, false))).toEqual({ ok: false, error: "conflict" });
    expect(await t.db.$transaction((tx) => updateDepartmentTx(tx, dana, orgA, id, departmentUpdateSchema.parse({ name: "X", version: "2" })))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.$transaction((tx) => setDepartmentArchivedTx(tx, dana, orgA, id, 2, false))).toEqual({ ok: true, id });
    expect(await t.db.department.findUniqueOrThrow({ where: { id } })).toMatchObject({ archivedAt: null, version: 3 });
    expect(await counts(id)).toEqual({ revisions: 3, events: 3 });
    const actions = await t.db.auditEvent.findMany({ where: { entityType: "Department", entityId: id }, orderBy: { seq: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["department.create", "department.archive", "department.restore"]);
    expect(departmentCreateSchema.safeParse({ name: "U", contactEmail: "kein-email" }).success).toBe(false);
    expect(departmentCreateSchema.safeParse({ name: "U", extra: "x" }).success).toBe(false);
    expect((await verifyAuditChain(t.db, orgA)).ok).toBe(true);
    expect((await verifyAuditChain(t.db, orgB)).ok).toBe(true);
  });

  it("only DPO, ADMIN and EDITOR may write departments; a VIEWER is refused", () => {
    const member = (role: "DPO" | "EDITOR" | "VIEWER") => ({ id: "u", isAdmin: false, memberships: [{ orgId: orgA, role }], vendorContacts: [] });
    expect(can(member("VIEWER"), "department:write", orgA)).toBe(false);
    expect(can(member("EDITOR"), "department:write", orgA)).toBe(true);
    expect(can(member("DPO"), "department:write", orgB)).toBe(false);
  });
});
