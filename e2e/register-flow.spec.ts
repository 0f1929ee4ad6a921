// The combined register flow of issue 3, driven through the UI (only users are created directly): a DPO
// creates an activity with purposes, legal bases, data categories (one special), a processor recipient and a
// US transfer, releases it, and finds it by a data-category word and by the country facet; an EDITOR's change
// sends it back to review; two browser contexts edit the same entry and the second gets the conflict message
// with its input kept; the history shows the diff and restores an older version; a VIEWER sees everything
// and can change nothing.
import type { Page } from "@playwright/test";
import { test, expect, createStaffUser, demoOrganisations, e2eDb, pickOption, signInContext, unique } from "./fixtures";

const NAME = "Bezeichnung der Verarbeitungstätigkeit";
const SAVED = "Die Änderungen wurden gespeichert.";

test.beforeEach(({ page }) => {
  page.on("dialog", (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
});

/** The activity's stored version (read only, to name the history entries). */
const versionOf = async (id: string) => (await e2eDb().processingActivity.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

async function save(page: Page) {
  await page.getByRole("button", { name: "Speichern" }).click();
}

test("create, release, find, review, conflict, history and read-only access in one flow", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // An organisation without the four-eyes rule: the DPO who wrote the entry may release it.
  const demo = await demoOrganisations();
  const org = await e2eDb().organisation.findFirstOrThrow({ where: { id: { in: demo.map((o) => o.id) }, requireFourEyes: false }, select: { id: true } });
  const dpo = await createStaffUser({ orgId: org.id, role: "DPO", name: "Dora Flow" });
  const editor = await createStaffUser({ orgId: org.id, role: "EDITOR", name: "Emil Flow" });
  const viewer = await createStaffUser({ orgId: org.id, role: "VIEWER", name: "Vera Flow" });
  await signInContext(page.context(), dpo.id);
  const tag = `befund${Date.now().toString(36)}`;
  const name = unique("Arbeitsmedizinische Vorsorge");
  const vendorName = unique("Flow Cloud Inc.");

  // ── The processor (a vendor in the United States).
  await page.goto(`/o/${org.id}/vendors/new`);
  await page.getByLabel("Name (juristische Person)").fill(vendorName);
  await page.getByLabel("Rolle").selectOption("PROCESSOR");
  await pickOption(page, "Land des Sitzes", "Vereinigte", "Vereinigte Staaten");
  await save(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(vendorName);

  // ── The activity: two purposes with legal bases, a data subject, two data categories (one special).
  await page.goto(`/o/${org.id}/activities/new`);
  await page.getByRole("textbox", { name: "Nummer", exact: true }).fill(unique("VT"));
  await page.getByLabel(NAME).fill(name);
  const first = page.getByRole("group", { name: "Zweck 1" });
  await first.getByLabel("Zweck der Verarbeitung").fill("Arbeitsmedizinische Vorsorge nach ArbMedVV");
  await first.getByLabel("Erfüllung einer rechtlichen Verpflichtung (Art. 6 Abs. 1 lit. c DSGVO)").check();
  await page.getByRole("button", { name: "Zweck hinzufügen" }).click();
  const second = page.getByRole("group", { name: "Zweck 2" });
  await second.getByLabel("Zweck der Verarbeitung").fill("Terminplanung der Untersuchungen");
  await second.getByLabel("Berechtigte Interessen (Art. 6 Abs. 1 lit. f DSGVO)").check();
  await second.getByLabel("Berechtigtes Interesse (Art. 6 Abs. 1 lit. f DSGVO)").fill("Reibungslose Terminvergabe");
  await page.getByLabel("Beschäftigte", { exact: true }).check();
  await page.getByRole("button", { name: "Datenkategorie hinzufügen" }).click();
  await page.getByRole("group", { name: "Datenkategorie 1" }).getByLabel("Kategorie personenbezogener Daten").selectOption({ label: "Identifikationsdaten (z. B. Name, Geburtsdatum)" });
  await page.getByRole("button", { name: "Datenkategorie hinzufügen" }).click();
  const health = page.getByRole("group", { name: "Datenkategorie 2" });
  await health.getByLabel("Kategorie personenbezogener Daten").selectOption({ label: "Gesundheitsdaten" });
  await expect(health.getByLabel("Besondere Kategorie (Art. 9 oder 10 DSGVO)")).toBeChecked();
  await health.getByLabel("Beschreibung der Daten").fill(`Vorsorgebescheinigungen ${tag}`);
  await save(page);
  await expect(page.getByRole("status")).toHaveText(SAVED);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const detailUrl = page.url().replace(/[?#].*$/, "");
  const activityId = detailUrl.split("/").pop() ?? "";
  await expect(page.locator("#dataCategories").getByRole("row", { name: /Gesundheitsdaten/ })).toContainText("besondere Kategorie");

  // ── The processor as recipient, with a US transfer under SCC module 2.
  await page.goto(`${detailUrl}/recipients`);
  const addForm = page.locator("#add-recipient");
  await addForm.getByLabel("Art des Empfängers").selectOption("VENDOR");
  await addForm.getByLabel("Rolle").selectOption("PROCESSOR");
  await pickOption(page, "Dienstleister", vendorName.slice(0, 10), vendorName);
  await addForm.getByLabel("Tätigkeit / Leistung").fill("Hosting der Vorsorgekartei");
  await addForm.getByRole("button", { name: "Empfänger hinzufügen" }).click();
  await expect(page.getByRole("status")).toHaveText("Gespeichert.");
  const section = () => page.locator("section").filter({ has: page.getByRole("heading", { name: vendorName, exact: true }) });
  await section().getByRole("link", { name: "Übermittlung hinzufügen" }).click();
  await pickOption(page, "Empfängerland", "Vereinigte", "Vereinigte Staaten");
  await page.getByLabel("Übermittlungsinstrument").selectOption("SCC_2021_M2");
  await page.getByLabel("Vertrag geschlossen am").fill("2026-01-15");
  await page.getByRole("button", { name: "Übermittlung hinzufügen" }).click();
  await expect(page.getByRole("status")).toHaveText("Gespeichert.");
  await expect(section().getByRole("row", { name: /Vereinigte Staaten/ })).toContainText("Modul 2");

  // ── Review and release.
  await page.goto(detailUrl);
  const main = page.getByRole("main");
  await page.getByRole("button", { name: "Zur Prüfung vorlegen" }).click();
  await expect(page.getByRole("button", { name: "Freigeben" })).toBeVisible();
  await page.getByRole("button", { name: "Freigeben" }).click();
  await expect(page.getByRole("button", { name: "Freigeben" })).toHaveCount(0);
  await expect(main.getByText("Freigegeben", { exact: true }).first()).toBeVisible();

  // ── Found by a word of the special data category, and by the country facet (state in the URL).
  await page.goto(`/o/${org.id}/activities`);
  await page.getByLabel("Suche").fill(tag);
  await page.getByLabel("Suche").press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${tag}`));
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole("table").getByRole("link", { name, exact: true })).toBeVisible();
  const us = page.getByRole("group", { name: "Zielland" }).getByRole("link", { name: /Vereinigte Staaten/ });
  await expect(us).toContainText("1");
  await us.click();
  await expect(page).toHaveURL(/[?&]country=US/);
  await expect(us).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("table").getByRole("link", { name, exact: true })).toBeVisible();
  const india = page.getByRole("group", { name: "Zielland" }).getByRole("link", { name: /Indien/ });
  await expect(india).toHaveCount(0);

  // ── An EDITOR's change sends the released entry back to review.
  const editorContext = await browser.newContext();
  const editorPage = await editorContext.newPage();
  await signInContext(editorContext, editor.id);
  await editorPage.goto(`${detailUrl}/edit`);
  await expect(editorPage.getByText("Dieser Eintrag ist freigegeben.")).toBeVisible();
  await editorPage.getByLabel("Beschreibung", { exact: true }).fill("Vorsorge durch den Betriebsarzt");
  await editorPage.getByLabel("Änderungsgrund", { exact: true }).fill("Beschreibung ergänzt");
  await save(editorPage);
  await expect(editorPage.getByRole("status")).toHaveText(SAVED);
  await expect(editorPage.getByRole("main").getByText("In Prüfung", { exact: true }).first()).toBeVisible();
  const afterEditor = await versionOf(activityId);
  await page.goto(`${detailUrl}/history`);
  const editorVersion = page.getByRole("article", { name: new RegExp(`Version ${afterEditor}\\b`) });
  await expect(editorVersion).toContainText("Emil Flow");
  await expect(editorVersion).toContainText("Grund: Beschreibung ergänzt");
  await expect(editorVersion.getByRole("row", { name: /Status/ })).toContainText("Freigegeben");
  await expect(editorVersion.getByRole("row", { name: /Status/ })).toContainText("In Prüfung");

  // ── Two contexts edit the same entry: the second save gets the conflict and keeps its input.
  await page.goto(`${detailUrl}/edit`);
  await editorPage.goto(`${detailUrl}/edit`);
  await page.getByLabel(NAME).fill(`${name} (DSB)`);
  await save(page);
  await expect(page.getByRole("status")).toHaveText(SAVED);
  await editorPage.getByLabel("Beschreibung", { exact: true }).fill("Emils zweite Fassung");
  await save(editorPage);
  const conflict = editorPage.getByRole("alert").filter({ hasText: "Dieser Eintrag wurde inzwischen geändert" });
  await expect(conflict).toContainText("von Dora Flow geändert");
  await expect(conflict.getByRole("row", { name: /Bezeichnung/ })).toContainText(`${name} (DSB)`);
  await expect(editorPage.getByLabel("Beschreibung", { exact: true })).toHaveValue("Emils zweite Fassung");
  await editorContext.close();

  // ── The history shows the diff of the DPO's change and restores the version before it.
  const renamed = await versionOf(activityId);
  await page.goto(`${detailUrl}/history`);
  const nameRow = page.getByRole("article", { name: new RegExp(`Version ${renamed}\\b`) }).getByRole("row", { name: /Bezeichnung/ });
  await expect(nameRow.getByRole("cell").nth(0)).toHaveText(name);
  await expect(nameRow.getByRole("cell").nth(1)).toHaveText(`${name} (DSB)`);
  await page.getByRole("button", { name: `Version ${renamed - 1} wiederherstellen` }).click();
  await expect(page.getByRole("status")).toHaveText(`Version ${renamed - 1} wurde als neue Version wiederhergestellt.`);
  const restored = page.getByRole("article", { name: new RegExp(`Version ${renamed + 1}\\b`) });
  await expect(restored).toContainText(`Wiederhergestellt aus Version ${renamed - 1}`);
  await expect(restored.getByRole("row", { name: /Bezeichnung/ }).getByRole("cell").nth(1)).toHaveText(name);
  await page.goto(detailUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

  // ── A VIEWER sees the entry, its recipients, transfers and history, and no control that changes anything.
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await signInContext(viewerContext, viewer.id);
  await viewerPage.goto(detailUrl);
  await expect(viewerPage.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(viewerPage.locator("#purposes")).toContainText("Arbeitsmedizinische Vorsorge nach ArbMedVV");
  await expect(viewerPage.locator("#dataCategories").getByRole("row", { name: /Gesundheitsdaten/ })).toContainText("besondere Kategorie");
  for (const control of ["Bearbeiten", "Zur Prüfung vorlegen", "Freigeben", "Zurück in den Entwurf", "Archivieren", "Überprüfung ohne Änderungen bestätigen", "In andere Organisation kopieren"]) {
    await expect(viewerPage.getByRole("button", { name: control })).toHaveCount(0);
    await expect(viewerPage.getByRole("link", { name: control, exact: true })).toHaveCount(0);
  }
  await viewerPage.goto(`${detailUrl}/recipients`);
  await expect(viewerPage.getByRole("heading", { name: vendorName, exact: true })).toBeVisible();
  await expect(viewerPage.locator("section").filter({ has: viewerPage.getByRole("heading", { name: vendorName, exact: true }) }).getByRole("row", { name: /Vereinigte Staaten/ })).toBeVisible();
  await expect(viewerPage.locator("#add-recipient")).toHaveCount(0);
  await expect(viewerPage.getByRole("link", { name: "Übermittlung hinzufügen" })).toHaveCount(0);
  await viewerPage.goto(`${detailUrl}/history`);
  await expect(viewerPage.getByRole("article", { name: new RegExp(`Version ${renamed + 1}\\b`) })).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: /wiederherstellen/ })).toHaveCount(0);
  expect((await viewerPage.goto(`${detailUrl}/edit`))?.status()).toBe(404);
  await viewerPage.goto(`/o/${org.id}/vendors?q=${encodeURIComponent(vendorName)}`);
  await expect(viewerPage.getByRole("link", { name: vendorName, exact: true })).toBeVisible();
  await expect(viewerPage.getByRole("link", { name: "Neuer Dienstleister" })).toHaveCount(0);
  await viewerContext.close();
});
