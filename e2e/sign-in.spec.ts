// Sign-in by e-mail link, read from the real local SMTP sink (C11–C15, C18).
import { test, expect, waitForMail, createStaffUser, demoOrganisations, readOutbox, unique, e2eDb } from "./fixtures";

async function requestLink(page: import("@playwright/test").Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByRole("button", { name: "Anmeldelink senden" }).click();
  await expect(page).toHaveURL(/\/login\/check-email/);
}

test("a DPO signs in through the e-mailed link and sees the register", async ({ page, context, request }) => {
  const since = Date.now();
  await requestLink(page, "dpo@nordlicht.example");
  const mail = await waitForMail("dpo@nordlicht.example", since);
  const link = mail.links?.[0];
  expect(link).toMatch(/^http:\/\/localhost:\d+\/verify\?/);

  // C14: a link scanner's GET and HEAD show the confirm page and do not use up the token.
  expect((await request.get(link!)).status()).toBe(200);
  expect((await request.head(link!)).status()).toBe(200);

  await page.goto(link!);
  await page.getByRole("button", { name: "Jetzt anmelden" }).click();
  await expect(page).toHaveURL("/");
  const cookie = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");

  const [org] = await demoOrganisations();
  await page.getByRole("link", { name: new RegExp(org.name) }).first().click();
  await expect(page).toHaveURL(`/o/${org.id}`);
  await page.getByRole("navigation").getByRole("link", { name: "Verarbeitungstätigkeiten" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Verarbeitungstätigkeiten");
  const expected = await e2eDb().processingActivity.count({ where: { organisationId: org.id, archivedAt: null } });
  expect(expected).toBeGreaterThan(5);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(expected + 1);

  // C12: the same link a second time does not sign anyone in.
  const other = await page.context().browser()!.newContext();
  const again = await other.newPage();
  await again.goto(link!);
  await again.getByRole("button", { name: "Jetzt anmelden" }).click();
  await expect(again).toHaveURL(/\/login\/error/);
  expect((await other.cookies()).some((c) => c.name === "authjs.session-token")).toBe(false);
  await other.close();
});

test("an unknown address gets the same answer and no mail (C15)", async ({ page }) => {
  const unknown = `${unique("nobody")}@e2e.example`;
  const { email: known } = await createStaffUser({});
  const since = Date.now();
  await requestLink(page, unknown);
  const unknownAnswer = { url: page.url(), heading: await page.getByRole("heading", { level: 1 }).textContent() };
  await requestLink(page, known);
  expect({ url: page.url(), heading: await page.getByRole("heading", { level: 1 }).textContent() }).toEqual(unknownAnswer);
  await waitForMail(known, since); // the known address's mail arrives …
  expect(readOutbox().some((m) => m.to.includes(unknown))).toBe(false); // … and nothing went to the unknown one
  expect(await e2eDb().user.count({ where: { email: unknown } })).toBe(0);
});

test("the sixth link request for one address within 15 minutes is refused with a retry time (C18)", async ({ page }) => {
  const { email } = await createStaffUser({});
  for (let i = 0; i < 5; i++) await requestLink(page, email);
  await page.goto("/login");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByRole("button", { name: "Anmeldelink senden" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Zu viele Anfragen" })).toContainText(/Zu viele Anfragen.*Minute/);
  await expect(page).toHaveURL(/\/login$/);
});
