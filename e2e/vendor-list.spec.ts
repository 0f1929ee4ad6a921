// The vendor list with the register's treatment: search with highlighted matches, facets with counts
// (country, DPA status, DPF participation, certification, used by activities), state in the URL (reload keeps
// it, back restores the previous one), sort by a column header, archived vendors only on request.
import { test, expect, createStaffUser, e2eDb, signInContext, unique } from "./fixtures";
import { createActivity, createDpa, createOrganisation, createVendor } from "./factories";

test("a DPO searches the vendor list, narrows it with facets and shares the URL", async ({ page }) => {
  const db = e2eDb();
  for (const [code, de, en] of [["US", "Vereinigte Staaten", "United States"], ["IE", "Irland", "Ireland"], ["DE", "Deutschland", "Germany"]] as const) {
    await db.country.upsert({ where: { code }, create: { code, nameDe: de, nameEn: en }, update: {} });
  }
  const org = await createOrganisation(db, { name: unique("Dienstleistertest GmbH") });
  const wolke = await createVendor(db, org.id, {
    name: "Wolke Müller Inc.",
    country: "US",
    services: "Cloud-Hosting",
    locations: [{ country: "IE", city: "Dublin", purpose: "STORAGE" }],
    certifications: [{ name: "ISO/IEC 27001" }],
    dpfCheck: { status: "ACTIVE" },
  });
  await createDpa(db, org.id, wolke.id, { status: "SIGNED" });
  await createVendor(db, org.id, { name: "Versand Ltd", country: "US" });
  await createVendor(db, org.id, { name: "Lohnbüro Köln GmbH", country: "DE", certifications: [{ name: "ISO/IEC 27001" }] });
  await createVendor(db, org.id, { name: "Altanbieter AG", country: "US", archivedAt: new Date() });
  await createActivity(db, org.id, { name: "Hosting", recipients: [{ kind: "VENDOR", role: "PROCESSOR", vendorId: wolke.id }] });
  const { id: userId } = await createStaffUser({ orgId: org.id, role: "DPO" });
  await signInContext(page.context(), userId);

  const list = `/o/${org.id}/vendors`;
  const rows = () => page.getByRole("table").getByRole("row");
  await page.goto(list);
  await expect(rows()).toHaveCount(4);
  await expect(page.getByRole("table")).not.toContainText("Altanbieter AG");

  // Accent-insensitive search; the matched word is highlighted.
  await page.getByLabel("Suche").fill("muller");
  await page.getByLabel("Suche").press("Enter");
  await expect(page).toHaveURL(/[?&]q=muller/);
  await expect(rows()).toHaveCount(2);
  await expect(page.getByRole("table").locator("mark")).toHaveText(["Müller"]);

  // Facets with counts; a click narrows the list and is in the URL.
  await page.goto(list);
  const country = page.getByRole("group", { name: "Land (Sitz, Standort, Unterauftragsverarbeiter)" });
  await expect(country.getByRole("link", { name: /Vereinigte Staaten/ })).toContainText("2");
  await expect(country.getByRole("link", { name: /Irland/ })).toContainText("1");
  await expect(page.getByRole("group", { name: "AVV-Status" }).getByRole("link", { name: /kein AVV/ })).toContainText("2");
  await expect(page.getByRole("group", { name: "DPF-Teilnahme" }).getByRole("link", { name: /Aktiv zertifiziert/ })).toContainText("1");
  await expect(page.getByRole("group", { name: "Zertifizierung" }).getByRole("link", { name: /ISO\/IEC 27001/ })).toContainText("2");
  await country.getByRole("link", { name: /Vereinigte Staaten/ }).click();
  await expect(page).toHaveURL(/[?&]country=US/);
  await expect(rows()).toHaveCount(3);
  await expect(country.getByRole("link", { name: /Vereinigte Staaten/ })).toHaveAttribute("aria-current", "true");
  const used = page.getByRole("group", { name: "Von Verarbeitungstätigkeiten genutzt" });
  await expect(used.getByRole("link", { name: /ja/ })).toContainText("1");
  await used.getByRole("link", { name: /nein/ }).click();
  await expect(page).toHaveURL(/[?&]country=US.*[?&]used=no|[?&]used=no.*[?&]country=US/);
  await expect(rows()).toHaveCount(2);
  await expect(page.getByRole("table")).toContainText("Versand Ltd");

  // Shareable and back button: a reload keeps the state, back restores the previous one.
  await page.reload();
  await expect(rows()).toHaveCount(2);
  await expect(page.getByRole("link", { name: /Von Verarbeitungstätigkeiten genutzt: nein/ })).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL(/used=no/);
  await expect(rows()).toHaveCount(3);

  // Sort by the activities column (descending on the second click).
  await page.getByRole("link", { name: /Nach Verarbeitungstätigkeiten sortieren/ }).click();
  await expect(page).toHaveURL(/[?&]sort=activities/);
  await page.getByRole("link", { name: /Nach Verarbeitungstätigkeiten sortieren/ }).click();
  await expect(page).toHaveURL(/[?&]dir=desc/);
  await expect(rows().nth(1)).toContainText("Wolke Müller Inc.");

  // Archived vendors only on request.
  await page.goto(`${list}?archived=1`);
  await expect(page.getByRole("table")).toContainText("Altanbieter AG");
  await page.getByRole("link", { name: "Filter zurücksetzen" }).first().click();
  await expect(page).toHaveURL(list);
  await expect(rows()).toHaveCount(4);
});
