// Captures the main screens for the README (docs/screenshots/): register list, activity detail, activity
// form, history diff, vendor detail. Each capture also asserts the screen shows what it is meant to show.
import path from "node:path";
import { test, expect, createStaffUser, demoOrganisations, e2eDb, signInContext } from "./fixtures";

const shot = (name: string) => path.resolve(import.meta.dirname, "../docs/screenshots", `${name}.png`);

test("main screens are captured for the README", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const [org] = await demoOrganisations();
  const dpo = await createStaffUser({ orgId: org.id, role: "DPO", name: "Dora DSB" });
  await signInContext(page.context(), dpo.id);

  await page.goto(`/o/${org.id}/activities`);
  await expect(page.getByRole("table").getByRole("row").nth(1)).toBeVisible();
  await page.screenshot({ path: shot("register-list"), fullPage: false });

  const activity = await e2eDb().processingActivity.findFirstOrThrow({
    where: { organisationId: org.id, archivedAt: null, recipients: { some: { transfers: { some: {} } } } },
    orderBy: { referenceNumber: "asc" },
    select: { id: true, name: true },
  });
  await page.goto(`/o/${org.id}/activities/${activity.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(activity.name);
  await page.screenshot({ path: shot("activity-detail"), fullPage: false });

  await page.goto(`/o/${org.id}/activities/${activity.id}/edit`);
  const name = page.getByLabel("Bezeichnung der Verarbeitungstätigkeit");
  await expect(name).toHaveValue(activity.name);
  await page.screenshot({ path: shot("activity-form"), fullPage: false });
  await name.fill(`${activity.name} (überarbeitet)`);
  await page.getByLabel("Änderungsgrund", { exact: true }).fill("Bezeichnung präzisiert");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("(überarbeitet)");

  await page.goto(`/o/${org.id}/activities/${activity.id}/history`);
  await expect(page.getByText("Bezeichnung präzisiert").first()).toBeVisible();
  await page.screenshot({ path: shot("history-diff"), fullPage: false });

  const vendor = await e2eDb().vendor.findFirstOrThrow({ where: { organisationId: org.id, subProcessors: { some: {} } }, select: { id: true, name: true } });
  await page.goto(`/o/${org.id}/vendors/${vendor.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(vendor.name);
  await page.screenshot({ path: shot("vendor-detail"), fullPage: false });
});
