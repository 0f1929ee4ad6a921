// TOM catalogue and TIAs in the browser: a DPO records a measure and finds it in the catalogue; a bad URL is
// refused next to its field; a VIEWER sees the TIA list without controls.
import { test, expect, createStaffUser, demoOrganisations, e2eDb, signInContext, unique } from "./fixtures";

test("a DPO records a TOM; a javascript: URL is refused next to the field and the input is kept", async ({ page }) => {
  const [org] = await demoOrganisations();
  const dpo = await createStaffUser({ orgId: org.id, role: "DPO" });
  await signInContext(page.context(), dpo.id);
  const code = unique("TOM-ZK");

  await page.goto(`/o/${org.id}/toms/new`);
  await page.getByLabel("Kennung").fill(code);
  await page.getByRole("textbox", { name: "Titel", exact: true }).fill("Zwei-Faktor-Anmeldung für alle Administratoren");
  await page.getByLabel("Dokument (URL)").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Nur http(s)-Adressen sind erlaubt.")).toBeVisible();
  await expect(page.getByLabel("Kennung")).toHaveValue(code);
  expect(await e2eDb().technicalOrganisationalMeasure.count({ where: { code } })).toBe(0);

  await page.getByLabel("Dokument (URL)").fill("https://intranet.example/richtlinie-2fa.pdf");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Zwei-Faktor-Anmeldung");
  await page.goto(`/o/${org.id}/toms?q=${encodeURIComponent("zwei-faktor")}`);
  await expect(page.getByText(code)).toBeVisible();
  const tom = await e2eDb().technicalOrganisationalMeasure.findFirstOrThrow({ where: { code }, select: { id: true } });
  expect(await e2eDb().revision.count({ where: { entityType: "Tom", entityId: tom.id } })).toBe(1);
});

test("a VIEWER sees the TIAs but no control to change them", async ({ page }) => {
  const [org] = await demoOrganisations();
  const viewer = await createStaffUser({ orgId: org.id, role: "VIEWER" });
  await signInContext(page.context(), viewer.id);
  const tia = await e2eDb().transferImpactAssessment.findFirstOrThrow({ where: { organisationId: org.id }, select: { id: true, title: true } });
  await page.goto(`/o/${org.id}/tias`);
  await expect(page.getByRole("link", { name: tia.title })).toBeVisible();
  await expect(page.getByRole("link", { name: "Neues TIA" })).toHaveCount(0);
  await page.getByRole("link", { name: tia.title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(tia.title);
  await expect(page.getByRole("link", { name: "Bearbeiten" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Archivieren" })).toHaveCount(0);
  expect((await page.goto(`/o/${org.id}/tias/${tia.id}/edit`))?.status()).toBe(404);
});
