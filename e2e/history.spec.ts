// Version history (C33) in the browser: a vendor's field diff (old → new) with the form's labels and restoring
// an older version with a reason as a new version; a VIEWER reads the history without a restore control; an
// activity restore brings back a transfer that was archived after that version.
import { test, expect, createStaffUser, demoOrganisations, e2eDb, signInContext, unique } from "./fixtures";
import type { Actor } from "@/lib/audit";
import { createVendorTx, updateVendorTx, type MutationResult } from "@/lib/vendors/mutations";
import { vendorCreateSchema, vendorUpdateSchema } from "@/lib/vendors/schema";
import { createActivity } from "./factories";
import { addRecipientTx, addTransferTx, archiveTransferTx, type ChildResult } from "@/lib/recipients/mutations";
import { recipientCreateSchema, transferCreateSchema } from "@/lib/recipients/schema";

const SEED: Actor = { id: null, name: "Erika Eingabe" };
const ok = <T extends MutationResult | ChildResult>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error(`test data: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
};

async function vendorWithTwoVersions(orgId: string) {
  const db = e2eDb();
  const name = unique("Rechenzentrum GmbH");
  const v = ok(await db.$transaction((tx) => createVendorTx(tx, SEED, orgId, vendorCreateSchema.parse({ name, kind: "PROCESSOR", country: "DE", city: "Berlin" }))));
  ok(await db.$transaction((tx) => updateVendorTx(tx, SEED, orgId, v.id, vendorUpdateSchema.parse({ name, kind: "PROCESSOR", country: "DE", city: "München", version: "1", reason: "Umzug" }))));
  return v.id;
}

test("vendor history: field diff with labels, restore of version 1 with a reason as version 3", async ({ page }) => {
  const [org] = await demoOrganisations();
  const dpo = await createStaffUser({ orgId: org.id, role: "DPO", name: "Hanna Historie" });
  const id = await vendorWithTwoVersions(org.id);
  await signInContext(page.context(), dpo.id);

  await page.goto(`/o/${org.id}/vendors/${id}`);
  await page.getByRole("link", { name: "Versionshistorie" }).click();
  const v2 = page.getByRole("article", { name: /Version 2/ });
  await expect(v2).toContainText("Grund: Umzug");
  const cityRow = v2.getByRole("row", { name: /^Ort/ });
  await expect(cityRow.getByRole("cell").nth(0)).toHaveText("Berlin");
  await expect(cityRow.getByRole("cell").nth(1)).toHaveText("München");

  // Without a reason the restore is refused next to the field.
  const v1 = page.getByRole("article", { name: /Version 1/ });
  await v1.getByRole("button", { name: "Version 1 wiederherstellen" }).click();
  await expect(v1.getByLabel("Grund der Wiederherstellung von Version 1")).toBeFocused();
  await v1.getByLabel("Grund der Wiederherstellung von Version 1").fill("Umzug war ein Irrtum");
  await v1.getByRole("button", { name: "Version 1 wiederherstellen" }).click();
  await expect(page.getByRole("status")).toHaveText("Version 1 wurde als neue Version wiederhergestellt.");
  const v3 = page.getByRole("article", { name: /Version 3/ });
  await expect(v3).toContainText("Ältere Version wiederhergestellt");
  await expect(v3).toContainText("Wiederhergestellt aus Version 1");
  await expect(v3).toContainText("Grund: Umzug war ein Irrtum");
  await expect(v3.getByRole("row", { name: /^Ort/ }).getByRole("cell").nth(1)).toHaveText("Berlin");
  const stored = await e2eDb().vendor.findUniqueOrThrow({ where: { id } });
  expect(stored).toMatchObject({ city: "Berlin", version: 3 });
  expect(await e2eDb().auditEvent.count({ where: { entityId: id, action: "vendor.revert" } })).toBe(1);
});

test("a VIEWER reads a vendor's history without a restore control; another organisation's vendor is a 404", async ({ page }) => {
  const [org, other] = await demoOrganisations();
  const viewer = await createStaffUser({ orgId: org.id, role: "VIEWER" });
  const id = await vendorWithTwoVersions(org.id);
  const foreign = await vendorWithTwoVersions(other.id);
  await signInContext(page.context(), viewer.id);
  await page.goto(`/o/${org.id}/vendors/${id}/history`);
  await expect(page.getByRole("article", { name: /Version 2/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /wiederherstellen/ })).toHaveCount(0);
  const miss = await page.goto(`/o/${org.id}/vendors/${foreign}/history`);
  expect(miss?.status()).toBe(404);
});

test("activity history: restoring the version before a transfer was archived brings the transfer back", async ({ page }) => {
  const [org] = await demoOrganisations();
  const dpo = await createStaffUser({ orgId: org.id, role: "DPO" });
  const db = e2eDb();
  const vendor = ok(await db.$transaction((tx) => createVendorTx(tx, SEED, org.id, vendorCreateSchema.parse({ name: unique("Cloud Inc."), kind: "PROCESSOR", country: "US" }))));
  // Revision 1 written by the shared factory with the same canonical snapshot as the app's mutations.
  const activityId = (await createActivity(db, org.id, { name: unique("Ticketsystem") }, SEED)).id;
  const recipient = ok(await db.$transaction((tx) => addRecipientTx(tx, SEED, org.id, activityId, recipientCreateSchema.parse({ kind: "VENDOR", vendorId: vendor.id, role: "PROCESSOR", service: "Ticket-Hosting" }))));
  const transfer = ok(await db.$transaction((tx) => addTransferTx(tx, SEED, org.id, activityId, transferCreateSchema.parse({ recipientId: recipient.id, destinationCountry: "US", access: "STORAGE", mechanism: "SCC_2021_M2" }))));
  ok(await db.$transaction((tx) => archiveTransferTx(tx, SEED, org.id, activityId, transfer.id, 1)));
  expect((await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } })).archivedAt).not.toBeNull();
  await signInContext(page.context(), dpo.id);

  await page.goto(`/o/${org.id}/activities/${activityId}/history`);
  const v4 = page.getByRole("article", { name: /Version 4/ });
  await expect(v4.getByRole("row", { name: /Empfänger/ })).toContainText("Archiviert am");
  await expect(page.getByRole("article", { name: /Version 3/ }).getByRole("row", { name: /Empfänger/ })).toContainText("Hinzugefügt");

  await page.getByRole("button", { name: "Version 3 wiederherstellen" }).click();
  await expect(page.getByRole("status")).toHaveText("Version 3 wurde als neue Version wiederhergestellt.");
  const v5 = page.getByRole("article", { name: /Version 5/ });
  await expect(v5).toContainText("Wiederhergestellt aus Version 3");
  await expect(v5.getByRole("row", { name: /Empfänger/ })).toContainText("Archiviert am");
  const back = await db.transfer.findUniqueOrThrow({ where: { id: transfer.id } });
  expect(back).toMatchObject({ archivedAt: null, mechanism: "SCC_2021_M2", recipientId: recipient.id });
});
