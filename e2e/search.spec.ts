// The register search in the browser: a data-category word finds the activity, the country facet narrows the
// list and shows counts, the filter state lives in the URL (reload keeps it, back restores the previous one),
// matched words are highlighted in <mark>.
import { test, expect, createStaffUser, e2eDb, unique } from "./fixtures";
import { toSearchText } from "@/lib/domain/search-text";

// Data is written with the Prisma client directly (small, explicit fixture); searchText is built with
// toSearchText like every write path.
type Seed = { ref: string; name: string; description?: string; category?: { code: string; description: string; special: boolean }; countries: string[] };

test("a DPO searches the register, narrows it with the country facet and shares the URL", async ({ page, loginAs }) => {
  const db = e2eDb();
  for (const [code, de, en] of [["US", "Vereinigte Staaten", "United States"], ["IN", "Indien", "India"]] as const) {
    await db.country.upsert({ where: { code }, create: { code, nameDe: de, nameEn: en }, update: {} });
  }
  const org = await db.organisation.create({ data: { name: unique("Suchtest GmbH") } });
  const vendor = await db.vendor.create({ data: { organisationId: org.id, name: unique("Wolkig Cloud Inc.") } });
  const seeds: Seed[] = [
    {
      ref: "S-01",
      name: "Betriebsärztliche Vorsorge bei Dr. Müller",
      description: "Vorsorgeuntersuchungen der Beschäftigten",
      category: { code: "HEALTH", description: "Befundberichte und Gesundheitsdaten", special: true },
      countries: ["US"],
    },
    { ref: "S-02", name: "Ticketsystem IT-Support", countries: ["US", "IN"] },
    { ref: "S-03", name: "Lohnabrechnung", description: "Ohne Drittlandübermittlung", countries: [] },
  ];
  for (const s of seeds) {
    const activity = await db.processingActivity.create({
      data: {
        organisationId: org.id,
        referenceNumber: s.ref,
        name: s.name,
        description: s.description ?? null,
        searchText: toSearchText([s.ref, s.name, s.description, s.category?.code, s.category?.description, s.countries.length ? vendor.name : null, s.countries]),
        purposes: { create: [{ description: `Zweck ${s.ref}`, legalBases: { create: [{ basisCode: "ART6_1_B" }] } }] },
        dataCategories: s.category ? { create: [{ categoryCode: s.category.code, description: s.category.description, isSpecialCategory: s.category.special }] } : undefined,
      },
    });
    if (s.countries.length === 0) continue;
    const recipient = await db.recipient.create({ data: { organisationId: org.id, activityId: activity.id, kind: "VENDOR", role: "PROCESSOR", vendorId: vendor.id } });
    for (const destinationCountry of s.countries) {
      await db.transfer.create({ data: { organisationId: org.id, recipientId: recipient.id, destinationCountry, mechanism: "SCC_2021_M2" } });
    }
  }
  const { id: userId } = await createStaffUser({ orgId: org.id, role: "DPO" });
  await loginAs(userId);

  const list = `/o/${org.id}/activities`;
  const rows = () => page.getByRole("table").getByRole("row");
  await page.goto(list);
  await expect(rows()).toHaveCount(4);

  // A word of a data category finds the activity.
  await page.getByLabel("Suche").fill("befundberichte");
  await page.getByLabel("Suche").press("Enter");
  await expect(page).toHaveURL(/[?&]q=befundberichte/);
  await expect(rows()).toHaveCount(2);
  await expect(page.getByRole("table")).toContainText("S-01");

  // Accent-insensitive search; the matched word is highlighted.
  await page.getByLabel("Suche").fill("muller");
  await page.getByLabel("Suche").press("Enter");
  await expect(page).toHaveURL(/[?&]q=muller/);
  await expect(rows()).toHaveCount(2);
  await expect(page.getByRole("table").locator("mark")).toHaveText(["Müller"]);

  // The country facet shows counts and narrows the list.
  await page.goto(list);
  const countries = page.getByRole("group", { name: "Zielland" });
  const us = countries.getByRole("link", { name: /Vereinigte Staaten/ });
  const india = countries.getByRole("link", { name: /Indien/ });
  await expect(us).toContainText("2");
  await expect(india).toContainText("1");
  await us.click();
  await expect(page).toHaveURL(/[?&]country=US/);
  await expect(rows()).toHaveCount(3);
  await expect(us).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("table")).not.toContainText("S-03");

  // Shareable: a reload keeps the filter.
  await page.reload();
  await expect(page).toHaveURL(/[?&]country=US/);
  await expect(rows()).toHaveCount(3);
  await expect(page.getByRole("link", { name: /Zielland: Vereinigte Staaten/ })).toBeVisible();

  // Switching to India, then back restores the previous filter state.
  await page.getByRole("group", { name: "Zielland" }).getByRole("link", { name: /Indien/ }).click();
  await expect(page).toHaveURL(/[?&]country=IN/);
  await expect(rows()).toHaveCount(2);
  await page.goBack();
  await expect(page).toHaveURL(/[?&]country=US/);
  await expect(rows()).toHaveCount(3);

  // Reset shows everything again.
  await page.getByRole("link", { name: "Filter zurücksetzen" }).first().click();
  await expect(page).toHaveURL(list);
  await expect(rows()).toHaveCount(4);
});
