// Transfer-risk overview (issue 4, "Done when" end-to-end): the DPO opens the overview, sees the map and
// its table, filters to critical, follows a finding to its entry, fixes the transfer through the forms
// (a TIA, then SCC module 2 with that TIA) and the finding disappears.
import { mkdirSync } from "node:fs";
import { test, expect, createStaffUser, signInContext, demoOrganisations, e2eDb, pickOption, unique } from "./fixtures";

test("the DPO finds a critical transfer on the overview, follows it, and the finding disappears once fixed", async ({ page, context }) => {
  const db = e2eDb();
  const [org] = await demoOrganisations();
  const { id: userId } = await createStaffUser({ orgId: org.id, role: "DPO" });
  await signInContext(context, userId);

  // A US processor relied on under the invalidated Privacy Shield: critical (TR16). Written with Prisma
  // directly (e2e/factories.ts pulls in JSON modules the Playwright loader cannot import).
  const vendor = await db.vendor.create({ data: { organisationId: org.id, name: unique("Umfrage Inc."), country: "US", kind: "PROCESSOR" } });
  const activityName = unique("Kundenbefragung");
  const activity = await db.processingActivity.create({ data: { organisationId: org.id, referenceNumber: unique("VT-E2E"), name: activityName } });
  const recipient = await db.recipient.create({ data: { organisationId: org.id, activityId: activity.id, kind: "VENDOR", role: "PROCESSOR", vendorId: vendor.id } });
  const transfer = await db.transfer.create({ data: { organisationId: org.id, recipientId: recipient.id, destinationCountry: "US", mechanism: "PRIVACY_SHIELD" } });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/o/${org.id}`);
  await page.getByRole("navigation").getByRole("link", { name: "Risiko", exact: true }).click();
  await expect(page).toHaveURL(`/o/${org.id}/risk`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Transferrisiko");

  // The map: an image with an accessible name; the same numbers as a table behind the disclosure.
  const map = page.getByRole("img", { name: /Weltkarte der Drittlandübermittlungen/ });
  await expect(map).toBeVisible();
  const us = map.locator('[data-country="US"]');
  await expect(us).toHaveAttribute("aria-label", /^Vereinigte Staaten: kritisch, \d+ kritisch/);
  // Keyboard focus shows the numbers (CSS only).
  const tip = map.locator('[data-tip="US"]');
  await expect(tip).toBeHidden();
  await us.focus();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText("kritisch");
  await us.blur();
  mkdirSync("docs/screenshots", { recursive: true });
  await page.screenshot({ path: "docs/screenshots/risk-overview.png", fullPage: false });

  await page.getByText("Als Tabelle anzeigen").click();
  const mapTable = page.getByRole("table", { name: "Übermittlungen je Zielland mit der schlechtesten Bewertung" });
  await expect(mapTable.getByRole("row", { name: /Vereinigte Staaten/ })).toContainText("kritisch");

  // Filter to critical: the URL carries the filter and only critical findings remain.
  const findings = page.getByRole("list", { name: "Befunde" });
  await expect(findings.locator('li[data-level="attention"]').first()).toBeVisible();
  await page.getByLabel("Bewertung", { exact: true }).selectOption("critical");
  await page.getByRole("button", { name: "Anwenden" }).click();
  await expect(page).toHaveURL(/[?&]verdict=critical(&|$)/);
  await expect(findings.locator("li").first()).toBeVisible();
  await expect(findings.locator('li:not([data-level="critical"])')).toHaveCount(0);
  const finding = findings.getByRole("listitem").filter({ hasText: activityName });
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText("Regel TR16");
  await expect(finding).toContainText("Privacy Shield");

  // An auditor asks what was valid then: on 1 July 2020 the Privacy Shield still stood (TR16 not critical).
  await page.goto(`/o/${org.id}/risk?verdict=critical`);
  await page.getByLabel("Stand (Datum)").fill("2020-07-01");
  await page.getByRole("button", { name: "Anwenden" }).click();
  await expect(page).toHaveURL(/[?&]asOf=2020-07-01(&|$)/);
  await expect(page.getByText("Stand 1. Juli 2020", { exact: false })).toBeVisible();
  await expect(page.getByText(activityName)).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(/[?&]verdict=critical$/);

  // Follow the finding to the entry to fix: the activity, scrolled to the transfer.
  await page.getByRole("list", { name: "Befunde" }).getByRole("listitem").filter({ hasText: activityName }).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/o/${org.id}/activities/${activity.id}#transfer-${transfer.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(activityName);
  const activityUrl = page.url();

  // The fix, through the forms: first a TIA for the US importer (positive, with measures) ...
  const tiaTitle = unique("TIA Umfrage USA");
  await page.goto(`/o/${org.id}/tias/new`);
  await page.getByRole("textbox", { name: "Titel", exact: true }).fill(tiaTitle);
  await pickOption(page, "Datenimporteur (Dienstleister)", vendor.name.slice(0, 8), vendor.name);
  await page.getByLabel("Rolle des Datenimporteurs").selectOption("PROCESSOR");
  await pickOption(page, "Zielland", "Vereinigte", "Vereinigte Staaten");
  await page.getByLabel("Übermittlungsinstrument (Art. 46 DSGVO)").selectOption("SCC_2021_M2");
  await page.getByLabel("Geprüfte Rechtsvorschriften").fill("FISA 702, EO 12333, EO 14086");
  await page.getByLabel("Zusätzliche Maßnahmen").fill("Verschlüsselung at rest und in transit, Schlüssel in der EU");
  await page.getByLabel("Ergebnis").selectOption("GO");
  await page.getByLabel("Bewertet am").fill("2026-11-02");
  await page.getByLabel("Nächste Überprüfung").fill("2027-11-02");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(tiaTitle);

  // ... then the transfer: SCC 2021 module 2 (controller to processor), the contract date and that TIA.
  await page.goto(activityUrl);
  await page.getByRole("link", { name: `Übermittlung an ${vendor.name} bearbeiten` }).click();
  const form = page.locator("#edit-transfer");
  await form.getByLabel("Übermittlungsinstrument").selectOption("SCC_2021_M2");
  await form.getByLabel("Vertrag geschlossen am").fill("2026-11-02");
  await form.getByLabel("Transfer Impact Assessment (TIA)").selectOption({ label: tiaTitle });
  await form.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("status")).toHaveText("Gespeichert.");
  const stored = await db.transfer.findUniqueOrThrow({ where: { id: transfer.id }, select: { mechanism: true, tia: { select: { title: true } } } });
  expect(stored).toEqual({ mechanism: "SCC_2021_M2", tia: { title: tiaTitle } });

  // The finding is gone from the critical list, and the activity has no critical transfer left.
  await page.goto(`/o/${org.id}/risk?verdict=critical`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Transferrisiko");
  await expect(page.getByRole("list", { name: "Befunde" }).getByText(activityName)).toHaveCount(0);
  await page.goto(`/o/${org.id}/risk`);
  const activityRow = page.getByRole("table", { name: "Transferrisiko je Verarbeitungstätigkeit" }).getByRole("row", { name: new RegExp(activityName) });
  await expect(activityRow).toBeVisible();
  await expect(activityRow).toContainText("0 kritisch");
  const tia = await db.transferImpactAssessment.findFirstOrThrow({ where: { title: tiaTitle }, select: { id: true } });

  // Leave the demo organisation as it was for the other specs (recipient and transfer cascade).
  await db.processingActivity.delete({ where: { id: activity.id } });
  await db.transferImpactAssessment.delete({ where: { id: tia.id } });
  await db.vendor.delete({ where: { id: vendor.id } });
});
