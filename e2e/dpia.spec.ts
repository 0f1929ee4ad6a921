// DPIA screening and register health (issue 4): the DPO opens the screening of an activity from its detail
// page, sees the indicator with reasons and citations, records a decision with a reason and sees it; a
// criterion ticked afterwards shows the decision as stale. The findings page lists a register-health finding,
// filters by kind, and its link opens the entry to fix.
import { test, expect, createStaffUser, signInContext, demoOrganisations, e2eDb, unique } from "./fixtures";

test("the DPO records a DPIA decision with a reason against the indicator and sees it; a later criterion makes it stale", async ({ page, context }) => {
  const db = e2eDb();
  const [org] = await demoOrganisations();
  const { id: userId } = await createStaffUser({ orgId: org.id, role: "DPO", name: "Dana DSB" });
  await signInContext(context, userId);

  const name = unique("Beschäftigten-Gesundheitsmanagement");
  const activity = await db.processingActivity.create({
    data: { organisationId: org.id, referenceNumber: unique("VT-DSFA"), name, dpiaCriteria: ["WP248_4", "WP248_7"] },
  });

  await page.goto(`/o/${org.id}/activities/${activity.id}`);
  await page.getByRole("link", { name: "DSFA-Screening öffnen" }).click();
  await expect(page).toHaveURL(`/o/${org.id}/activities/${activity.id}/dpia`);
  await expect(page.getByTestId("dpia-verdict")).toHaveText("DSFA wahrscheinlich erforderlich");
  const indicator = page.getByRole("region", { name: "Ergebnis der Schwellwertprüfung" });
  await expect(indicator).toContainText("WP 248 rev.01, Kriterium 4");
  await expect(indicator).toContainText("WP 248 rev.01, Kriterium 7");
  await expect(indicator).toContainText("Art. 36 DSGVO");

  await page.getByRole("combobox", { name: "Entscheidung", exact: true }).selectOption("REQUIRED");
  const reason = "Gesundheitsdaten von Beschäftigten: zwei Kriterien nach WP 248, DSFA wird durchgeführt.";
  await page.getByRole("textbox", { name: "Begründung", exact: true }).fill(reason);
  await page.getByRole("button", { name: "Entscheidung erfassen" }).click();
  await expect(page.getByRole("status")).toHaveText("Die Entscheidung zur DSFA wurde erfasst.");
  const recorded = page.getByTestId("dpia-recorded");
  await expect(recorded).toContainText("Erforderlich");
  await expect(recorded).toContainText("Dana DSB");
  await expect(recorded).toContainText(reason);
  await expect(recorded).toContainText("Ergebnis bei der Entscheidung: DSFA wahrscheinlich erforderlich");
  await expect(page.getByText("Die Entscheidung passt nicht mehr zum aktuellen Ergebnis")).toHaveCount(0);

  const row = await db.processingActivity.findUniqueOrThrow({ where: { id: activity.id }, select: { dpiaDecision: true, dpiaDecisionReason: true } });
  expect(row).toEqual({ dpiaDecision: "REQUIRED", dpiaDecisionReason: reason });
  expect(await db.auditEvent.count({ where: { entityId: activity.id, action: "activity.dpiaDecision" } })).toBe(1);

  // A DSK must-list item ticked later: the indicator moves to "required" and the decision is flagged.
  await page.locator("#criterion-DSK_11").check();
  await page.getByRole("button", { name: "Kriterien speichern" }).click();
  await expect(page.getByRole("status")).toHaveText("Die Kriterien wurden gespeichert.");
  await expect(page.getByTestId("dpia-verdict")).toHaveText("DSFA erforderlich");
  const stale = page.getByRole("alert").filter({ hasText: "Die Entscheidung passt nicht mehr zum aktuellen Ergebnis" });
  await expect(stale).toContainText("Seitdem hinzugekommen: DSK-Muss-Liste Version 1.1, Nr. 11");
});

test("an editor sees the screening but no decision form", async ({ page, context }) => {
  const db = e2eDb();
  const [org] = await demoOrganisations();
  const { id: userId } = await createStaffUser({ orgId: org.id, role: "EDITOR" });
  await signInContext(context, userId);
  const activity = await db.processingActivity.create({ data: { organisationId: org.id, referenceNumber: unique("VT-DSFA"), name: unique("Videoüberwachung"), dpiaCriteria: ["ART35_3_C"] } });

  await page.goto(`/o/${org.id}/activities/${activity.id}/dpia`);
  await expect(page.getByTestId("dpia-verdict")).toHaveText("DSFA erforderlich");
  await expect(page.getByText("Art. 35 Abs. 3 lit. c DSGVO").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Entscheidung erfassen" })).toHaveCount(0);
  await expect(page.getByText("Die Entscheidung erfasst die oder der Datenschutzbeauftragte.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Kriterien speichern" })).toBeVisible();
});

test("the findings page lists a register-health finding by kind and its link opens the entry to fix", async ({ page, context }) => {
  const db = e2eDb();
  const [org] = await demoOrganisations();
  const { id: userId } = await createStaffUser({ orgId: org.id, role: "VIEWER" });
  await signInContext(context, userId);

  const name = unique("Newsletterversand");
  const activity = await db.processingActivity.create({ data: { organisationId: org.id, referenceNumber: unique("VT-HEALTH"), name } });
  await db.activityDataCategory.create({ data: { activityId: activity.id, categoryCode: "CONTACT" } });
  const vendorName = unique("Versand GmbH");
  const vendor = await db.vendor.create({ data: { organisationId: org.id, name: vendorName, country: "DE", kind: "PROCESSOR" } });
  await db.recipient.create({ data: { organisationId: org.id, activityId: activity.id, kind: "VENDOR", role: "PROCESSOR", vendorId: vendor.id } });

  await page.goto(`/o/${org.id}`);
  await page.getByRole("link", { name: "Alle Prüfbefunde anzeigen" }).click();
  await expect(page).toHaveURL(`/o/${org.id}/health`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prüfbefunde im Verzeichnis");

  // Filter to missing retention periods: only that kind remains, with this activity's finding.
  await page.getByRole("navigation", { name: "Art des Befunds" }).getByRole("link", { name: /^Datenkategorien ohne Löschfrist/ }).click();
  await expect(page).toHaveURL(`/o/${org.id}/health?kind=retentionMissing`);
  await expect(page.getByRole("region", { name: "Auftragsverarbeiter ohne unterzeichneten AVV" })).toHaveCount(0);
  const retention = page.getByRole("listitem").filter({ hasText: name });
  await expect(retention).toContainText("Art. 30(1)(f)");
  await expect(retention).toContainText("Erfassen Sie die Löschfrist der Datenkategorie.");
  await retention.getByRole("link", { name: /^Verarbeitungstätigkeit .* öffnen$/ }).click();
  await expect(page).toHaveURL(`/o/${org.id}/activities/${activity.id}#dataCategories`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

  // A processor without a signed DPA: critical, and its link opens the vendor.
  await page.goto(`/o/${org.id}/health?kind=dpaMissing`);
  const dpa = page.getByRole("listitem").filter({ hasText: vendorName });
  await expect(dpa).toContainText("kritisch");
  await expect(dpa).toContainText("Art. 28(3)");
  await dpa.getByRole("link", { name: "Auftragsverarbeiter/Dienstleister öffnen" }).click();
  await expect(page).toHaveURL(`/o/${org.id}/vendors/${vendor.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(vendorName);
});
