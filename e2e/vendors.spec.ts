// Vendors end to end: a DPO creates a US processor (a javascript: website is refused next to the field),
// adds a DPF check and a sub-processor, finds it by the country filter, adds it as a recipient of a demo
// activity with a US transfer under SCC module 2; a VIEWER sees it without edit controls; a stored XSS
// attempt in the vendor name renders as text.
import { test, expect, createStaffUser, demoOrganisations, e2eDb, pickOption, signInContext, unique } from "./fixtures";

const pick = pickOption;

test.beforeEach(({ page }) => {
  page.on("dialog", (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
});

test("a DPO records a US processor with DPF check, sub-processor, recipient and SCC transfer; a VIEWER only reads", async ({ page, browser }) => {
  const [org] = await demoOrganisations();
  const dpo = await createStaffUser({ orgId: org.id, role: "DPO", name: "Dana DSB" });
  await signInContext(page.context(), dpo.id);
  const name = unique("Wolke Inc.");

  // Create: a javascript: website is refused next to the field, the input is kept.
  await page.goto(`/o/${org.id}/vendors`);
  await page.getByRole("link", { name: "Neuer Dienstleister" }).click();
  await page.getByLabel("Name (juristische Person)").fill(name);
  await page.getByLabel("Rolle").selectOption("PROCESSOR");
  await pick(page, "Land des Sitzes", "Vereinigte", "Vereinigte Staaten");
  await page.getByLabel("Website").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.locator("#f-website-error")).toHaveText("Nur http(s)-Adressen sind erlaubt.");
  await expect(page.getByLabel("Website")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name (juristische Person)")).toHaveValue(name);
  await page.getByLabel("Website").fill("https://wolke.example.com");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const vendorUrl = page.url();

  // DPF check (append-only, dated, with who checked).
  await page.locator("#dpf").getByRole("link", { name: "Hinzufügen" }).click();
  const dpfForm = page.getByRole("form", { name: "EU-US Data Privacy Framework (DPF)" });
  await dpfForm.getByLabel("Status in der DPF-Liste").selectOption("ACTIVE");
  await dpfForm.getByLabel("Eintrag in der DPF-Liste (URL)").fill("https://www.dataprivacyframework.gov/list");
  await dpfForm.getByRole("button", { name: "Hinzufügen" }).click();
  await expect(page.getByRole("status")).toHaveText("Gespeichert.");
  await expect(page.locator("#dpf")).toContainText("Letzte Prüfung: Aktiv zertifiziert");
  await expect(page.locator("#dpf")).toContainText("Dana DSB");

  // Sub-processor with country and service.
  await page.locator("#sub-processors").getByRole("link", { name: "Hinzufügen" }).click();
  const subForm = page.getByRole("form", { name: "Unterauftragsverarbeiter" });
  await subForm.getByLabel("Name", { exact: true }).fill("Rechenzentrum Lux S.A.");
  await pick(page, "Land der Verarbeitung", "Luxem", "Luxemburg");
  await subForm.getByLabel("Leistung").fill("Hosting");
  await subForm.getByRole("button", { name: "Hinzufügen" }).click();
  await expect(page.locator("#sub-processors").getByRole("row", { name: /Rechenzentrum Lux S\.A\./ })).toContainText("Luxemburg");

  // Found by the country filter (in the URL).
  await page.goto(`/o/${org.id}/vendors`);
  await page.getByLabel("Land (Sitz, Standort oder Unterauftragsverarbeiter)").selectOption("US");
  await page.getByRole("button", { name: "Filtern" }).click();
  await expect(page).toHaveURL(/[?&]country=US/);
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();

  // Recipient of a demo activity, with a US transfer under SCC module 2.
  const activity = await e2eDb().processingActivity.findFirstOrThrow({ where: { organisationId: org.id, archivedAt: null, status: { not: "ARCHIVED" } }, orderBy: { referenceNumber: "asc" }, select: { id: true } });
  const base = `/o/${org.id}/activities/${activity.id}/recipients`;
  await page.goto(base);
  const addForm = page.locator("#add-recipient");
  await addForm.getByLabel("Art des Empfängers").selectOption("VENDOR");
  await addForm.getByLabel("Rolle").selectOption("PROCESSOR");
  await pick(page, "Dienstleister", name.slice(0, 8), name);
  await addForm.getByLabel("Tätigkeit / Leistung").fill("Cloud-Hosting");
  await addForm.getByRole("button", { name: "Empfänger hinzufügen" }).click();
  await expect(page.getByRole("status")).toHaveText("Gespeichert.");
  const section = page.locator("section").filter({ has: page.getByRole("heading", { name, exact: true }) });
  await section.getByRole("link", { name: "Übermittlung hinzufügen" }).click();
  await pick(page, "Empfängerland", "Vereinigte", "Vereinigte Staaten");
  await page.getByLabel("Übermittlungsinstrument").selectOption("SCC_2021_M2");
  await page.getByLabel("Vertrag geschlossen am").fill("2026-01-15");
  await page.getByRole("button", { name: "Übermittlung hinzufügen" }).click();
  await expect(page.getByRole("status")).toHaveText("Gespeichert.");
  const row = page.locator("section").filter({ has: page.getByRole("heading", { name, exact: true }) }).getByRole("row", { name: /Vereinigte Staaten/ });
  await expect(row).toContainText("Modul 2");
  const stored = await e2eDb().transfer.findFirstOrThrow({ where: { recipient: { activityId: activity.id, vendor: { name } } }, select: { destinationCountry: true, mechanism: true } });
  expect(stored).toEqual({ destinationCountry: "US", mechanism: "SCC_2021_M2" });

  // A VIEWER sees the vendor but no edit controls.
  const viewer = await createStaffUser({ orgId: org.id, role: "VIEWER" });
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await signInContext(viewerContext, viewer.id);
  await viewerPage.goto(vendorUrl);
  await expect(viewerPage.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(viewerPage.locator("#sub-processors")).toContainText("Rechenzentrum Lux S.A.");
  await expect(viewerPage.getByRole("link", { name: /Bearbeiten|Hinzufügen|Neuer Dienstleister/ })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: /Archivieren|Entfernen|Deaktivieren|Hinzufügen|Speichern/ })).toHaveCount(0);
  await viewerPage.goto(base);
  await expect(viewerPage.getByRole("heading", { name, exact: true })).toBeVisible();
  await expect(viewerPage.locator("#add-recipient")).toHaveCount(0);
  await viewerContext.close();
});

test("a stored XSS attempt in the vendor name renders as text", async ({ page }) => {
  const [org] = await demoOrganisations();
  const dpo = await createStaffUser({ orgId: org.id, role: "DPO" });
  await signInContext(page.context(), dpo.id);
  const name = `<img src=x onerror=alert(1)><script>alert(2)</script>${unique("xss")}`;
  await page.goto(`/o/${org.id}/vendors/new`);
  await page.getByLabel("Name (juristische Person)").fill(name);
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  await page.goto(`/o/${org.id}/vendors?q=${encodeURIComponent(name.slice(-12))}`);
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(page.locator("img[src=x]")).toHaveCount(0);
});

test("two editors save the same vendor: the second gets the conflict with who changed it, and keeps the input", async ({ page, browser }) => {
  const [org] = await demoOrganisations();
  const first = await createStaffUser({ orgId: org.id, role: "EDITOR", name: "Erika Erste" });
  const second = await createStaffUser({ orgId: org.id, role: "EDITOR", name: "Zoe Zweite" });
  const name = unique("Konflikt GmbH");
  await signInContext(page.context(), first.id);
  await page.goto(`/o/${org.id}/vendors/new`);
  await page.getByLabel("Name (juristische Person)").fill(name);
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const editUrl = `${page.url()}/edit`;

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInContext(otherContext, second.id);
  await other.goto(editUrl);
  await page.goto(editUrl);

  await page.getByLabel("Ort", { exact: true }).fill("Berlin");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("status")).toHaveText("Gespeichert.");

  await other.getByLabel("Ort", { exact: true }).fill("München");
  await other.getByRole("button", { name: "Speichern" }).click();
  const alert = other.getByRole("alert").filter({ hasText: "Inzwischen geändert von Erika Erste" });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole("row", { name: /Ort/ })).toContainText("Berlin");
  await expect(other.getByLabel("Ort", { exact: true })).toHaveValue("München");
  expect((await e2eDb().vendor.findFirstOrThrow({ where: { organisationId: org.id, name }, select: { city: true } })).city).toBe("Berlin");
  // Saving again on purpose overwrites the stored version.
  await other.getByRole("button", { name: "Speichern" }).click();
  await expect(other.getByRole("status")).toHaveText("Gespeichert.");
  expect((await e2eDb().vendor.findFirstOrThrow({ where: { organisationId: org.id, name }, select: { city: true } })).city).toBe("München");
  await otherContext.close();
});

test("a DPO records a signed AVV with the Art. 28(3) checklist and the activities it covers", async ({ page }) => {
  const [org] = await demoOrganisations();
  const dpo = await createStaffUser({ orgId: org.id, role: "DPO" });
  await signInContext(page.context(), dpo.id);
  const vendorName = unique("Lohnbüro GmbH");
  await page.goto(`/o/${org.id}/vendors/new`);
  await page.getByLabel("Name (juristische Person)").fill(vendorName);
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(vendorName);

  await page.getByRole("link", { name: "AVV anlegen" }).click();
  await expect(page.getByRole("combobox", { name: "Auftragsverarbeiter" })).toHaveValue(vendorName);
  const title = unique("AVV Lohnabrechnung");
  await page.getByLabel("Bezeichnung").fill(title);
  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption("SIGNED");
  await page.getByLabel("Dokument (URL)").fill("javascript:alert(1)");
  for (const letter of ["a", "b", "c", "d", "e", "f", "g", "h"]) await page.getByLabel(new RegExp(`^lit\\. ${letter} –`)).check();
  const activity = page.locator("fieldset").filter({ hasText: "Abgedeckte Verarbeitungstätigkeiten" }).getByRole("checkbox").first();
  await activity.check();
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.locator("#f-signedAt-error")).toHaveText("Bitte ausfüllen.");
  await expect(page.locator("#f-documentUrl-error")).toHaveText("Nur http(s)-Adressen sind erlaubt.");
  await expect(page.getByLabel(/^lit\. h –/)).toBeChecked();
  await expect(activity).toBeChecked();
  await page.getByLabel("Unterzeichnet am").fill("2026-02-01");
  await page.getByLabel("Dokument (URL)").fill("https://dms.example.com/avv/lohn.pdf");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("status")).toHaveText("Gespeichert.");
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText("Unterzeichnet");
  await expect(row).toContainText("8 von 8");
  const stored = await e2eDb().dataProcessingAgreement.findFirstOrThrow({ where: { title }, select: { art28h: true, status: true, _count: { select: { activities: true } } } });
  expect(stored).toEqual({ art28h: true, status: "SIGNED", _count: { activities: 1 } });
});
