import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { INSTANCE_CHAIN, verifyAuditChain } from "@/lib/audit";
import { DEMO_ORGANISATION_NAMES, DEMO_USERS, seedDemo } from "@/prisma/seed";
import { createActivity, createOrganisation, createVendor } from "@/e2e/factories";

const TOP_LEVEL = ["Organisation", "Activity", "Vendor", "Dpa", "Tia", "Tom", "Transfer"] as const;

describeEachProvider("seedDemo", (provider) => {
  let t: TestDatabase;
  let first: Awaited<ReturnType<typeof seedDemo>>;
  const startedAt = new Date();

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    first = await seedDemo(t.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  const topLevelCounts = async () => ({
    Organisation: await t.db.organisation.count(),
    Activity: await t.db.processingActivity.count(),
    Vendor: await t.db.vendor.count(),
    Dpa: await t.db.dataProcessingAgreement.count(),
    Tia: await t.db.transferImpactAssessment.count(),
    Tom: await t.db.technicalOrganisationalMeasure.count(),
    Transfer: await t.db.transfer.count(),
  });

  it("creates the two organisations of the group with about 25 activities", async () => {
    expect(first.organisations).toBe(2);
    expect(first.activities).toBeGreaterThanOrEqual(24);
    const orgs = await t.db.organisation.findMany({ select: { id: true, name: true, parentId: true, actsAsProcessor: true, dpoExternal: true }, orderBy: { createdAt: "asc" } });
    expect(orgs.map((o) => o.name).sort()).toEqual([...DEMO_ORGANISATION_NAMES].sort());
    const parent = orgs.find((o) => o.name === "Nordlicht Software GmbH");
    const child = orgs.find((o) => o.name === "Nordlicht Services GmbH");
    expect(parent).toMatchObject({ parentId: null, dpoExternal: false });
    expect(child).toMatchObject({ parentId: parent?.id, actsAsProcessor: true, dpoExternal: true });
    expect(await t.db.processingActivity.count()).toBe(first.activities);
  });

  it("gives every activity at least one purpose with a legal basis, and realistic status mix", async () => {
    const activities = await t.db.processingActivity.findMany({
      select: { referenceNumber: true, status: true, nextReviewAt: true, purposes: { select: { legalBases: { select: { basisCode: true } } } } },
    });
    for (const a of activities) {
      expect(a.purposes.length, a.referenceNumber).toBeGreaterThan(0);
      expect(a.purposes.some((p) => p.legalBases.length > 0), a.referenceNumber).toBe(true);
    }
    const statuses = new Set(activities.map((a) => a.status));
    expect([...statuses].sort()).toEqual(["DRAFT", "IN_REVIEW", "RELEASED"]);
    expect(activities.filter((a) => a.status === "RELEASED").length).toBeGreaterThan(activities.length / 2);
    expect(activities.some((a) => a.nextReviewAt !== null && a.nextReviewAt < startedAt)).toBe(true);
  });

  it("uses built-in vocabulary codes only", async () => {
    const terms = await t.db.vocabularyTerm.findMany({ where: { organisationId: null }, select: { kind: true, code: true } });
    const known = (kind: string) => new Set(terms.filter((x) => x.kind === kind).map((x) => x.code));
    const bases = await t.db.purposeLegalBasis.findMany({ select: { basisCode: true } });
    const subjects = await t.db.activityDataSubject.findMany({ select: { categoryCode: true } });
    const categories = await t.db.activityDataCategory.findMany({ select: { categoryCode: true, retentionStartCode: true, sourceCode: true } });
    const recipients = await t.db.recipient.findMany({ where: { categoryCode: { not: null } }, select: { categoryCode: true } });
    for (const b of bases) expect(known("LEGAL_BASIS").has(b.basisCode), b.basisCode).toBe(true);
    for (const s of subjects) expect(known("DATA_SUBJECT").has(s.categoryCode), s.categoryCode).toBe(true);
    for (const c of categories) {
      expect(known("DATA_CATEGORY").has(c.categoryCode), c.categoryCode).toBe(true);
      if (c.retentionStartCode) expect(known("RETENTION_START").has(c.retentionStartCode), c.retentionStartCode).toBe(true);
      if (c.sourceCode) expect(known("DATA_SOURCE").has(c.sourceCode), c.sourceCode).toBe(true);
    }
    for (const r of recipients) expect(known("RECIPIENT_CATEGORY").has(r.categoryCode ?? ""), r.categoryCode ?? "").toBe(true);
  });

  it("covers the cases the rules and tiles need", async () => {
    const mechanisms = await t.db.transfer.groupBy({ by: ["mechanism"], _count: true });
    expect(mechanisms.length).toBeGreaterThanOrEqual(6);
    const used = new Set(mechanisms.map((m) => m.mechanism));
    for (const m of ["DPF", "SCC_2021_M2", "PRIVACY_SHIELD", "SCC_OLD", "NONE_STATED", "ART49_1A", "ADEQUACY"] as const) expect(used.has(m), m).toBe(true);

    // SCC with and without a TIA; remote access from the US to EU-hosted data.
    expect(await t.db.transfer.count({ where: { mechanism: "SCC_2021_M2", tiaId: { not: null } } })).toBeGreaterThan(0);
    expect(await t.db.transfer.count({ where: { mechanism: "SCC_2021_M2", tiaId: null } })).toBeGreaterThan(0);
    expect(await t.db.transfer.count({ where: { access: "REMOTE_ACCESS", destinationCountry: "US" } })).toBeGreaterThan(0);

    // DPF claimed for HR data with a recipient whose DPF entry does not cover HR data.
    const hrDpf = await t.db.transfer.findMany({
      where: { mechanism: "DPF", recipient: { activity: { dataSubjects: { some: { categoryCode: "EMPLOYEES" } } } } },
      select: { recipient: { select: { vendor: { select: { dpfChecks: { select: { coversHr: true } } } } } } },
    });
    expect(hrDpf.some((x) => x.recipient.vendor?.dpfChecks.some((c) => !c.coversHr))).toBe(true);

    // One activity with no retention at all; health data of employees under Art. 9(2)(b).
    const categories = await t.db.processingActivity.findMany({ select: { referenceNumber: true, dataCategories: { select: { retentionPeriod: true } } } });
    expect(categories.some((a) => a.dataCategories.length > 0 && a.dataCategories.every((c) => c.retentionPeriod === null))).toBe(true);
    const health = await t.db.processingActivity.findFirst({
      where: { dataCategories: { some: { categoryCode: "HEALTH", isSpecialCategory: true } }, purposes: { some: { legalBases: { some: { basisCode: "ART9_2_B" } } } } },
      select: { id: true },
    });
    expect(health).not.toBeNull();

    // § 26(1) BDSG as the only basis once (the C-34/21 warning); § 25(1) TDDDG for analytics.
    const purposes = await t.db.purpose.findMany({ select: { legalBases: { select: { basisCode: true } } } });
    expect(purposes.filter((p) => p.legalBases.length === 1 && p.legalBases[0]?.basisCode === "BDSG_26_1")).toHaveLength(1);
    expect(await t.db.purposeLegalBasis.count({ where: { basisCode: "TDDDG_25_1" } })).toBeGreaterThan(0);

    // An Art. 30(2) processor activity on behalf of a client controller.
    const processor = await t.db.processingActivity.findFirst({ where: { role: "PROCESSOR", clientVendor: { kind: "CLIENT_CONTROLLER" } }, select: { processingCategories: true } });
    expect(processor?.processingCategories).toBeTruthy();

    // A processor without a DPA, and a DPA due for review.
    const processors = await t.db.vendor.findMany({ where: { kind: "PROCESSOR", recipients: { some: {} } }, select: { name: true, agreements: { select: { id: true } } } });
    expect(processors.some((v) => v.agreements.length === 0)).toBe(true);
    expect(await t.db.dataProcessingAgreement.count({ where: { nextReviewAt: { lt: startedAt } } })).toBeGreaterThan(0);

    // Sub-processor chain HubSpot Ireland → HubSpot, Inc. → Amazon Web Services, Inc.
    const chain = await t.db.vendor.findFirstOrThrow({
      where: { name: "HubSpot Ireland Limited" },
      select: { subProcessors: { select: { subVendor: { select: { name: true, subProcessors: { select: { name: true, country: true } } } } } } },
    });
    const inc = chain.subProcessors.find((s) => s.subVendor?.name === "HubSpot, Inc.");
    expect(inc?.subVendor?.subProcessors).toEqual([{ name: "Amazon Web Services, Inc.", country: "US" }]);
  });

  it("creates the demo users for e-mail-link sign-in with their roles", async () => {
    const users = await t.db.user.findMany({ select: { email: true, emailVerified: true, isAdmin: true, memberships: { select: { role: true, organisation: { select: { name: true } } } } } });
    const byEmail = new Map(users.map((u) => [u.email, u]));
    for (const u of DEMO_USERS) expect(byEmail.get(u.email)?.emailVerified ?? null, u.email).toBeNull();
    const roles = (email: string) => (byEmail.get(email)?.memberships ?? []).map((m) => `${m.organisation.name}:${m.role}`).sort();
    expect(roles("dpo@nordlicht.example")).toEqual(["Nordlicht Services GmbH:DPO", "Nordlicht Software GmbH:DPO"]);
    expect(roles("admin@nordlicht.example")).toEqual(["Nordlicht Software GmbH:ADMIN"]);
    expect(byEmail.get("admin@nordlicht.example")?.isAdmin).toBe(true);
    expect(roles("editor@nordlicht.example")).toEqual(["Nordlicht Software GmbH:EDITOR"]);
    expect(roles("viewer@nordlicht.example")).toEqual(["Nordlicht Software GmbH:VIEWER"]);
    const contact = await t.db.vendorContact.findFirstOrThrow({ where: { email: "privacy@hubspot.example" }, select: { canSignIn: true, vendor: { select: { name: true, organisation: { select: { name: true } } } } } });
    expect(contact).toEqual({ canSignIn: true, vendor: { name: "HubSpot Ireland Limited", organisation: { name: "Nordlicht Software GmbH" } } });
  });

  it("fills the search text of activities from names, purposes, categories, vendors and countries", async () => {
    const analytics = await t.db.processingActivity.findFirstOrThrow({ where: { name: { contains: "Google Analytics" } }, select: { searchText: true } });
    expect(analytics.searchText).toContain("reichweitenmessung");
    expect(analytics.searchText).toContain("google ireland limited");
    expect(analytics.searchText).toContain("internet_cookies");
    expect(analytics.searchText).toContain(" us");
    const surveillance = await t.db.processingActivity.findFirstOrThrow({ where: { referenceNumber: "VT-015", organisation: { name: "Nordlicht Software GmbH" } }, select: { searchText: true } });
    expect(surveillance.searchText).toContain("videouberwachung des eingangsbereichs");
  });

  it("writes exactly one Revision v1 and one audit event per top-level entry; every chain verifies", async () => {
    const counts = await topLevelCounts();
    for (const entityType of TOP_LEVEL) {
      const revisions = await t.db.revision.findMany({ where: { entityType }, select: { entityId: true, version: true, action: true } });
      expect(revisions, entityType).toHaveLength(counts[entityType]);
      expect(new Set(revisions.map((r) => r.entityId)).size, entityType).toBe(counts[entityType]);
      expect(revisions.every((r) => r.version === 1 && r.action === "create"), entityType).toBe(true);
    }
    const total = TOP_LEVEL.reduce((n, e) => n + counts[e], 0);
    expect(await t.db.auditEvent.count({ where: { organisationId: { not: null } } })).toBe(total);

    const activityRevision = await t.db.revision.findFirstOrThrow({ where: { entityType: "Activity" }, select: { snapshot: true } });
    expect(activityRevision.snapshot).toMatchObject({ purposes: expect.any(Array), recipients: expect.any(Array), dataCategories: expect.any(Array) });

    for (const org of await t.db.organisation.findMany({ select: { id: true } })) {
      const result = await verifyAuditChain(t.db, org.id);
      expect(result.ok, org.id).toBe(true);
      expect(result.ok && result.count).toBeGreaterThan(0);
    }
    expect((await verifyAuditChain(t.db, INSTANCE_CHAIN)).ok).toBe(true);
  });

  it("is a no-op on a database that already has organisations", async () => {
    const before = { ...(await topLevelCounts()), revisions: await t.db.revision.count(), audit: await t.db.auditEvent.count(), users: await t.db.user.count() };
    expect(await seedDemo(t.db)).toEqual({ organisations: 0, activities: 0 });
    expect({ ...(await topLevelCounts()), revisions: await t.db.revision.count(), audit: await t.db.auditEvent.count(), users: await t.db.user.count() }).toEqual(before);
  });

  it("factories open their own transaction on the root client and make unique default names", async () => {
    const org = await createOrganisation(t.db);
    const a = await createVendor(t.db, org.id);
    const b = await createVendor(t.db, org.id);
    expect(a.name).not.toBe(b.name);
    const activity = await createActivity(t.db, org.id, {
      recipients: [{ kind: "VENDOR", role: "PROCESSOR", vendorId: a.id, transfers: [{ destinationCountry: "US", mechanism: "SCC_2021_M2" }] }],
    });
    expect(activity.purposes[0]?.legalBases[0]?.basisCode).toBe("ART6_1_B");
    expect(activity.searchText).toContain(a.name.toLowerCase());
    expect(await t.db.revision.count({ where: { organisationId: org.id } })).toBe(5); // org, 2 vendors, activity, transfer
    const chain = await verifyAuditChain(t.db, org.id);
    expect(chain.ok && chain.count).toBe(5);
  });
});
