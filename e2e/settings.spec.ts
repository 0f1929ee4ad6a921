// Organisation settings in the browser: a DPO edits the cover sheet (a bad e-mail address is refused next to
// its field and the input is kept), adds and archives/restores a department and adds an own personal-data
// category, which the activity form then offers in its picker; the reviews page lists an overdue review; a
// VIEWER sees the cover sheet without the edit control.
import { test, expect, createStaffUser, e2eDb, signInContext, unique } from "./fixtures";
import { createActivity, createOrganisation } from "./factories";

test("a DPO maintains the cover sheet, a department and an own data category that the activity form offers", async ({ page }) => {
  const org = await createOrganisation(e2eDb(), { name: unique("Vorblatt GmbH") });
  const dpo = await createStaffUser({ orgId: org.id, role: "DPO" });
  await signInContext(page.context(), dpo.id);

  // Cover sheet: an invalid e-mail address is refused next to the field; what was typed stays.
  await page.goto(`/o/${org.id}/settings/organisation`);
  await page.getByRole("link", { name: "Vorblatt bearbeiten" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vorblatt bearbeiten");
  const controller = page.getByRole("group", { name: "Verantwortlicher" });
  const dpoGroup = page.getByRole("group", { name: "Datenschutzbeauftragte/r" });
  const newName = unique("Muster & Söhne GmbH");
  await controller.getByLabel("Name (Firma)").fill(newName);
  await controller.getByLabel("Ort", { exact: true }).fill("Leipzig");
  await controller.getByLabel("E-Mail-Adresse").fill("keine-adresse");
  await dpoGroup.getByLabel("Name", { exact: true }).fill("Dr. Dana Datenschutz");
  await dpoGroup.getByLabel("Externe/r Datenschutzbeauftragte/r").check();
  await dpoGroup.getByLabel("Unternehmen").fill("Datenschutz Extern GmbH");
  await page.getByLabel("Aufsichtsbehörde").fill("Sächsische Datenschutz- und Transparenzbeauftragte");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Bitte eine gültige E-Mail-Adresse eingeben.")).toBeVisible();
  await expect(controller.getByLabel("Name (Firma)")).toHaveValue(newName);
  await expect(dpoGroup.getByLabel("Externe/r Datenschutzbeauftragte/r")).toBeChecked();
  expect((await e2eDb().organisation.findUniqueOrThrow({ where: { id: org.id } })).version).toBe(1);

  await controller.getByLabel("E-Mail-Adresse").fill("datenschutz@muster.example");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Gespeichert.")).toBeVisible();
  await expect(page.getByText("Dr. Dana Datenschutz")).toBeVisible();
  await expect(page.getByText("Sächsische Datenschutz- und Transparenzbeauftragte")).toBeVisible();
  const stored = await e2eDb().organisation.findUniqueOrThrow({ where: { id: org.id } });
  expect(stored).toMatchObject({ name: newName, city: "Leipzig", email: "datenschutz@muster.example", dpoExternal: true, version: 2 });
  expect(await e2eDb().revision.count({ where: { entityType: "Organisation", entityId: org.id } })).toBe(2);
  expect(await e2eDb().auditEvent.count({ where: { entityType: "Organisation", entityId: org.id, action: "organisation.update" } })).toBe(1);

  // Department: add, archive (hidden by default), show archived, restore.
  await page.getByRole("link", { name: "Abteilungen", exact: true }).click();
  await page.getByRole("link", { name: "Neue Abteilung" }).click();
  const department = unique("Personalabteilung");
  await page.getByLabel("Name der Abteilung").fill(department);
  await page.getByLabel("Ansprechperson").fill("Petra Personal");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("cell", { name: department, exact: true })).toBeVisible();
  await page.getByRole("button", { name: `${department} archivieren` }).click();
  await expect(page.getByRole("cell", { name: department, exact: true })).toHaveCount(0);
  await page.getByLabel("Archivierte anzeigen").check();
  await page.getByRole("button", { name: "Anwenden" }).click();
  await page.getByRole("button", { name: `${department} wiederherstellen` }).click();
  await expect(page.getByRole("button", { name: `${department} archivieren` })).toBeVisible();

  // Own personal-data category with the special-category mark.
  await page.goto(`/o/${org.id}/settings/vocabulary`);
  await page.getByRole("link", { name: "Neuer Begriff" }).click();
  await expect(page.getByLabel("Art des Begriffs")).toHaveValue("DATA_CATEGORY");
  const term = unique("Biometrische Zutrittsdaten");
  await page.getByLabel("Bezeichnung (Deutsch)").fill(term);
  await page.getByLabel("Bezeichnung (Englisch)").fill("Biometric access data");
  await page.getByLabel("Besondere Kategorie personenbezogener Daten").check();
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("cell", { name: term, exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: /Mitgelieferte Begriffe/ }).getByRole("cell", { name: "Gesundheitsdaten" })).toBeVisible();
  const stored2 = await e2eDb().vocabularyTerm.findFirstOrThrow({ where: { organisationId: org.id, labelDe: term } });
  expect(stored2).toMatchObject({ kind: "DATA_CATEGORY", isSpecialCategory: true, labelEn: "Biometric access data" });

  // The activity form offers the new term and the department.
  await page.goto(`/o/${org.id}/activities/new`);
  await expect(page.getByLabel("Verantwortliche Fachabteilung").locator("option", { hasText: department })).toHaveCount(1);
  await page.getByRole("button", { name: "Datenkategorie hinzufügen" }).click();
  const category = page.getByRole("group", { name: "Datenkategorie 1" });
  await category.getByLabel("Kategorie personenbezogener Daten").selectOption({ label: term });
  await expect(category.getByLabel("Kategorie personenbezogener Daten")).toHaveValue(stored2.code);
});

test("the reviews page lists an overdue review; a VIEWER reads the cover sheet without the edit control", async ({ page }) => {
  const org = await createOrganisation(e2eDb(), { name: unique("Prüfung GmbH") });
  const activity = await createActivity(e2eDb(), org.id, { name: unique("Lohnbuchhaltung"), nextReviewAt: new Date("2020-01-01T00:00:00.000Z") });
  const viewer = await createStaffUser({ orgId: org.id, role: "VIEWER" });
  await signInContext(page.context(), viewer.id);

  await page.goto(`/o/${org.id}`);
  await page.getByRole("link", { name: "Alle fälligen Überprüfungen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fällige Überprüfungen");
  await expect(page.getByRole("region", { name: /Überfällig/ }).getByRole("link", { name: activity.name })).toBeVisible();

  await page.getByRole("link", { name: "Einstellungen", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vorblatt des Verzeichnisses");
  await expect(page.getByRole("link", { name: "Vorblatt bearbeiten" })).toHaveCount(0);
  expect((await page.goto(`/o/${org.id}/settings/organisation/edit`))?.status()).toBe(404);
  await page.goto(`/o/${org.id}/settings/departments`);
  await expect(page.getByRole("link", { name: "Neue Abteilung" })).toHaveCount(0);
});

test("another organisation's settings, departments and terms are a 404 for a DPO of organisation A", async ({ page }) => {
  const a = await createOrganisation(e2eDb(), { name: unique("Mandant A GmbH") });
  const b = await createOrganisation(e2eDb(), { name: unique("Mandant B GmbH") });
  const foreignDepartment = await e2eDb().department.create({ data: { organisationId: b.id, name: unique("Fremde Abteilung") } });
  const foreignTerm = await e2eDb().vocabularyTerm.create({ data: { organisationId: b.id, kind: "DATA_SUBJECT", code: unique("ORG_FREMD"), labelDe: "Fremde Kategorie", labelEn: "Foreign category" } });
  const builtIn = await e2eDb().vocabularyTerm.findFirstOrThrow({ where: { organisationId: null, kind: "DATA_CATEGORY" }, select: { id: true } });
  const dpo = await createStaffUser({ orgId: a.id, role: "DPO" });
  await signInContext(page.context(), dpo.id);

  expect((await page.goto(`/o/${a.id}/settings/organisation/edit`))?.status()).toBe(200);
  for (const path of [
    `/o/${b.id}/settings/organisation`,
    `/o/${b.id}/settings/organisation/edit`,
    `/o/${b.id}/settings/departments`,
    `/o/${b.id}/reviews`,
    `/o/${a.id}/settings/departments/${foreignDepartment.id}/edit`,
    `/o/${a.id}/settings/vocabulary/${foreignTerm.id}/edit`,
    `/o/${a.id}/settings/vocabulary/${builtIn.id}/edit`,
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
});
