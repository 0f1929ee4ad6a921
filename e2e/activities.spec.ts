// Processing activities in the browser: create with purposes, legal bases and a special category; a field
// error next to its field with the input kept; an EDITOR's change sends a released entry back to review; two
// people editing the same entry (C32); the history diff and restoring an older version (C33); a VIEWER reads
// the history and sees no control.
import type { Page } from "@playwright/test";
import { test, expect, createStaffUser, demoOrganisations, e2eDb, signInContext, unique } from "./fixtures";
import { activityCreateSchema } from "@/lib/activities/schema";
import { createActivityTx, workflowStepTx, type ActivityOutcome } from "@/lib/activities/mutations";

const NAME = "Bezeichnung der Verarbeitungstätigkeit";
const SEED = { id: null, name: "seed" };

const ok = (o: ActivityOutcome) => {
  if (!o.ok) throw new Error(`test data: ${JSON.stringify(o)}`);
  return o;
};

/** An activity written the way the create action writes it (revision v1 + audit event), optionally taken to a status. */
async function createActivity(orgId: string, input: { name: string; status?: "IN_REVIEW" | "RELEASED" }) {
  const db = e2eDb();
  const parsed = activityCreateSchema.parse({
    referenceNumber: unique("VT"), name: input.name, role: "CONTROLLER", operatingStage: "OPERATION",
    dpiaStatus: "NOT_STARTED", reviewIntervalMonths: "12", "purposes.0.description": "Abrechnung", "purposes.0.legalBases": "ART6_1_B", dataSubjects: "CUSTOMERS",
  });
  const created = ok(await db.$transaction((tx) => createActivityTx(tx, SEED, orgId, parsed)));
  if (input.status) ok(await db.$transaction((tx) => workflowStepTx(tx, SEED, orgId, created.id, "submit", { version: 1 })));
  if (input.status === "RELEASED") ok(await db.$transaction((tx) => workflowStepTx(tx, SEED, orgId, created.id, "release", { version: 2 })));
  return { id: created.id, name: input.name, version: input.status === "RELEASED" ? 3 : input.status ? 2 : 1 };
}
const releasedActivity = (orgId: string, name: string) => createActivity(orgId, { name, status: "RELEASED" });

async function saveForm(page: Page) {
  await page.getByRole("button", { name: "Speichern" }).click();
}

test("a DPO creates an activity with two purposes, legal bases and a special category", async ({ page }) => {
  const [org] = await demoOrganisations();
  const dpo = await createStaffUser({ orgId: org.id, role: "DPO", name: "Dora DSB" });
  await signInContext(page.context(), dpo.id);
  const name = unique("Bewerbermanagement");

  await page.goto(`/o/${org.id}/activities/new`);
  await page.getByRole("textbox", { name: "Nummer", exact: true }).fill(unique("VT"));
  await page.getByLabel(NAME).fill(name);

  const first = page.getByRole("group", { name: "Zweck 1" });
  await first.getByLabel("Zweck der Verarbeitung").fill("Durchführung des Bewerbungsverfahrens");
  await first.getByLabel("Vertragserfüllung oder vorvertragliche Maßnahmen (Art. 6 Abs. 1 lit. b DSGVO)").check();
  await page.getByRole("button", { name: "Zweck hinzufügen" }).click();
  const second = page.getByRole("group", { name: "Zweck 2" });
  await second.getByLabel("Zweck der Verarbeitung").fill("Talentpool für spätere Stellen");
  await second.getByLabel("Berechtigte Interessen (Art. 6 Abs. 1 lit. f DSGVO)").check();
  await second.getByLabel("Berechtigtes Interesse (Art. 6 Abs. 1 lit. f DSGVO)").fill("Spätere Stellenbesetzung");

  await page.getByLabel("Bewerberinnen und Bewerber").check();
  await page.getByRole("button", { name: "Datenkategorie hinzufügen" }).click();
  await page.getByRole("group", { name: "Datenkategorie 1" }).getByLabel("Kategorie personenbezogener Daten").selectOption({ label: "Identifikationsdaten (z. B. Name, Geburtsdatum)" });
  await page.getByRole("button", { name: "Datenkategorie hinzufügen" }).click();
  const health = page.getByRole("group", { name: "Datenkategorie 2" });
  await health.getByLabel("Kategorie personenbezogener Daten").selectOption({ label: "Gesundheitsdaten" });
  await expect(health.getByLabel("Besondere Kategorie (Art. 9 oder 10 DSGVO)")).toBeChecked();
  await health.getByLabel("Löschfrist", { exact: true }).fill("6 Monate nach Abschluss des Verfahrens");
  await saveForm(page);

  await expect(page.getByRole("status")).toHaveText("Die Änderungen wurden gespeichert.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const purposes = page.locator("#purposes");
  await expect(purposes).toContainText("Durchführung des Bewerbungsverfahrens");
  await expect(purposes).toContainText("Berechtigte Interessen (Art. 6 Abs. 1 lit. f DSGVO)");
  await expect(purposes).toContainText("Spätere Stellenbesetzung");
  const categories = page.locator("#dataCategories");
  await expect(categories.getByRole("row", { name: /Gesundheitsdaten/ })).toContainText("besondere Kategorie");
  await expect(categories).toContainText("6 Monate nach Abschluss des Verfahrens");
});

test("a validation error is shown next to its field and the input is kept", async ({ page }) => {
  const [org] = await demoOrganisations();
  const dpo = await createStaffUser({ orgId: org.id, role: "DPO" });
  await signInContext(page.context(), dpo.id);
  const ref = unique("VT");

  await page.goto(`/o/${org.id}/activities/new`);
  await page.getByRole("textbox", { name: "Nummer", exact: true }).fill(ref);
  await page.getByRole("group", { name: "Zweck 1" }).getByLabel("Zweck der Verarbeitung").fill("Lohnabrechnung");
  await saveForm(page);

  await expect(page.getByRole("alert").first()).toContainText("Bitte prüfen Sie die markierten Felder.");
  await expect(page.getByLabel(NAME)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(NAME)).toHaveAccessibleDescription("Bitte ausfüllen.");
  await expect(page.getByRole("group", { name: "Rechtsgrundlagen", exact: true })).toContainText("Bitte mindestens eine Rechtsgrundlage wählen.");
  await expect(page.getByRole("textbox", { name: "Nummer", exact: true })).toHaveValue(ref);
  await expect(page.getByRole("group", { name: "Zweck 1" }).getByLabel("Zweck der Verarbeitung")).toHaveValue("Lohnabrechnung");
});

test("an EDITOR's change to a released entry sends it back to review, visible in the history", async ({ page }) => {
  const [org] = await demoOrganisations();
  const editor = await createStaffUser({ orgId: org.id, role: "EDITOR", name: "Emil Editor" });
  const activity = await releasedActivity(org.id, unique("Kundenabrechnung"));
  await signInContext(page.context(), editor.id);

  await page.goto(`/o/${org.id}/activities/${activity.id}`);
  await expect(page.getByText("Freigegeben", { exact: true }).first()).toBeVisible();
  await page.getByRole("link", { name: "Bearbeiten", exact: true }).click();
  await expect(page.getByText("Dieser Eintrag ist freigegeben.")).toBeVisible();
  await page.getByLabel(NAME).fill(`${activity.name} (geändert)`);
  await page.getByLabel("Änderungsgrund", { exact: true }).fill("Neuer Dienstleister");
  await saveForm(page);

  await expect(page.getByRole("status")).toHaveText("Die Änderungen wurden gespeichert.");
  await expect(page.getByText("In Prüfung", { exact: true }).first()).toBeVisible();
  await page.getByRole("link", { name: "Versionshistorie" }).click();
  const latest = page.getByRole("article", { name: /Version 4/ });
  await expect(latest).toContainText("Emil Editor");
  await expect(latest).toContainText("Grund: Neuer Dienstleister");
  await expect(latest.getByRole("row", { name: /Status/ })).toContainText("Freigegeben");
  await expect(latest.getByRole("row", { name: /Status/ })).toContainText("In Prüfung");
});

test("two people edit the same entry: the second gets the conflict naming the first and keeps the input", async ({ browser }) => {
  const [org] = await demoOrganisations();
  const first = await createStaffUser({ orgId: org.id, role: "DPO", name: "Anna Erste" });
  const second = await createStaffUser({ orgId: org.id, role: "EDITOR", name: "Bernd Zweiter" });
  const activity = await releasedActivity(org.id, unique("Newsletter"));
  const a = await browser.newContext();
  const b = await browser.newContext();
  await signInContext(a, first.id);
  await signInContext(b, second.id);
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  await pageA.goto(`/o/${org.id}/activities/${activity.id}/edit`);
  await pageB.goto(`/o/${org.id}/activities/${activity.id}/edit`);

  await pageA.getByLabel(NAME).fill(`${activity.name} – Fassung Anna`);
  await saveForm(pageA);
  await expect(pageA.getByRole("status")).toHaveText("Die Änderungen wurden gespeichert.");

  await pageB.getByLabel("Beschreibung", { exact: true }).fill("Bernds Beschreibung");
  await saveForm(pageB);
  const conflict = pageB.getByRole("alert").filter({ hasText: "Dieser Eintrag wurde inzwischen geändert" });
  await expect(conflict).toContainText("von Anna Erste geändert");
  await expect(conflict.getByRole("row", { name: /Bezeichnung/ })).toContainText("Fassung Anna");
  await expect(pageB.getByLabel("Beschreibung", { exact: true })).toHaveValue("Bernds Beschreibung");
  await expect(pageB.getByLabel(NAME)).toHaveValue(activity.name);

  const stored = await e2eDb().processingActivity.findUniqueOrThrow({ where: { id: activity.id } });
  expect(stored.name).toBe(`${activity.name} – Fassung Anna`);
  expect(stored.description).not.toBe("Bernds Beschreibung");
  await a.close();
  await b.close();
});

test("the history shows the field diff and restores an older version as a new one", async ({ page }) => {
  const [org] = await demoOrganisations();
  const dpo = await createStaffUser({ orgId: org.id, role: "DPO", name: "Hanna Historie" });
  const original = unique("Zeiterfassung");
  const activity = await createActivity(org.id, { name: original });
  await signInContext(page.context(), dpo.id);

  await page.goto(`/o/${org.id}/activities/${activity.id}/edit`);
  await page.getByLabel(NAME).fill(`${original} neu`);
  await saveForm(page);
  await expect(page.getByRole("status")).toHaveText("Die Änderungen wurden gespeichert.");

  await page.goto(`/o/${org.id}/activities/${activity.id}/history`);
  const v2 = page.getByRole("article", { name: /Version 2/ });
  const nameRow = v2.getByRole("row", { name: /Bezeichnung/ });
  await expect(nameRow.getByRole("cell").nth(0)).toHaveText(original);
  await expect(nameRow.getByRole("cell").nth(1)).toHaveText(`${original} neu`);

  await page.getByRole("button", { name: "Version 1 wiederherstellen" }).click();
  await expect(page.getByRole("status")).toHaveText("Version 1 wurde als neue Version wiederhergestellt.");
  const v3 = page.getByRole("article", { name: /Version 3/ });
  await expect(v3).toContainText("Ältere Version wiederhergestellt");
  await expect(v3).toContainText("Wiederhergestellt aus Version 1");
  await expect(v3.getByRole("row", { name: /Bezeichnung/ }).getByRole("cell").nth(1)).toHaveText(original);
  expect((await e2eDb().processingActivity.findUniqueOrThrow({ where: { id: activity.id } })).name).toBe(original);
});

test("a VIEWER sees the entry and its history but no edit, workflow or restore control", async ({ page }) => {
  const [org] = await demoOrganisations();
  const viewer = await createStaffUser({ orgId: org.id, role: "VIEWER" });
  const activity = await createActivity(org.id, { name: unique("Videoüberwachung"), status: "IN_REVIEW" });
  await signInContext(page.context(), viewer.id);

  await page.goto(`/o/${org.id}/activities/${activity.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(activity.name);
  for (const name of ["Bearbeiten", "Zur Prüfung vorlegen", "Freigeben", "Zurück in den Entwurf", "Archivieren", "Überprüfung ohne Änderungen bestätigen", "In andere Organisation kopieren"]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
    await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  }
  await page.getByRole("link", { name: "Versionshistorie" }).click();
  await expect(page.getByRole("article", { name: /Version 2/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /wiederherstellen/ })).toHaveCount(0);
  const edit = await page.goto(`/o/${org.id}/activities/${activity.id}/edit`);
  expect(edit?.status()).toBe(404);
});

test("a DPO takes an entry through the workflow (review, release, archive, restore) and copies it to another organisation", async ({ page }) => {
  const [org, other] = await demoOrganisations();
  const dpo = await createStaffUser({ orgId: org.id, role: "DPO", name: "Wera Workflow" });
  await e2eDb().membership.create({ data: { userId: dpo.id, organisationId: other.id, role: "EDITOR" } });
  const activity = await createActivity(org.id, { name: unique("Reisekosten") });
  await signInContext(page.context(), dpo.id);
  await page.goto(`/o/${org.id}/activities/${activity.id}`);
  const main = page.getByRole("main");
  /** Each step ends when the page shows the next version (the status texts also appear as field labels). */
  const step = async (button: string, version: number, status: string) => {
    await page.getByRole("button", { name: button }).click();
    await expect(main.getByText(`Version ${version}`, { exact: true })).toBeVisible();
    await expect(main.getByText(status, { exact: true }).first()).toBeVisible();
  };

  await step("Zur Prüfung vorlegen", 2, "In Prüfung");
  await step("Freigeben", 3, "Freigegeben");
  await step("Überprüfung ohne Änderungen bestätigen", 4, "Freigegeben");
  await step("Archivieren", 5, "Archiviert");
  await expect(page.getByRole("link", { name: "Bearbeiten", exact: true })).toHaveCount(0);
  await step("Wiederherstellen", 6, "Entwurf");

  const stored = await e2eDb().processingActivity.findUniqueOrThrow({ where: { id: activity.id } });
  expect([stored.status, stored.archivedAt, stored.releasedById, stored.lastReviewedAt !== null]).toEqual(["DRAFT", null, dpo.id, true]);
  const actions = await e2eDb().revision.findMany({ where: { entityId: activity.id }, orderBy: { version: "asc" }, select: { action: true } });
  expect(actions.map((r) => r.action)).toEqual(["create", "submit", "release", "review", "archive", "restore"]);

  await page.getByLabel("Zielorganisation").selectOption({ label: other.name });
  await page.getByRole("button", { name: "In andere Organisation kopieren" }).click();
  await expect(page.getByRole("status")).toHaveText("Die Verarbeitungstätigkeit wurde als Entwurf in diese Organisation kopiert.");
  await expect(page).toHaveURL(new RegExp(`/o/${other.id}/activities/`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(activity.name);
  await expect(main.getByText("Version 1", { exact: true })).toBeVisible();
  await expect(main.getByText("Entwurf", { exact: true }).first()).toBeVisible();
});

test("Art. 30(2): the processor register groups the activities by the client controller", async ({ page }) => {
  const [, services] = await demoOrganisations();
  const viewer = await createStaffUser({ orgId: services.id, role: "VIEWER" });
  await signInContext(page.context(), viewer.id);
  await page.goto(`/o/${services.id}/activities`);
  await page.getByRole("link", { name: "Als Auftragsverarbeiter (Art. 30 Abs. 2)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verzeichnis als Auftragsverarbeiter (Art. 30 Abs. 2 DSGVO)");
  const foerdeblick = page.getByRole("region", { name: "Tätigkeiten im Auftrag von Fördeblick Immobilien GmbH" });
  await expect(foerdeblick.getByRole("rowheader")).toContainText(["Betrieb des Mieterportals im Auftrag der Fördeblick Immobilien GmbH"]);
  const parent = page.getByRole("region", { name: "Tätigkeiten im Auftrag von Nordlicht Software GmbH" });
  await expect(parent.getByRole("rowheader")).toContainText(["IT-Support und Managed Workplace für die Nordlicht Software GmbH"]);
  await expect(foerdeblick.getByText("IT-Support und Managed Workplace")).toHaveCount(0);
});

test("the reader chooses the table's columns; the choice stays in the URL across sorting", async ({ page }) => {
  const [org] = await demoOrganisations();
  const viewer = await createStaffUser({ orgId: org.id, role: "VIEWER" });
  await signInContext(page.context(), viewer.id);
  await page.goto(`/o/${org.id}/activities`);
  const table = page.getByRole("table", { name: /Verarbeitungstätigkeiten/ });
  await expect(table.getByRole("columnheader", { name: "Rolle" })).toBeVisible();
  await page.getByText("Spalten wählen").click();
  await page.getByRole("group", { name: "Angezeigte Spalten" }).getByLabel("Rolle").uncheck();
  await page.getByRole("group", { name: "Angezeigte Spalten" }).getByLabel("Empfänger").uncheck();
  await page.getByRole("button", { name: "Übernehmen" }).click();
  await expect(page).toHaveURL(/[?&]cols=1&/);
  await expect(table.getByRole("columnheader", { name: "Rolle" })).toHaveCount(0);
  await expect(table.getByRole("columnheader", { name: "Empfänger" })).toHaveCount(0);
  await expect(table.getByRole("columnheader", { name: "Status" })).toBeVisible();
  await table.getByRole("link", { name: /Bezeichnung/ }).click();
  await expect(page).toHaveURL(/[?&]sort=name/);
  await expect(page).toHaveURL(/[?&]hide=role%2Crecipients(&|$)/);
  await expect(table.getByRole("columnheader", { name: "Rolle" })).toHaveCount(0);
});
