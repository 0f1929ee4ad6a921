// Membership mutations on SQLite and PostgreSQL: add (new or existing user, duplicate refused), change role,
// remove; one audit event per change and none on a refusal; the last ADMIN/DPO can be neither demoted nor
// removed, also under concurrent changes; ids of another organisation and stale ids (already removed) are
// refused without writing.
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAuditChain, type Actor } from "@/lib/audit";
import { addMemberTx, changeMemberRoleTx, removeMemberTx } from "@/lib/memberships/mutations";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { addMembership, createOrganisation, createUser } from "@/e2e/factories";

const dana: Actor = { id: null, name: "Dana Datenschutz" };
let n = 0;

describeEachProvider("membership mutations", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t.drop();
  });

  const email = () => `person-${provider}-${++n}@example.test`;
  const member = async (orgId: string, role: "ADMIN" | "DPO" | "EDITOR" | "VIEWER") => (await addMembership(t.db, (await createUser(t.db, { email: email() })).id, orgId, role)).id;
  const events = (orgId: string) => t.db.auditEvent.findMany({ where: { organisationId: orgId, entityType: "Membership" }, orderBy: { seq: "asc" }, select: { action: true, entityId: true, changes: true, actorName: true } });

  it("adds a new user and an existing user; a second add of the same person is a duplicate without an event", async () => {
    const org = (await createOrganisation(t.db)).id;
    const newEmail = email();
    const r = await t.db.$transaction((tx) => addMemberTx(tx, dana, org, { email: newEmail, name: "Erika Editor", role: "EDITOR" }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const m = await t.db.membership.findUniqueOrThrow({ where: { id: r.id }, select: { role: true, organisationId: true, user: { select: { email: true, name: true } } } });
    expect(m).toEqual({ role: "EDITOR", organisationId: org, user: { email: newEmail, name: "Erika Editor" } });
    expect(await events(org)).toEqual([{ action: "membership.create", entityId: r.id, actorName: "Dana Datenschutz", changes: { email: newEmail, role: { old: null, new: "EDITOR" } } }]);

    const existing = await createUser(t.db, { email: email(), name: "Vera Viewer" });
    const r2 = await t.db.$transaction((tx) => addMemberTx(tx, dana, org, { email: existing.email, name: "ignored", role: "VIEWER" }));
    expect(r2.ok).toBe(true);
    expect(await t.db.user.findUniqueOrThrow({ where: { id: existing.id }, select: { name: true } })).toEqual({ name: "Vera Viewer" });
    expect(await t.db.user.count({ where: { email: existing.email } })).toBe(1);

    expect(await t.db.$transaction((tx) => addMemberTx(tx, dana, org, { email: newEmail, role: "DPO" }))).toEqual({ ok: false, error: "duplicate" });
    expect(await t.db.membership.count({ where: { organisationId: org } })).toBe(2);
    expect(await events(org)).toHaveLength(2);
    expect(await verifyAuditChain(t.db, org)).toMatchObject({ ok: true });
  });

  it("changes a role with one event; the same role again is ok without an event", async () => {
    const org = (await createOrganisation(t.db)).id;
    await member(org, "DPO");
    const id = await member(org, "VIEWER");
    expect(await t.db.$transaction((tx) => changeMemberRoleTx(tx, dana, org, { membershipId: id, role: "EDITOR" }))).toEqual({ ok: true, id });
    expect((await t.db.membership.findUniqueOrThrow({ where: { id } })).role).toBe("EDITOR");
    expect(await t.db.$transaction((tx) => changeMemberRoleTx(tx, dana, org, { membershipId: id, role: "EDITOR" }))).toEqual({ ok: true, id });
    expect(await events(org)).toEqual([{ action: "membership.update", entityId: id, actorName: "Dana Datenschutz", changes: { role: { old: "VIEWER", new: "EDITOR" } } }]);
  });

  it("removes a member with one event; the user account stays; a stale (already removed) id is refused without an event", async () => {
    const org = (await createOrganisation(t.db)).id;
    await member(org, "DPO");
    const id = await member(org, "EDITOR");
    const userId = (await t.db.membership.findUniqueOrThrow({ where: { id } })).userId;
    const userEmail = (await t.db.user.findUniqueOrThrow({ where: { id: userId } })).email;
    expect(await t.db.$transaction((tx) => removeMemberTx(tx, dana, org, { membershipId: id }))).toEqual({ ok: true, id });
    expect(await t.db.membership.findUnique({ where: { id } })).toBeNull();
    expect(await t.db.user.findUnique({ where: { id: userId } })).not.toBeNull();
    expect(await events(org)).toEqual([{ action: "membership.delete", entityId: id, actorName: "Dana Datenschutz", changes: { email: userEmail, role: { old: "EDITOR", new: null } } }]);

    // A second tab still shows the removed member: both actions refuse the stale id.
    expect(await t.db.$transaction((tx) => removeMemberTx(tx, dana, org, { membershipId: id }))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.$transaction((tx) => changeMemberRoleTx(tx, dana, org, { membershipId: id, role: "VIEWER" }))).toEqual({ ok: false, error: "not-found" });
    expect(await events(org)).toHaveLength(1);
  });

  it("keeps the last ADMIN/DPO: demoting or removing them is refused; with a second manager it is allowed", async () => {
    const org = (await createOrganisation(t.db)).id;
    const dpo = await member(org, "DPO");
    await member(org, "EDITOR");
    expect(await t.db.$transaction((tx) => changeMemberRoleTx(tx, dana, org, { membershipId: dpo, role: "EDITOR" }))).toEqual({ ok: false, error: "last-manager" });
    expect(await t.db.$transaction((tx) => removeMemberTx(tx, dana, org, { membershipId: dpo }))).toEqual({ ok: false, error: "last-manager" });
    // DPO → ADMIN keeps a manager.
    expect(await t.db.$transaction((tx) => changeMemberRoleTx(tx, dana, org, { membershipId: dpo, role: "ADMIN" }))).toEqual({ ok: true, id: dpo });
    expect(await events(org)).toHaveLength(1);

    const second = await member(org, "DPO");
    expect(await t.db.$transaction((tx) => changeMemberRoleTx(tx, dana, org, { membershipId: dpo, role: "VIEWER" }))).toEqual({ ok: true, id: dpo });
    expect(await t.db.$transaction((tx) => removeMemberTx(tx, dana, org, { membershipId: second }))).toEqual({ ok: false, error: "last-manager" });
    expect(await t.db.membership.count({ where: { organisationId: org, role: { in: ["ADMIN", "DPO"] } } })).toBe(1);
  });

  it("of two concurrent removals of the only two DPOs exactly one succeeds", async () => {
    const org = (await createOrganisation(t.db)).id;
    const a = await member(org, "DPO");
    const b = await member(org, "DPO");
    const results = await Promise.allSettled([a, b].map((membershipId) => t.db.$transaction((tx) => removeMemberTx(tx, dana, org, { membershipId }))));
    expect(results.filter((r) => r.status === "fulfilled" && r.value.ok)).toHaveLength(1);
    expect(await t.db.membership.count({ where: { organisationId: org, role: "DPO" } })).toBe(1);
    expect(await events(org)).toHaveLength(1);
  });

  it("refuses membership ids of another organisation without writing", async () => {
    const orgA = (await createOrganisation(t.db)).id;
    const orgB = (await createOrganisation(t.db)).id;
    await member(orgA, "DPO");
    await member(orgB, "DPO");
    const foreign = await member(orgB, "EDITOR");
    expect(await t.db.$transaction((tx) => changeMemberRoleTx(tx, dana, orgA, { membershipId: foreign, role: "VIEWER" }))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.$transaction((tx) => removeMemberTx(tx, dana, orgA, { membershipId: foreign }))).toEqual({ ok: false, error: "not-found" });
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: foreign } })).role).toBe("EDITOR");
    expect(await events(orgA)).toEqual([]);
    expect(await events(orgB)).toEqual([]);
  });

  it("refuses an unknown organisation", async () => {
    expect(await t.db.$transaction((tx) => addMemberTx(tx, dana, "no-such-org", { email: email(), role: "VIEWER" }))).toEqual({ ok: false, error: "not-found" });
  });
});
