// Organisations are tenants: a member of A gets 404 for anything of B (no existence oracle, C01/C05).
import { test, expect, createStaffUser, demoOrganisations, e2eDb, signInContext } from "../fixtures";

test("a user of organisation A gets 404 for organisation B's activity", async ({ page }) => {
  const [a, b] = await demoOrganisations();
  const user = await createStaffUser({ orgId: a.id, role: "DPO" });
  const foreign = await e2eDb().processingActivity.findFirstOrThrow({ where: { organisationId: b.id }, select: { id: true, name: true } });
  const own = await e2eDb().processingActivity.findFirstOrThrow({ where: { organisationId: a.id }, select: { id: true } });
  await signInContext(page.context(), user.id);

  const ownPage = await page.goto(`/o/${a.id}/activities/${own.id}`);
  expect(ownPage?.status()).toBe(200);

  for (const path of [`/o/${b.id}/activities/${foreign.id}`, `/o/${b.id}/activities`, `/o/${b.id}`, `/o/${a.id}/activities/${foreign.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText(foreign.name)).toHaveCount(0);
  }
  // The same answer as for an id that does not exist at all.
  const missing = await page.goto(`/o/${a.id}/activities/does-not-exist`);
  expect(missing?.status()).toBe(404);
});
