// Transfer-risk overview (issue 4, "Done when" end-to-end): the DPO opens the overview, sees the map and
// its table, filters to critical, follows a finding to its entry, the transfer is fixed (SCC module 2 and
// a TIA) and the finding disappears.
import { mkdirSync } from "node:fs";
import { test, expect, createStaffUser, signInContext, demoOrganisations, e2eDb, unique } from "./fixtures";

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

  // Follow the finding to the entry to fix.
  await finding.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/o/${org.id}/activities/${activity.id}(#transfer-${transfer.id})?$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(activityName);

  // An auditor asks what was valid then: on 1 July 2020 the Privacy Shield still stood (TR16 not critical).
  await page.goto(`/o/${org.id}/risk?verdict=critical`);
  await page.getByLabel("Stand (Datum)").fill("2020-07-01");
  await page.getByRole("button", { name: "Anwenden" }).click();
  await expect(page).toHaveURL(/[?&]asOf=2020-07-01(&|$)/);
  await expect(page.getByText("Stand 1. Juli 2020", { exact: false })).toBeVisible();
  await expect(page.getByText(activityName)).toHaveCount(0);

  // Fix the transfer: SCC 2021 module 2 (controller to processor) with a positive TIA. The transfer form
  // is not built yet, so the fix is written to the database the way the form's action would store it.
  const tia = await db.transferImpactAssessment.create({
    data: {
      organisationId: org.id,
      title: unique("TIA Umfrage"),
      vendorId: vendor.id,
      destinationCountry: "US",
      importerRole: "PROCESSOR",
      mechanism: "SCC_2021_M2",
      lawsAssessed: "FISA 702, EO 12333, EO 14086",
      supplementaryMeasures: "Verschlüsselung at rest und in transit",
      conclusion: "GO",
      assessedAt: new Date(),
      nextReviewAt: new Date(Date.now() + 365 * 24 * 60 * 60 * 1000),
    },
  });
  await db.transfer.update({
    where: { id: transfer.id },
    data: { mechanism: "SCC_2021_M2", contractConcludedAt: new Date(), tiaId: tia.id, version: { increment: 1 } },
  });

  await page.goto(`/o/${org.id}/risk?verdict=critical`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Transferrisiko");
  await expect(page.getByText(activityName)).toHaveCount(0);
  await page.goto(`/o/${org.id}/risk`);
  const activityRow = page.getByRole("table", { name: "Transferrisiko je Verarbeitungstätigkeit" }).getByRole("row", { name: new RegExp(activityName) });
  await expect(activityRow).toBeVisible();
  await expect(activityRow).toContainText("0 kritisch");

  // Leave the demo organisation as it was for the other specs (recipient and transfer cascade).
  await db.processingActivity.delete({ where: { id: activity.id } });
  await db.transferImpactAssessment.delete({ where: { id: tia.id } });
  await db.vendor.delete({ where: { id: vendor.id } });
});
