// A VIEWER (auditor) reads everything in its organisation and reaches no mutation: no control is shown,
// and a legitimate mutation request replayed with the viewer's session is refused without a write.
import type { Page, Request } from "@playwright/test";
import { test, expect, createStaffUser, demoOrganisations, e2eDb, signInContext, unique } from "../fixtures";

/** Submits the add-member form as a DPO and returns the captured server-action request. */
async function captureAddMember(page: Page, orgId: string, email: string): Promise<Request> {
  await page.goto(`/o/${orgId}/settings/members`);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Rolle", { exact: true }).selectOption("VIEWER");
  const [req] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    page.getByRole("button", { name: "Hinzufügen" }).click(),
  ]);
  await expect(page.getByRole("status")).toContainText("Mitglied hinzugefügt");
  return req;
}

test("a VIEWER sees the register and no mutation control, and the server refuses a crafted request", async ({ page, browser }) => {
  const [org] = await demoOrganisations();
  const viewer = await createStaffUser({ orgId: org.id, role: "VIEWER", name: "Auditorin" });
  const dpo = await createStaffUser({ orgId: org.id, role: "DPO" });

  // Reads: list, detail, members.
  await signInContext(page.context(), viewer.id);
  await page.goto(`/o/${org.id}/activities`);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toBeVisible();
  await rows.nth(1).getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/o/${org.id}/activities/[^/]+$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // No mutation controls anywhere on the register screens.
  for (const path of [`/o/${org.id}`, `/o/${org.id}/activities`, page.url(), `/o/${org.id}/settings/members`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: /Hinzufügen|Speichern|Bearbeiten|Archivieren|Entfernen|Rolle ändern|Freigeben|Neue/ })).toHaveCount(0);
    await expect(page.locator("form[action]:not([action^='/login'])").filter({ has: page.locator("input[name=membershipId], input[name=email]") })).toHaveCount(0);
  }

  // A DPO's real request, replayed with the viewer's session and another address: refused, nothing written.
  const dpoContext = await browser.newContext();
  const dpoPage = await dpoContext.newPage();
  await signInContext(dpoContext, dpo.id);
  const legit = await captureAddMember(dpoPage, org.id, `${unique("legit")}@e2e.example`);
  await dpoContext.close();

  const target = `${unique("crafted")}@e2e.example`;
  const body = (legit.postData() ?? "").replace(/legit-[^@"\r\n]+@e2e\.example/, target);
  expect(body).toContain(target);
  const membershipsBefore = await e2eDb().membership.count({ where: { organisationId: org.id } });
  const auditBefore = await e2eDb().auditEvent.count();
  const headers = Object.fromEntries(Object.entries(legit.headers()).filter(([k]) => !["cookie", "content-length"].includes(k)));
  const response = await page.request.post(legit.url(), { headers, data: body });
  expect(response.headers()["x-action-redirect"]).toBeUndefined();
  expect(await response.text()).not.toContain('"ok":true');
  expect(await e2eDb().user.count({ where: { email: target } })).toBe(0);
  expect(await e2eDb().membership.count({ where: { organisationId: org.id } })).toBe(membershipsBefore);
  expect(await e2eDb().auditEvent.count()).toBe(auditBefore);
});
