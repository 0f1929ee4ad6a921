// C04: every server action of the build has a row in this access table (deny by default), and a VIEWER
// calling any action that needs a permission it lacks is refused without changing the database.
import { readFileSync } from "node:fs";
import path from "node:path";
import { PERMISSIONS, type Permission } from "@/lib/domain/permissions";
import { test, expect, createStaffUser, demoOrganisations, e2eDb, signInContext, unique } from "../fixtures";

/** "<file>#<export>" → the permission the action checks, or "public" (usable without a role). */
const ACTION_ACCESS: Record<string, Permission | "public"> = {
  "app/(auth)/login/actions.ts#requestSignInLink": "public",
  "app/(auth)/login/actions.ts#signInWithSingleSignOn": "public",
  "app/(auth)/logout/actions.ts#signOut": "public",
  "lib/i18n/actions.ts#setLocale": "public",
  "lib/reference-data/actions.ts#createAdequacyDecision": "reference-data:manage",
  "lib/activities/actions.ts#createActivity": "activity:write",
  "lib/activities/actions.ts#updateActivity": "activity:write",
  "lib/activities/actions.ts#submitActivityForReview": "activity:write",
  "lib/activities/actions.ts#releaseActivity": "activity:release",
  "lib/activities/actions.ts#returnActivityToDraft": "activity:write",
  "lib/activities/actions.ts#archiveActivity": "activity:archive",
  "lib/activities/actions.ts#restoreActivity": "activity:archive",
  "lib/activities/actions.ts#confirmActivityReview": "activity:write",
  "lib/activities/actions.ts#restoreActivityRevision": "activity:write",
  "lib/activities/actions.ts#copyActivity": "activity:write", // register:read on the source, activity:write on the target
  "lib/dpia/actions.ts#recordDpiaDecision": "dpia:decide",
  "lib/dpia/actions.ts#saveDpiaCriteria": "activity:write",
  "lib/memberships/actions.ts#addMember": "member:manage",
  "lib/memberships/actions.ts#changeMemberRole": "member:manage",
  "lib/memberships/actions.ts#removeMember": "member:manage",
  "lib/vendors/actions.ts#createVendor": "vendor:write",
  "lib/vendors/actions.ts#updateVendor": "vendor:write",
  "lib/vendors/actions.ts#archiveVendor": "vendor:archive",
  "lib/vendors/actions.ts#restoreVendor": "vendor:archive",
  "lib/vendors/actions.ts#addVendorLocation": "vendor:write",
  "lib/vendors/actions.ts#removeVendorLocation": "vendor:write",
  "lib/vendors/actions.ts#addVendorCertification": "vendor:write",
  "lib/vendors/actions.ts#removeVendorCertification": "vendor:write",
  "lib/vendors/actions.ts#addVendorDpfCheck": "vendor:write",
  "lib/vendors/actions.ts#addVendorSubProcessor": "vendor:write",
  "lib/vendors/actions.ts#removeVendorSubProcessor": "vendor:write",
  "lib/vendors/actions.ts#addVendorContact": "vendor:write",
  "lib/vendors/actions.ts#disableVendorContact": "vendor:write",
  "lib/agreements/actions.ts#createAgreement": "dpa:write",
  "lib/agreements/actions.ts#updateAgreement": "dpa:write",
  "lib/agreements/actions.ts#archiveAgreement": "dpa:write",
  "lib/agreements/actions.ts#restoreAgreement": "dpa:write",
  "lib/recipients/actions.ts#addRecipient": "transfer:write",
  "lib/recipients/actions.ts#updateRecipient": "transfer:write",
  "lib/recipients/actions.ts#removeRecipient": "transfer:write",
  "lib/recipients/actions.ts#addTransfer": "transfer:write",
  "lib/recipients/actions.ts#updateTransfer": "transfer:write",
  "lib/recipients/actions.ts#archiveTransfer": "transfer:write",
  "lib/organisations/actions.ts#updateOrganisation": "organisation:manage",
  "lib/departments/actions.ts#createDepartment": "department:write",
  "lib/departments/actions.ts#updateDepartment": "department:write",
  "lib/departments/actions.ts#archiveDepartment": "department:write",
  "lib/departments/actions.ts#restoreDepartment": "department:write",
  "lib/vocabulary/actions.ts#createVocabularyTerm": "vocabulary:write",
  "lib/vocabulary/actions.ts#updateVocabularyTerm": "vocabulary:write",
  "lib/vocabulary/actions.ts#archiveVocabularyTerm": "vocabulary:write",
  "lib/vocabulary/actions.ts#restoreVocabularyTerm": "vocabulary:write",
  "lib/toms/actions.ts#createTom": "tom:write",
  "lib/toms/actions.ts#updateTom": "tom:write",
  "lib/toms/actions.ts#archiveTom": "tom:write",
  "lib/toms/actions.ts#restoreTom": "tom:write",
  "lib/tias/actions.ts#createTia": "tia:write",
  "lib/tias/actions.ts#updateTia": "tia:write",
  "lib/tias/actions.ts#archiveTia": "tia:write",
  "lib/tias/actions.ts#restoreTia": "tia:write",
  "lib/tias/actions.ts#restoreTiaRevision": "tia:write",
  "lib/toms/actions.ts#restoreTomRevision": "tom:write",
  "lib/agreements/actions.ts#restoreAgreementRevision": "dpa:write",
  "lib/vendors/actions.ts#restoreVendorRevision": "vendor:write",
};

/** The body React sends for `action(boundOrgId, prevState, formData)`: form fields first, then the argument list "0" (order matters: the server resolves "$K1" when "0" arrives). */
function actionBody(orgId: string, fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(`_1_${k}`, v);
  form.append("0", JSON.stringify([orgId, {}, "$K1"]));
  return form;
}

type ManifestEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };
function manifestActions(): { id: string; key: string; page: string }[] {
  const file = path.resolve(import.meta.dirname, "../../.next/server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node).map(([id, e]) => ({ id, key: `${e.filename}#${e.exportedName}`, page: Object.keys(e.workers)[0] ?? "" }));
}

/** A register fingerprint: row counts of every table a mutation could touch, plus the audit head. */
async function fingerprint() {
  const db = e2eDb();
  const counts = await Promise.all([
    db.user.count(), db.membership.count(), db.organisation.count(), db.processingActivity.count(), db.vendor.count(),
    db.recipient.count(), db.transfer.count(), db.revision.count(), db.auditEvent.count(), db.vendorContact.count(),
  ]);
  const head = await db.auditChainHead.findMany({ orderBy: { chainId: "asc" }, select: { chainId: true, seq: true, hash: true } });
  const roles = await db.membership.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true } });
  return JSON.stringify({ counts, head, roles });
}

test("every server action has an access rule (deny by default)", () => {
  const missing = manifestActions().filter((a) => !(a.key in ACTION_ACCESS)).map((a) => a.key);
  expect(missing).toEqual([]);
});

test("a VIEWER calling each mutation directly is refused and nothing changes", async ({ page }) => {
  const [org] = await demoOrganisations();
  const viewer = await createStaffUser({ orgId: org.id, role: "VIEWER" });
  const victim = await createStaffUser({ orgId: org.id, role: "EDITOR" });
  const victimMembership = await e2eDb().membership.findFirstOrThrow({ where: { userId: victim.id }, select: { id: true } });
  await signInContext(page.context(), viewer.id);

  const guarded = manifestActions().filter((a) => {
    const p = ACTION_ACCESS[a.key];
    return p !== undefined && p !== "public" && !(PERMISSIONS[p] as readonly string[]).includes("VIEWER");
  });
  expect(guarded.length).toBeGreaterThan(0);
  const before = await fingerprint();
  for (const action of guarded) {
    const url = "/" + action.page.replace(/^app\//, "").replace(/\/page$/, "").replace(/\([^)]+\)\//g, "").replace("[orgId]", org.id);
    const multipart = actionBody(org.id, { email: `${unique("c04")}@e2e.example`, role: "ADMIN", membershipId: victimMembership.id, name: "C04" });
    const r = await page.request.post(url, { headers: { "next-action": action.id, accept: "text/x-component", origin: process.env.E2E_BASE_URL ?? "http://localhost:3100" }, multipart });
    expect(r.headers()["x-action-redirect"], action.key).toBeUndefined();
    expect(await r.text(), action.key).not.toContain('"ok":true');
  }
  expect(await fingerprint()).toBe(before);

  // Control: the same hand-made request as a DPO does write, so the refusals above are not an artefact.
  const dpo = await createStaffUser({ orgId: org.id, role: "DPO" });
  await page.context().clearCookies();
  await signInContext(page.context(), dpo.id);
  const add = guarded.find((a) => a.key.endsWith("#addMember"));
  const email = `${unique("control")}@e2e.example`;
  const r = await page.request.post(`/o/${org.id}/settings/members`, {
    headers: { "next-action": add!.id, accept: "text/x-component", origin: process.env.E2E_BASE_URL ?? "http://localhost:3100" },
    multipart: actionBody(org.id, { email, role: "VIEWER" }),
  });
  expect(await r.text()).toContain('"ok":true');
  expect(await e2eDb().user.count({ where: { email } })).toBe(1);
});
