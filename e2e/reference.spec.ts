// Legal reference data with its sources: an auditor reads it (incl. "as of" a date) and cannot change it.
import { test, expect, createStaffUser, demoOrganisations, signInContext } from "./fixtures";

test("a VIEWER sees the dated adequacy decisions with their sources and no form to add one", async ({ page }) => {
  const [org] = await demoOrganisations();
  const viewer = await createStaffUser({ orgId: org.id, role: "VIEWER" });
  await signInContext(page.context(), viewer.id);
  await page.goto(`/o/${org.id}/reference`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rechtsgrundlagen-Daten");
  const adequacy = page.getByRole("table", { name: "Angemessenheitsbeschlüsse (Art. 45 DSGVO)" });
  await expect(adequacy.getByText("2023/1795").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Übermittlungsinstrumente" })).toBeVisible();
  await expect(page.locator("#adequacy-new")).toHaveCount(0);

  // As of 1 July 2022 the EU-US DPF decision (10 July 2023) was not yet in force.
  await page.goto(`/o/${org.id}/reference?asOf=2022-07-01`);
  await expect(page.getByText("Angezeigt werden die am")).toBeVisible();
  await expect(page.getByRole("table", { name: "Angemessenheitsbeschlüsse (Art. 45 DSGVO)" }).getByText("2023/1795")).toHaveCount(0);
});
