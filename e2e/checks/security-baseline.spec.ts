// HTTP-level checks from reliability-checks.md: C07 (proxy bypass, stale role, disabled user),
// C08 (cross-origin server action), C10 (headers), C25 (type/operator injection).
import { test, expect, createStaffUser, demoOrganisations, e2eDb, signInContext, unique } from "../fixtures";

test("C10: security headers on public and authenticated responses", async ({ page, request }) => {
  for (const path of ["/login", "/healthz"]) {
    const r = await request.get(path);
    const h = r.headers();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).toContain("object-src 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBeTruthy();
    expect(h["x-powered-by"]).toBeUndefined();
  }
  const [org] = await demoOrganisations();
  const user = await createStaffUser({ orgId: org.id, role: "VIEWER" });
  await signInContext(page.context(), user.id);
  const r = await page.goto(`/o/${org.id}/activities`);
  expect(r?.headers()["cache-control"]).toContain("no-store");
});

test("C07: a forged x-middleware-subrequest header opens nothing", async ({ request }) => {
  const [org] = await demoOrganisations();
  for (const value of ["middleware:middleware:middleware:middleware:middleware", "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware", "proxy:proxy:proxy:proxy:proxy"]) {
    const r = await request.get(`/o/${org.id}/activities`, { headers: { "x-middleware-subrequest": value }, maxRedirects: 0 });
    expect([302, 303, 307, 308]).toContain(r.status());
    expect(r.headers()["location"]).toContain("/login");
  }
});

test("C07: removing a membership and disabling a user end access on the next request", async ({ page }) => {
  const [org] = await demoOrganisations();
  const user = await createStaffUser({ orgId: org.id, role: "EDITOR" });
  await signInContext(page.context(), user.id);
  expect((await page.goto(`/o/${org.id}/activities`))?.status()).toBe(200);

  await e2eDb().membership.deleteMany({ where: { userId: user.id, organisationId: org.id } });
  expect((await page.goto(`/o/${org.id}/activities`))?.status()).toBe(404);

  await e2eDb().membership.create({ data: { userId: user.id, organisationId: org.id, role: "EDITOR" } });
  expect((await page.goto(`/o/${org.id}/activities`))?.status()).toBe(200);
  await e2eDb().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
  await page.goto(`/o/${org.id}/activities`);
  await expect(page).toHaveURL(/\/login/);
  expect(await e2eDb().session.count({ where: { userId: user.id } })).toBe(0);
});

test("C08: a server action posted from a foreign origin is refused and writes nothing", async ({ page }) => {
  const [org] = await demoOrganisations();
  const dpo = await createStaffUser({ orgId: org.id, role: "DPO" });
  await signInContext(page.context(), dpo.id);
  await page.goto(`/o/${org.id}/settings/members`);
  const first = `${unique("first")}@e2e.example`;
  await page.getByLabel("E-Mail-Adresse").fill(first);
  const [legit] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    page.getByRole("button", { name: "Hinzufügen" }).click(),
  ]);
  await expect(page.getByRole("status")).toContainText("Mitglied hinzugefügt");

  const target = `${unique("csrf")}@e2e.example`;
  const body = (legit.postData() ?? "").replace(first, target);
  const headers = Object.fromEntries(Object.entries(legit.headers()).filter(([k]) => !["cookie", "content-length", "origin"].includes(k)));
  const r = await page.request.post(legit.url(), { headers: { ...headers, origin: "https://evil.example" }, data: body });
  expect(r.ok()).toBe(false);
  expect(await e2eDb().user.count({ where: { email: target } })).toBe(0);
});

test("C25/C03: extra fields and wrong types are refused with field errors and change nothing", async ({ page }) => {
  const [org] = await demoOrganisations();
  const dpo = await createStaffUser({ orgId: org.id, role: "DPO" });
  await signInContext(page.context(), dpo.id);
  await page.goto(`/o/${org.id}/settings/members`);
  const email = `${unique("mass")}@e2e.example`;
  await page.getByLabel("E-Mail-Adresse").fill(email);
  // Add a field the form does not have, as a crafted request would.
  await page.locator("form:has(#member-email)").evaluate((form) => {
    const extra = document.createElement("input");
    extra.type = "hidden";
    extra.name = "isAdmin";
    extra.value = "true";
    form.appendChild(extra);
  });
  await page.getByRole("button", { name: "Hinzufügen" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Bitte prüfen Sie die markierten Felder" })).toBeVisible();
  await expect(page.getByLabel("E-Mail-Adresse")).toHaveValue(email); // input kept
  expect(await e2eDb().user.count({ where: { email } })).toBe(0);

  // Search terms are matched literally, never as SQL or LIKE wildcards.
  const all = await e2eDb().processingActivity.findMany({ where: { organisationId: org.id, archivedAt: null }, select: { searchText: true } });
  for (const q of ["' OR 1=1 --", "%", "_"]) {
    const literal = all.filter((a) => a.searchText.includes(q)).length;
    expect(literal).toBeLessThan(all.length); // the term must not match everything
    await page.goto(`/o/${org.id}/activities?q=${encodeURIComponent(q)}`);
    if (literal === 0) await expect(page.getByRole("table")).toHaveCount(0);
    else await expect(page.getByRole("table").getByRole("row")).toHaveCount(literal + 1);
  }
  // An operator object where a string is expected in the URL is just text.
  const r = await page.goto(`/o/${org.id}/activities?q[contains]=&page[not]=1`);
  expect(r?.status()).toBe(200);
});
