// Demo data: two fictional organisations of one group with a realistic German register, built with the
// same factories the tests use (e2e/factories.ts). Runs only on a database without organisations.
// CLI: `tsx prisma/seed.ts` (DATABASE_URL or file:./data/register.db; the database must be migrated).
//
// Vendors are real companies with their real legal entities and countries. Their DPF entries, contract
// dates and several transfer statements are DEMO values, some deliberately problematic so that every
// rule and tile has data (see docs/decisions/0009-reference-data-and-demo-data.md). Not legal advice.
import { pathToFileURL } from "node:url";
import { createDb, databaseUrl, type Db, type Tx } from "@/lib/db";
import { loadReferenceData } from "@/lib/reference-data/load";
import {
  SEED_ACTOR,
  addMembership,
  createActivity,
  createDepartment,
  createDpa,
  createOrganisation,
  createTia,
  createTom,
  createUser,
  createVendor,
  createVendorContact,
  resetSequence,
  type ActivityInput,
  type DpfCheckInput,
  type RecipientInput,
} from "@/e2e/factories";
import type { TomCategory } from "@/prisma/generated/sqlite/enums";

/** Demo sign-in addresses (sign-in by e-mail link; the link is printed to the server console). */
export const DEMO_USERS = [
  { email: "dpo@nordlicht.example", name: "Miriam Köhler", description: "DPO of both organisations (group data protection officer)" },
  { email: "admin@nordlicht.example", name: "Tobias Berger", description: "instance administrator, ADMIN of Nordlicht Software GmbH" },
  { email: "editor@nordlicht.example", name: "Aylin Demir", description: "EDITOR of Nordlicht Software GmbH" },
  { email: "viewer@nordlicht.example", name: "Dr. Klaus Wendt", description: "VIEWER (auditor) of Nordlicht Software GmbH" },
  { email: "privacy@hubspot.example", name: "HubSpot Privacy Team", description: "vendor contact: HubSpot's sheet at Nordlicht Software GmbH" },
] as const;

export const DEMO_ORGANISATION_NAMES = ["Nordlicht Software GmbH", "Nordlicht Services GmbH"] as const;

const DAY = 24 * 60 * 60 * 1000;
const utc = (d: string) => new Date(`${d}T00:00:00.000Z`);

const DPF_LIST = "https://www.dataprivacyframework.gov/list";
const DPF_NOTE = "Demodaten: Prüfstand fiktiv; vor Verwendung mit der DPF-Liste abgleichen.";

const TOM_CATALOGUE: { code: string; category: TomCategory; title: string; description: string }[] = [
  { code: "TOM-ENC-01", category: "PSEUDONYMISATION_ENCRYPTION", title: "Transportverschlüsselung", description: "Alle externen Verbindungen ausschließlich über TLS 1.2 oder höher; HSTS auf allen Webdiensten." },
  { code: "TOM-ENC-02", category: "PSEUDONYMISATION_ENCRYPTION", title: "Verschlüsselung von Datenträgern", description: "Vollverschlüsselung aller Notebooks und mobilen Geräte (BitLocker/FileVault); verschlüsselte Backups." },
  { code: "TOM-ACC-01", category: "CONFIDENTIALITY", title: "Zutrittskontrolle", description: "Elektronische Schließanlage mit personengebundenen Transpondern; Besucherbuch; Serverraum nur für die IT." },
  { code: "TOM-ACC-02", category: "CONFIDENTIALITY", title: "Zugangskontrolle mit Single Sign-on und MFA", description: "Zentrale Identitätsverwaltung; Mehr-Faktor-Authentifizierung für alle Cloud-Dienste; Sperre nach Fehlversuchen." },
  { code: "TOM-ACC-03", category: "CONFIDENTIALITY", title: "Rollen- und Berechtigungskonzept", description: "Zugriffe nach dem Need-to-know-Prinzip; halbjährliche Rezertifizierung der Berechtigungen." },
  { code: "TOM-INT-01", category: "INTEGRITY", title: "Protokollierung und Eingabekontrolle", description: "Revisionssichere Protokollierung von Anmeldungen und Änderungen an personenbezogenen Daten; Aufbewahrung 180 Tage." },
  { code: "TOM-INT-02", category: "INTEGRITY", title: "Weitergabekontrolle", description: "Datenübermittlung nur über freigegebene, verschlüsselte Kanäle; kein Versand personenbezogener Daten per unverschlüsselter E-Mail-Anlage." },
  { code: "TOM-AVL-01", category: "AVAILABILITY_RESILIENCE", title: "Datensicherung", description: "Tägliche inkrementelle und wöchentliche Vollsicherung in einem zweiten Rechenzentrum innerhalb der EU." },
  { code: "TOM-AVL-02", category: "AVAILABILITY_RESILIENCE", title: "Notfallmanagement", description: "Notfallhandbuch, jährlich getestete Wiederherstellung, definierte Wiederanlaufzeiten." },
  { code: "TOM-EVA-01", category: "EVALUATION", title: "Penetrationstests und Überprüfung", description: "Jährlicher externer Penetrationstest; Überprüfung der TOM durch den Datenschutzbeauftragten." },
  { code: "TOM-ORG-01", category: "ORGANISATIONAL", title: "Schulung und Verpflichtung auf Vertraulichkeit", description: "Datenschutzschulung bei Eintritt und jährlich; schriftliche Verpflichtung auf die Vertraulichkeit." },
  { code: "TOM-ORG-02", category: "ORGANISATIONAL", title: "Auftragsverarbeiterkontrolle", description: "Auswahl nach Sicherheitsprüfung, AVV nach Art. 28 Abs. 3 DSGVO, regelmäßige Überprüfung der Nachweise (ISO 27001, SOC 2)." },
];

type Seeded = { organisations: number; activities: number };

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`seed: unknown ${what}`);
  return value;
}

/**
 * Loads the reference data, then seeds the demo data when the database has no organisation yet.
 * All demo rows are written in one transaction: a database is either fully seeded or untouched.
 */
export async function seedDemo(db: Db): Promise<Seeded> {
  await loadReferenceData(db);
  if ((await db.organisation.count()) > 0) return { organisations: 0, activities: 0 };
  resetSequence();
  const now = new Date();
  return db.$transaction(
    async (tx) => {
      if ((await tx.organisation.count()) > 0) return { organisations: 0, activities: 0 };
      return seedInto(tx, now);
    },
    { timeout: 60_000 },
  );
}

async function seedInto(tx: Tx, now: Date): Promise<Seeded> {
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
  const daysAhead = (n: number) => new Date(now.getTime() + n * DAY);
  /** Released some months ago, reviewed then, next review twelve months after that. */
  const released = (monthsAgo: number) => ({
    status: "RELEASED" as const,
    releasedAt: daysAgo(monthsAgo * 30),
    lastReviewedAt: daysAgo(monthsAgo * 30),
    nextReviewAt: daysAhead((12 - monthsAgo) * 30),
  });
  const actor = SEED_ACTOR;

  // ── Users ──
  const users = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const created = await createUser(tx, { email: u.email, name: u.name, isAdmin: u.email === "admin@nordlicht.example" });
    users.set(u.email, created.id);
  }
  const userId = (email: (typeof DEMO_USERS)[number]["email"]) => required(users.get(email), email);
  const dpoId = userId("dpo@nordlicht.example");

  // ── Organisations ──
  const software = await createOrganisation(tx, {
    name: "Nordlicht Software GmbH",
    legalForm: "GmbH",
    street: "Am Sandtorkai 42",
    postalCode: "20457",
    city: "Hamburg",
    country: "DE",
    phone: "+49 40 3070 1800",
    email: "info@nordlicht.example",
    website: "https://www.nordlicht.example",
    management: "Dr. Jana Petersen, Lars Brandt (Geschäftsführung)",
    headOfDataProcessing: "Jens Hoffmann (Leitung IT)",
    dpoName: "Miriam Köhler",
    dpoExternal: false,
    dpoEmail: "dpo@nordlicht.example",
    dpoPhone: "+49 40 3070 1890",
    dpoAddress: "Nordlicht Software GmbH, Datenschutz, Am Sandtorkai 42, 20457 Hamburg",
    supervisoryAuthority: "Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit (HmbBfDI), Ludwig-Erhard-Straße 22, 20459 Hamburg",
    actsAsController: true,
    actsAsProcessor: false,
    employeeCount: 180,
    requireFourEyes: true,
  }, actor);
  const services = await createOrganisation(tx, {
    name: "Nordlicht Services GmbH",
    legalForm: "GmbH",
    street: "Kaistraße 18",
    postalCode: "24114",
    city: "Kiel",
    country: "DE",
    phone: "+49 431 6600 200",
    email: "kontakt@services.nordlicht.example",
    website: "https://services.nordlicht.example",
    management: "Henrik Sörensen (Geschäftsführer)",
    headOfDataProcessing: "Katrin Lund (Leitung IT-Betrieb)",
    dpoName: "Miriam Köhler",
    dpoCompany: "Nordlicht Software GmbH (Konzerndatenschutz)",
    dpoExternal: true,
    dpoEmail: "dpo@nordlicht.example",
    dpoPhone: "+49 40 3070 1890",
    dpoAddress: "Nordlicht Software GmbH, Datenschutz, Am Sandtorkai 42, 20457 Hamburg",
    supervisoryAuthority: "Unabhängiges Landeszentrum für Datenschutz Schleswig-Holstein (ULD), Holstenstraße 98, 24103 Kiel",
    actsAsController: true,
    actsAsProcessor: true,
    employeeCount: 45,
    parentId: software.id,
  }, actor);

  await addMembership(tx, dpoId, software.id, "DPO");
  await addMembership(tx, dpoId, services.id, "DPO");
  await addMembership(tx, userId("admin@nordlicht.example"), software.id, "ADMIN");
  await addMembership(tx, userId("editor@nordlicht.example"), software.id, "EDITOR");
  await addMembership(tx, userId("viewer@nordlicht.example"), software.id, "VIEWER");

  // ── Departments ──
  const dept = async (orgId: string, name: string, contactName: string, contactEmail: string) =>
    (await createDepartment(tx, orgId, { name, contactName, contactEmail })).id;
  const sw = {
    management: await dept(software.id, "Geschäftsführung", "Dr. Jana Petersen", "gf@nordlicht.example"),
    hr: await dept(software.id, "Personal", "Sabine Krüger", "personal@nordlicht.example"),
    marketing: await dept(software.id, "Marketing", "Jonas Albers", "marketing@nordlicht.example"),
    sales: await dept(software.id, "Vertrieb", "Nils Carstensen", "vertrieb@nordlicht.example"),
    it: await dept(software.id, "IT", "Jens Hoffmann", "it@nordlicht.example"),
    support: await dept(software.id, "Kundenservice", "Lea Martens", "support@nordlicht.example"),
    finance: await dept(software.id, "Finanzen", "Ole Jensen", "finanzen@nordlicht.example"),
  };
  const sv = {
    management: await dept(services.id, "Geschäftsführung", "Henrik Sörensen", "gf@services.nordlicht.example"),
    hr: await dept(services.id, "Personal", "Maren Thiel", "personal@services.nordlicht.example"),
    operations: await dept(services.id, "IT-Betrieb", "Katrin Lund", "betrieb@services.nordlicht.example"),
    support: await dept(services.id, "Kundenservice", "Timo Brandt", "service@services.nordlicht.example"),
    sales: await dept(services.id, "Vertrieb", "Frauke Hansen", "vertrieb@services.nordlicht.example"),
  };

  // ── TOM catalogues ──
  const tomIds = async (orgId: string, codes: string[]) => {
    const ids = new Map<string, string>();
    for (const t of TOM_CATALOGUE.filter((t) => codes.includes(t.code))) ids.set(t.code, (await createTom(tx, orgId, t, actor)).id);
    return (...pick: string[]) => pick.map((c) => required(ids.get(c), c));
  };
  const swTom = await tomIds(software.id, TOM_CATALOGUE.map((t) => t.code));
  const svTom = await tomIds(services.id, ["TOM-ENC-01", "TOM-ENC-02", "TOM-ACC-02", "TOM-ACC-03", "TOM-INT-01", "TOM-AVL-01", "TOM-AVL-02", "TOM-ORG-01", "TOM-ORG-02"]);
  const STANDARD_TOMS = ["TOM-ENC-01", "TOM-ACC-02", "TOM-ACC-03", "TOM-ORG-01"];

  // ── Vendors ──
  const dpf = (listedName: string, coversHr: boolean, certifiedSince: string, extra: Partial<DpfCheckInput> = {}): DpfCheckInput => ({
    status: "ACTIVE",
    listedName,
    listUrl: DPF_LIST,
    frameworks: "EU_US,UK_EXT,SWISS_US",
    coversHr,
    coversNonHr: true,
    certifiedSince: utc(certifiedSince),
    nextCertificationDue: daysAhead(150),
    checkedAt: daysAgo(45),
    checkedByName: "Miriam Köhler",
    checkedById: dpoId,
    note: DPF_NOTE,
    ...extra,
  });
  const vendorsOf = async (orgId: string) => {
    const awsInc = await createVendor(tx, orgId, {
      name: "Amazon Web Services, Inc.", legalForm: "Inc.", kind: "SUB_PROCESSOR", street: "410 Terry Avenue North", postalCode: "98109", city: "Seattle, WA", country: "US",
      website: "https://aws.amazon.com", parentCompany: "Amazon.com, Inc.", parentCountry: "US", sector: "Cloud-Dienste (FTC-Zuständigkeit)", services: "Betrieb und Support der AWS-Infrastruktur",
      locations: [{ country: "US", city: "Seattle", purpose: "SUPPORT" }],
      dpfCheck: dpf("Amazon Web Services, Inc.", true, "2023-07-17"),
    }, actor);
    const awsEmea = await createVendor(tx, orgId, {
      name: "Amazon Web Services EMEA SARL", legalForm: "SARL", kind: "PROCESSOR", street: "38 Avenue John F. Kennedy", postalCode: "1855", city: "Luxembourg", country: "LU",
      website: "https://aws.amazon.com", dpoEmail: "aws-EU-privacy@amazon.com", parentCompany: "Amazon.com, Inc.", parentCountry: "US",
      services: "Cloud-Hosting (Region eu-central-1, Frankfurt am Main)",
      locations: [{ country: "DE", city: "Frankfurt am Main", purpose: "STORAGE" }, { country: "US", purpose: "REMOTE_ACCESS", note: "Support- und Betriebszugriffe" }],
      certifications: [
        { name: "ISO/IEC 27001", issuer: "EY CertifyPoint", validFrom: utc("2024-11-01"), validUntil: utc("2027-10-31") },
        { name: "BSI C5 (Typ 2)", issuer: "EY", validFrom: utc("2025-06-01"), validUntil: utc("2026-12-31") },
      ],
      subProcessors: [{ name: "Amazon Web Services, Inc.", subVendorId: awsInc.id, country: "US", service: "Support und Betrieb (Fernzugriff)", access: "REMOTE_ACCESS" }],
    }, actor);
    return { awsInc, awsEmea };
  };

  const swAws = await vendorsOf(software.id);
  const googleLlc = await createVendor(tx, software.id, {
    name: "Google LLC", legalForm: "LLC", kind: "SUB_PROCESSOR", street: "1600 Amphitheatre Parkway", postalCode: "94043", city: "Mountain View, CA", country: "US",
    website: "https://policies.google.com", parentCompany: "Alphabet Inc.", parentCountry: "US", services: "Verarbeitung für Google Analytics",
    locations: [{ country: "US", purpose: "STORAGE" }],
    dpfCheck: dpf("Google LLC", true, "2023-07-17"),
  }, actor);
  const googleIe = await createVendor(tx, software.id, {
    name: "Google Ireland Limited", legalForm: "Limited", kind: "PROCESSOR", street: "Gordon House, Barrow Street", postalCode: "D04 E5W5", city: "Dublin 4", country: "IE",
    website: "https://marketingplatform.google.com/about/analytics/", parentCompany: "Alphabet Inc.", parentCountry: "US", services: "Google Analytics 4 (Webanalyse)",
    locations: [{ country: "IE", purpose: "PROCESSING" }, { country: "US", purpose: "STORAGE" }],
    subProcessors: [{ name: "Google LLC", subVendorId: googleLlc.id, country: "US", service: "Speicherung und Verarbeitung der Analytics-Daten", access: "BOTH" }],
  }, actor);
  const hubspotInc = await createVendor(tx, software.id, {
    name: "HubSpot, Inc.", legalForm: "Inc.", kind: "SUB_PROCESSOR", street: "2 Canal Park", postalCode: "02141", city: "Cambridge, MA", country: "US",
    website: "https://www.hubspot.com", services: "Plattformbetrieb und Support",
    locations: [{ country: "US", purpose: "SUPPORT" }],
    dpfCheck: dpf("HubSpot, Inc.", false, "2023-07-20"),
    subProcessors: [{ name: "Amazon Web Services, Inc.", subVendorId: swAws.awsInc.id, country: "US", service: "Hosting", access: "STORAGE" }],
  }, actor);
  const hubspotIe = await createVendor(tx, software.id, {
    name: "HubSpot Ireland Limited", legalForm: "Limited", kind: "PROCESSOR", street: "One Sir John Rogerson's Quay", postalCode: "D02 F925", city: "Dublin 2", country: "IE",
    website: "https://legal.hubspot.com/dpa", email: "privacy@hubspot.example", parentCompany: "HubSpot, Inc.", parentCountry: "US",
    services: "Marketing-Automation, Newsletter, Formulare",
    locations: [{ country: "DE", city: "Frankfurt am Main", purpose: "STORAGE", note: "EU-Rechenzentrum" }, { country: "US", purpose: "REMOTE_ACCESS" }],
    certifications: [{ name: "SOC 2 Type II", issuer: "unabhängiger Prüfer", validFrom: utc("2025-10-01"), validUntil: utc("2026-09-30") }],
    subProcessors: [
      { name: "HubSpot, Inc.", subVendorId: hubspotInc.id, country: "US", service: "Support und Plattformbetrieb", access: "BOTH" },
      { name: "Amazon Web Services, Inc.", subVendorId: swAws.awsInc.id, country: "US", service: "Hosting über HubSpot, Inc.", access: "STORAGE" },
    ],
  }, actor);
  await createVendorContact(tx, hubspotIe.id, { email: "privacy@hubspot.example", name: "HubSpot Privacy Team", function: "Datenschutz" });
  const hubspotUser = users.get("privacy@hubspot.example");
  if (hubspotUser) await tx.vendorContact.updateMany({ where: { vendorId: hubspotIe.id, email: "privacy@hubspot.example" }, data: { userId: hubspotUser } });

  const personioOf = (orgId: string, awsEmeaId: string) => createVendor(tx, orgId, {
    name: "Personio SE & Co. KG", legalForm: "SE & Co. KG", kind: "PROCESSOR", street: "Seidlstraße 3", postalCode: "80335", city: "München", country: "DE",
    website: "https://www.personio.de", services: "HR-Software (Personalakte, Bewerbermanagement, Zeiterfassung)",
    locations: [{ country: "DE", city: "Frankfurt am Main", purpose: "STORAGE" }],
    certifications: [{ name: "ISO/IEC 27001", validFrom: utc("2025-03-01"), validUntil: utc("2028-02-28") }],
    subProcessors: [{ name: "Amazon Web Services EMEA SARL", subVendorId: awsEmeaId, country: "DE", service: "Hosting (Frankfurt am Main)", access: "STORAGE" }],
  }, actor);
  const datevOf = (orgId: string) => createVendor(tx, orgId, {
    name: "DATEV eG", legalForm: "eG", kind: "PROCESSOR", street: "Paumgartnerstraße 6–14", postalCode: "90429", city: "Nürnberg", country: "DE",
    website: "https://www.datev.de", services: "Lohnabrechnung, Finanzbuchhaltung, Archivierung im DATEV-Rechenzentrum",
    locations: [{ country: "DE", city: "Nürnberg", purpose: "STORAGE" }],
    certifications: [{ name: "ISO/IEC 27001", validFrom: utc("2024-05-01"), validUntil: utc("2027-04-30") }],
  }, actor);
  const personio = await personioOf(software.id, swAws.awsEmea.id);
  const datev = await datevOf(software.id);
  const salesforce = await createVendor(tx, software.id, {
    name: "Salesforce, Inc.", legalForm: "Inc.", kind: "PROCESSOR", street: "415 Mission Street, 3rd Floor", postalCode: "94105", city: "San Francisco, CA", country: "US",
    website: "https://www.salesforce.com", services: "CRM (Sales Cloud)",
    locations: [{ country: "DE", city: "Frankfurt am Main", purpose: "STORAGE", note: "Hyperforce EU" }, { country: "US", purpose: "SUPPORT" }],
    certifications: [{ name: "Processor Binding Corporate Rules (BCR-P)", issuer: "CNIL (federführende Aufsichtsbehörde)", documentUrl: "https://www.salesforce.com/company/privacy/" }],
    dpfCheck: dpf("Salesforce, Inc.", true, "2023-07-17"),
  }, actor);
  const zoom = await createVendor(tx, software.id, {
    name: "Zoom Video Communications, Inc.", legalForm: "Inc.", kind: "PROCESSOR", street: "55 Almaden Boulevard, 6th Floor", postalCode: "95113", city: "San Jose, CA", country: "US",
    website: "https://zoom.us", services: "Videokonferenzen und Webinare",
    locations: [{ country: "DE", city: "Frankfurt am Main", purpose: "PROCESSING" }, { country: "US", purpose: "STORAGE" }],
  }, actor);
  const msCorp = await createVendor(tx, software.id, {
    name: "Microsoft Corporation", legalForm: "Corporation", kind: "SUB_PROCESSOR", street: "One Microsoft Way", postalCode: "98052", city: "Redmond, WA", country: "US",
    website: "https://www.microsoft.com", services: "Support und Betrieb von Microsoft 365",
    locations: [{ country: "US", purpose: "SUPPORT" }],
    dpfCheck: dpf("Microsoft Corporation", true, "2023-07-17"),
  }, actor);
  const msIe = await createVendor(tx, software.id, {
    name: "Microsoft Ireland Operations Limited", legalForm: "Limited", kind: "PROCESSOR", street: "One Microsoft Place, South County Business Park, Leopardstown", postalCode: "D18 P521", city: "Dublin 18", country: "IE",
    website: "https://www.microsoft.com/de-de/trust-center", parentCompany: "Microsoft Corporation", parentCountry: "US",
    services: "Microsoft 365 (Exchange Online, SharePoint, OneDrive, Teams)",
    locations: [{ country: "DE", city: "Frankfurt am Main", purpose: "STORAGE", note: "EU Data Boundary" }, { country: "US", purpose: "REMOTE_ACCESS" }],
    certifications: [{ name: "ISO/IEC 27001", validFrom: utc("2025-01-01"), validUntil: utc("2027-12-31") }],
    subProcessors: [{ name: "Microsoft Corporation", subVendorId: msCorp.id, country: "US", service: "Support, Telemetrie", access: "REMOTE_ACCESS" }],
  }, actor);
  const zendesk = await createVendor(tx, software.id, {
    name: "Zendesk, Inc.", legalForm: "Inc.", kind: "PROCESSOR", city: "San Francisco, CA", country: "US",
    website: "https://www.zendesk.de", services: "Ticketsystem für den Kundensupport",
    locations: [{ country: "US", purpose: "STORAGE" }],
  }, actor);
  const slack = await createVendor(tx, software.id, {
    name: "Slack Technologies, LLC", legalForm: "LLC", kind: "PROCESSOR", street: "500 Howard Street", postalCode: "94105", city: "San Francisco, CA", country: "US",
    website: "https://slack.com", parentCompany: "Salesforce, Inc.", parentCountry: "US", services: "Messaging-Plattform für die interne Kommunikation",
    locations: [{ country: "US", purpose: "STORAGE" }],
    dpfCheck: dpf("Slack Technologies, LLC", false, "2023-07-17", { note: `${DPF_NOTE} Zertifizierung deckt laut Prüfung keine HR-Daten ab.` }),
  }, actor);
  const surveymonkey = await createVendor(tx, software.id, {
    name: "SurveyMonkey Inc.", legalForm: "Inc.", kind: "PROCESSOR", street: "One Curiosity Way", postalCode: "94403", city: "San Mateo, CA", country: "US",
    website: "https://www.surveymonkey.com", services: "Online-Umfragen",
    locations: [{ country: "US", purpose: "STORAGE" }],
    notes: "Altvertrag von 2019; die Vertragsunterlagen nennen noch den EU-US Privacy Shield.",
  }, actor);
  const threema = await createVendor(tx, software.id, {
    name: "Threema GmbH", legalForm: "GmbH", kind: "PROCESSOR", street: "Churerstrasse 82", postalCode: "8808", city: "Pfäffikon SZ", country: "CH",
    website: "https://threema.ch", services: "Ende-zu-Ende-verschlüsselter Messenger (Threema Work)",
    locations: [{ country: "CH", purpose: "STORAGE" }],
  }, actor);
  const groupServices = await createVendor(tx, software.id, {
    name: "Nordlicht Services GmbH", legalForm: "GmbH", kind: "PROCESSOR", street: "Kaistraße 18", postalCode: "24114", city: "Kiel", country: "DE",
    website: "https://services.nordlicht.example", parentCompany: "Nordlicht Software GmbH", parentCountry: "DE", services: "IT-Support und Managed Workplace (Konzernunternehmen)",
    locations: [{ country: "DE", city: "Kiel", purpose: "PROCESSING" }],
  }, actor);

  const svAws = await vendorsOf(services.id);
  const svGoogleLlc = await createVendor(tx, services.id, {
    name: "Google LLC", legalForm: "LLC", kind: "SUB_PROCESSOR", street: "1600 Amphitheatre Parkway", postalCode: "94043", city: "Mountain View, CA", country: "US",
    website: "https://workspace.google.com", parentCompany: "Alphabet Inc.", parentCountry: "US", services: "Support und Betrieb von Google Workspace",
    locations: [{ country: "US", purpose: "SUPPORT" }],
    dpfCheck: dpf("Google LLC", true, "2023-07-17"),
  }, actor);
  const googleCloud = await createVendor(tx, services.id, {
    name: "Google Cloud EMEA Limited", legalForm: "Limited", kind: "PROCESSOR", street: "70 Sir John Rogerson's Quay", postalCode: "D02 R296", city: "Dublin 2", country: "IE",
    website: "https://workspace.google.com", parentCompany: "Alphabet Inc.", parentCountry: "US", services: "Google Workspace (Gmail, Kalender, Drive, Meet)",
    locations: [{ country: "DE", purpose: "STORAGE", note: "Datenregion Europa" }, { country: "US", purpose: "REMOTE_ACCESS" }],
    subProcessors: [{ name: "Google LLC", subVendorId: svGoogleLlc.id, country: "US", service: "Support und Betrieb", access: "BOTH" }],
  }, actor);
  const mailchimp = await createVendor(tx, services.id, {
    name: "The Rocket Science Group LLC (Mailchimp)", legalForm: "LLC", kind: "PROCESSOR", street: "405 N Angier Ave. NE", postalCode: "30308", city: "Atlanta, GA", country: "US",
    website: "https://mailchimp.com", parentCompany: "Intuit Inc.", parentCountry: "US", services: "Newsletter-Versand",
    locations: [{ country: "US", purpose: "STORAGE" }],
    notes: "Data Processing Addendum von 2019 mit Standardvertragsklauseln 2010/87/EU; nicht auf die Klauseln von 2021 umgestellt.",
  }, actor);
  const calendly = await createVendor(tx, services.id, {
    name: "Calendly LLC", legalForm: "LLC", kind: "PROCESSOR", city: "Atlanta, GA", country: "US",
    website: "https://calendly.com", services: "Online-Terminbuchung",
    locations: [{ country: "US", purpose: "STORAGE" }],
  }, actor);
  const svPersonio = await personioOf(services.id, svAws.awsEmea.id);
  const svDatev = await datevOf(services.id);
  const foerdeblick = await createVendor(tx, services.id, {
    name: "Fördeblick Immobilien GmbH", legalForm: "GmbH", kind: "CLIENT_CONTROLLER", street: "Hafenstraße 7", postalCode: "24103", city: "Kiel", country: "DE",
    website: "https://www.foerdeblick.example", email: "datenschutz@foerdeblick.example", contactName: "Birte Paulsen", dpoName: "Dr. Anke Lorenzen", dpoEmail: "dsb@foerdeblick.example",
    services: "Auftraggeber: Betrieb des Mieterportals",
  }, actor);
  const parentClient = await createVendor(tx, services.id, {
    name: "Nordlicht Software GmbH", legalForm: "GmbH", kind: "CLIENT_CONTROLLER", street: "Am Sandtorkai 42", postalCode: "20457", city: "Hamburg", country: "DE",
    website: "https://www.nordlicht.example", email: "dpo@nordlicht.example", contactName: "Jens Hoffmann", dpoName: "Miriam Köhler", dpoEmail: "dpo@nordlicht.example",
    services: "Auftraggeber (Muttergesellschaft): IT-Support und Managed Workplace",
  }, actor);

  // ── TIAs ──
  const US_LAWS = "FISA Section 702, Executive Order 12333; Schutzmechanismen nach Executive Order 14086 und Data Protection Review Court";
  const tiaZoom = await createTia(tx, software.id, {
    title: "TIA Zoom Video Communications, Inc. (USA)", vendorId: zoom.id, destinationCountry: "US", importerRole: "PROCESSOR", mechanism: "SCC_2021_M2",
    dataFormat: "ENCRYPTED", lawsAssessed: US_LAWS,
    practicalExperience: "Transparenzbericht des Anbieters ausgewertet; keine Hinweise auf Zugriffe auf Daten europäischer Geschäftskunden.",
    supplementaryMeasures: "Transportverschlüsselung (TLS, AES-256-GCM); Meeting-Daten in EU-Rechenzentren; keine Cloud-Aufzeichnung; Pflicht zur Anfechtung von Behördenanfragen (Klausel 15).",
    residualRisk: "gering", conclusion: "GO_WITH_MEASURES", signedOffBy: "Miriam Köhler", assessedAt: daysAgo(200), nextReviewAt: daysAhead(165),
  }, actor);
  const tiaSalesforce = await createTia(tx, software.id, {
    title: "TIA Salesforce, Inc. (USA, Processor BCR)", vendorId: salesforce.id, destinationCountry: "US", importerRole: "PROCESSOR", mechanism: "BCR_P",
    dataFormat: "CLEAR", lawsAssessed: US_LAWS,
    practicalExperience: "Transparenzbericht ausgewertet; Speicherung in Hyperforce EU, Zugriffe aus den USA nur im Support.",
    supplementaryMeasures: "Speicherung in der EU (Hyperforce); Verschlüsselung ruhender Daten; rollenbasierte Support-Zugriffe mit Protokollierung.",
    residualRisk: "gering bis mittel", conclusion: "GO_WITH_MEASURES", signedOffBy: "Miriam Köhler", assessedAt: daysAgo(120), nextReviewAt: daysAhead(245),
  }, actor);
  const tiaAws = await createTia(tx, services.id, {
    title: "TIA Amazon Web Services, Inc. – Fernzugriff (USA)", vendorId: svAws.awsInc.id, destinationCountry: "US", importerRole: "PROCESSOR", mechanism: "SCC_2021_M3",
    dataFormat: "ENCRYPTED", lawsAssessed: US_LAWS,
    practicalExperience: "Daten verbleiben in Frankfurt am Main; Fernzugriff nur für Support und Betrieb.",
    supplementaryMeasures: "Verschlüsselung mit kundenverwalteten Schlüsseln (AWS KMS, Schlüssel in der EU); Zugriffsprotokollierung (CloudTrail).",
    residualRisk: "gering", conclusion: "GO", signedOffBy: "Miriam Köhler", assessedAt: daysAgo(400), nextReviewAt: daysAgo(35),
  }, actor);

  // ── Processing activities: Nordlicht Software GmbH ──
  const vendor = (vendorId: string, service: string, extra: Partial<RecipientInput> = {}): RecipientInput => ({ kind: "VENDOR", role: "PROCESSOR", vendorId, service, ...extra });
  const internal = (departmentId: string, service: string): RecipientInput => ({ kind: "INTERNAL", role: "INTERNAL", departmentId, service });
  const category = (categoryCode: string, role: RecipientInput["role"], service: string): RecipientInput => ({ kind: "CATEGORY", role, categoryCode, service });

  const swActivities: ActivityInput[] = [
    {
      referenceNumber: "VT-001", name: "Bereitstellung der Website und Server-Logfiles", departmentId: sw.it, contactName: "Jens Hoffmann", contactEmail: "it@nordlicht.example",
      description: "Auslieferung der Unternehmenswebsite www.nordlicht.example über Amazon Web Services (Region Frankfurt am Main) und Protokollierung der Zugriffe in Server-Logfiles.",
      dataSources: "Automatisch beim Aufruf der Website", informationProvided: "Datenschutzerklärung der Website, Abschnitt „Server-Logfiles“", estimatedDataSubjects: 250000,
      ...released(3),
      purposes: [
        { description: "Bereitstellung und Auslieferung der Website", legalBases: [
          { basisCode: "TDDDG_25_2", note: "Technisch erforderliche Speicherung (Session, Lastverteilung)" },
          { basisCode: "ART6_1_F", legitimateInterest: "Bereitstellung eines funktionsfähigen und nutzerfreundlichen Webauftritts" },
        ] },
        { description: "Gewährleistung der IT-Sicherheit, Erkennung und Abwehr von Angriffen", legalBases: [
          { basisCode: "ART6_1_F", legitimateInterest: "Schutz der Systeme vor Missbrauch und Angriffen (vgl. Erwägungsgrund 49 DSGVO)" },
        ] },
      ],
      dataSubjects: ["WEBSITE_VISITORS"],
      dataCategories: [{ categoryCode: "CONNECTION", description: "IP-Adresse, Datum und Uhrzeit, aufgerufene URL, Referrer, User-Agent, HTTP-Statuscode", retentionPeriod: "7 Tage", retentionStartCode: "DATA_COLLECTION", sourceCode: "DATA_SUBJECT" }],
      recipients: [
        vendor(swAws.awsEmea.id, "Hosting (Region eu-central-1, Frankfurt am Main)", {
          dataCategoryCodes: ["CONNECTION"],
          transfers: [{ destinationCountry: "US", access: "REMOTE_ACCESS", viaVendorId: swAws.awsInc.id, mechanism: "DPF",
            mechanismNote: "Fernzugriff durch Amazon Web Services, Inc. für Support und Betrieb; der Empfänger ist unter dem EU-US Data Privacy Framework zertifiziert.",
            supplementaryMeasures: "Verschlüsselung ruhender Daten (AWS KMS); Zugriff nur im Supportfall" }],
        }),
        internal(sw.it, "Auswertung der Logfiles bei Sicherheitsvorfällen"),
      ],
      systems: [{ name: "AWS (CloudFront, EC2, S3)", vendorId: swAws.awsEmea.id, location: "DE" }],
      toms: swTom("TOM-ENC-01", "TOM-ACC-02", "TOM-INT-01", "TOM-AVL-01"),
    },
    {
      referenceNumber: "VT-002", name: "Reichweitenmessung mit Google Analytics 4", departmentId: sw.marketing, contactName: "Jonas Albers", contactEmail: "marketing@nordlicht.example",
      description: "Auswertung des Nutzungsverhaltens auf der Website mit Google Analytics 4, nur nach Einwilligung über das Consent-Banner.",
      dataSources: "Website-Besuch (Cookies/SDK nach Einwilligung)", informationProvided: "Consent-Banner und Datenschutzerklärung, Abschnitt „Webanalyse“", estimatedDataSubjects: 120000,
      ...released(5),
      purposes: [{ description: "Statistische Auswertung der Websitenutzung und Optimierung des Angebots", legalBases: [
        { basisCode: "TDDDG_25_1", note: "Einwilligung über das Consent-Banner (Zugriff auf die Endeinrichtung)" },
        { basisCode: "ART6_1_A", note: "Einwilligung für die anschließende Verarbeitung" },
      ] }],
      dataSubjects: ["WEBSITE_VISITORS"],
      dataCategories: [
        { categoryCode: "INTERNET_COOKIES", description: "Cookie-Kennungen (_ga), Client-ID", retentionPeriod: "14 Monate", retentionMonths: 14, retentionStartCode: "DATA_COLLECTION", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONNECTION", description: "Gekürzte IP-Adresse, Geräte- und Browserinformationen, besuchte Seiten, Verweildauer", retentionPeriod: "14 Monate", retentionMonths: 14, retentionStartCode: "DATA_COLLECTION", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [vendor(googleIe.id, "Webanalyse (Google Analytics 4)", {
        dataCategoryCodes: ["INTERNET_COOKIES", "CONNECTION"],
        transfers: [{ destinationCountry: "US", access: "BOTH", viaVendorId: googleLlc.id, mechanism: "ART49_1A",
          mechanismNote: "Einwilligung nach Art. 49 Abs. 1 lit. a DSGVO im Consent-Banner: „Ihre Daten können in die USA übermittelt werden.“" }],
      })],
      toms: swTom("TOM-ENC-01", "TOM-ORG-02"),
    },
    {
      referenceNumber: "VT-003", name: "Newsletter-Versand und Öffnungsanalyse (HubSpot)", departmentId: sw.marketing, contactName: "Jonas Albers", contactEmail: "marketing@nordlicht.example",
      description: "Versand des monatlichen Produkt-Newsletters an Abonnenten, die sich im Double-Opt-in-Verfahren angemeldet haben, mit Auswertung von Öffnungen und Klicks.",
      dataSources: "Anmeldeformular auf der Website", informationProvided: "Hinweis im Anmeldeformular und Datenschutzerklärung, Abschnitt „Newsletter“", estimatedDataSubjects: 8500,
      ...released(2),
      purposes: [
        { description: "Versand des Newsletters mit Produktinformationen", legalBases: [{ basisCode: "ART6_1_A", note: "Double-Opt-in; Werbeeinwilligung nach § 7 Abs. 2 Nr. 2 UWG" }] },
        { description: "Nachweis der erteilten Einwilligung", legalBases: [{ basisCode: "ART6_1_C", note: "i. V. m. Art. 7 Abs. 1 DSGVO" }] },
      ],
      dataSubjects: ["NEWSLETTER_SUBSCRIBERS", "CUSTOMERS", "PROSPECTS"],
      dataCategories: [
        { categoryCode: "CONTACT", description: "E-Mail-Adresse, Vorname, Nachname, Unternehmen", retentionPeriod: "Bis zum Widerruf der Einwilligung; Opt-in-Nachweis drei Jahre danach", retentionStartCode: "CONSENT_WITHDRAWAL", retentionLegalRef: "§ 195 BGB (Nachweis)", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONNECTION", description: "Öffnungs- und Klickdaten; IP-Adresse und Zeitpunkt der Anmeldung und Bestätigung", retentionPeriod: "Bis zum Widerruf der Einwilligung", retentionStartCode: "CONSENT_WITHDRAWAL", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [vendor(hubspotIe.id, "Newsletter-Versand und Marketing-Automation", {
        dataCategoryCodes: ["CONTACT", "CONNECTION"],
        transfers: [{ destinationCountry: "US", access: "BOTH", viaVendorId: hubspotInc.id, mechanism: "DPF",
          mechanismNote: "HubSpot, Inc. ist unter dem EU-US Data Privacy Framework zertifiziert (Nicht-HR-Daten); Hosting bei Amazon Web Services, Inc." }],
      })],
      toms: swTom(...STANDARD_TOMS, "TOM-ORG-02"),
    },
    {
      referenceNumber: "VT-004", name: "Bearbeitung von Anfragen über das Kontaktformular", departmentId: sw.sales, contactName: "Nils Carstensen", contactEmail: "vertrieb@nordlicht.example",
      description: "Entgegennahme und Beantwortung von Anfragen, die über das Kontaktformular der Website oder per E-Mail eingehen.",
      dataSources: "Kontaktformular, E-Mail", informationProvided: "Datenschutzerklärung, Abschnitt „Kontaktaufnahme“", estimatedDataSubjects: 2000, noThirdCountryTransfer: true,
      ...released(4),
      purposes: [{ description: "Beantwortung von Anfragen und Anbahnung von Verträgen", legalBases: [
        { basisCode: "ART6_1_B", note: "Vorvertragliche Maßnahmen auf Anfrage der betroffenen Person" },
        { basisCode: "ART6_1_F", legitimateInterest: "Beantwortung allgemeiner Anfragen" },
      ] }],
      dataSubjects: ["PROSPECTS", "CUSTOMERS", "WEBSITE_VISITORS"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Name, Unternehmen", retentionPeriod: "6 Monate nach abschließender Bearbeitung", retentionMonths: 6, retentionStartCode: "PURPOSE_ENDED", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONTACT", description: "E-Mail-Adresse, Telefonnummer", retentionPeriod: "6 Monate nach abschließender Bearbeitung", retentionMonths: 6, retentionStartCode: "PURPOSE_ENDED", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "COMMUNICATION", description: "Inhalt der Anfrage", retentionPeriod: "6 Monate nach abschließender Bearbeitung; Handelsbriefe 6 Jahre", retentionMonths: 6, retentionStartCode: "PURPOSE_ENDED", retentionLegalRef: "§ 257 HGB (Handelsbriefe)", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [internal(sw.sales, "Bearbeitung vertrieblicher Anfragen"), internal(sw.support, "Bearbeitung von Supportanfragen")],
      toms: swTom(...STANDARD_TOMS),
    },
    {
      referenceNumber: "VT-005", name: "Bewerbermanagement (Personio)", departmentId: sw.hr, contactName: "Sabine Krüger", contactEmail: "personal@nordlicht.example",
      description: "Ausschreibung von Stellen, Entgegennahme und Bewertung von Bewerbungen, Kommunikation mit Bewerberinnen und Bewerbern, Führen eines Talentpools.",
      dataSources: "Bewerbungsportal, E-Mail, Jobbörsen", informationProvided: "Datenschutzhinweise für Bewerber im Bewerbungsportal", estimatedDataSubjects: 600,
      ...released(6),
      purposes: [
        { description: "Durchführung des Bewerbungsverfahrens und Entscheidung über die Begründung eines Beschäftigungsverhältnisses", legalBases: [
          { basisCode: "ART6_1_B", note: "Anbahnung des Beschäftigungsverhältnisses" },
          { basisCode: "BDSG_26_1", note: "Ergänzend; nach EuGH C-34/21 nicht allein tragfähig" },
        ] },
        { description: "Aufnahme in den Talentpool", legalBases: [{ basisCode: "ART6_1_A", note: "Gesonderte Einwilligung; Speicherung 24 Monate" }] },
        { description: "Abwehr von Ansprüchen nach dem AGG", legalBases: [{ basisCode: "ART6_1_F", legitimateInterest: "Verteidigung gegen Ansprüche nach § 15 AGG" }] },
      ],
      dataSubjects: ["APPLICANTS"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Name, Anrede, ggf. Geburtsdatum", retentionPeriod: "6 Monate nach Abschluss des Bewerbungsverfahrens (Talentpool: 24 Monate)", retentionMonths: 6, retentionStartCode: "END_OF_APPLICATION", retentionLegalRef: "§ 15 Abs. 4 AGG, § 61b ArbGG", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONTACT", description: "Anschrift, E-Mail-Adresse, Telefonnummer", retentionPeriod: "6 Monate nach Abschluss des Bewerbungsverfahrens", retentionMonths: 6, retentionStartCode: "END_OF_APPLICATION", retentionLegalRef: "§ 15 Abs. 4 AGG, § 61b ArbGG", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "EMPLOYMENT", description: "Lebenslauf, Zeugnisse, Qualifikationen, Gehaltsvorstellung, Interviewnotizen", retentionPeriod: "6 Monate nach Abschluss des Bewerbungsverfahrens", retentionMonths: 6, retentionStartCode: "END_OF_APPLICATION", retentionLegalRef: "§ 15 Abs. 4 AGG, § 61b ArbGG", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [
        vendor(personio.id, "Bewerbermanagement-Software", { dataCategoryCodes: ["IDENTITY", "CONTACT", "EMPLOYMENT"] }),
        internal(sw.hr, "Durchführung des Auswahlverfahrens"),
        internal(sw.management, "Entscheidung über Einstellungen"),
        category("INTERNAL_DEPARTMENTS", "INTERNAL", "Betriebsrat (Beteiligung nach § 99 BetrVG)"),
      ],
      systems: [{ name: "Personio Recruiting", vendorId: personio.id, location: "DE" }],
      toms: swTom(...STANDARD_TOMS, "TOM-INT-01"),
    },
    {
      referenceNumber: "VT-006", name: "Personalverwaltung und Entgeltabrechnung", departmentId: sw.hr, contactName: "Sabine Krüger", contactEmail: "personal@nordlicht.example",
      description: "Führen der digitalen Personalakte, Urlaubs- und Abwesenheitsverwaltung, monatliche Lohn- und Gehaltsabrechnung mit DATEV, Meldungen an Finanzamt und Sozialversicherungsträger.",
      dataSources: "Beschäftigte; Finanzverwaltung (ELStAM); Krankenkassen", informationProvided: "Datenschutzhinweise für Beschäftigte (Intranet)", estimatedDataSubjects: 180,
      ...released(2),
      purposes: [
        { description: "Durchführung des Beschäftigungsverhältnisses (Personalakte, Urlaubs- und Abwesenheitsverwaltung)", legalBases: [{ basisCode: "ART6_1_B", note: "Arbeitsvertrag" }] },
        { description: "Entgeltabrechnung und Erfüllung steuer- und sozialversicherungsrechtlicher Pflichten", legalBases: [
          { basisCode: "ART6_1_C", note: "§§ 38 ff. EStG, § 28a SGB IV, § 147 AO" },
          { basisCode: "ART9_2_B", note: "Religionszugehörigkeit für den Kirchensteuerabzug" },
          { basisCode: "BDSG_26_3" },
        ] },
      ],
      dataSubjects: ["EMPLOYEES"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Name, Geburtsdatum, Personalnummer, Steuer-ID, Sozialversicherungsnummer", retentionPeriod: "10 Jahre nach Ende des Kalenderjahres der letzten Abrechnung", retentionMonths: 120, retentionStartCode: "END_OF_CALENDAR_YEAR", retentionLegalRef: "§ 147 Abs. 3 AO, § 41 EStG", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONTACT", description: "Anschrift, private Telefonnummer, Notfallkontakt", retentionPeriod: "3 Jahre nach Ende des Beschäftigungsverhältnisses", retentionMonths: 36, retentionStartCode: "END_OF_RELATIONSHIP", retentionLegalRef: "§ 195 BGB", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "FINANCIAL", description: "Bankverbindung, Gehalt, Zulagen, Pfändungen", retentionPeriod: "10 Jahre", retentionMonths: 120, retentionStartCode: "END_OF_CALENDAR_YEAR", retentionLegalRef: "§ 147 Abs. 3 AO", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "EMPLOYMENT", description: "Arbeitsvertrag, Qualifikationen, Urlaubs- und Fehlzeiten, Beurteilungen", retentionPeriod: "3 Jahre nach Ende des Beschäftigungsverhältnisses", retentionMonths: 36, retentionStartCode: "END_OF_RELATIONSHIP", retentionLegalRef: "§ 195 BGB", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "RELIGIOUS_BELIEFS", description: "Religionszugehörigkeit (Kirchensteuermerkmal)", retentionPeriod: "10 Jahre", retentionMonths: 120, retentionStartCode: "END_OF_CALENDAR_YEAR", retentionLegalRef: "§ 147 Abs. 3 AO", sourceCode: "THIRD_PARTY" },
      ],
      recipients: [
        vendor(datev.id, "Lohnabrechnung (DATEV LODAS) und Archivierung", { dataCategoryCodes: ["IDENTITY", "CONTACT", "FINANCIAL", "RELIGIOUS_BELIEFS"] }),
        vendor(personio.id, "Digitale Personalakte und Abwesenheitsverwaltung", { dataCategoryCodes: ["IDENTITY", "CONTACT", "EMPLOYMENT"] }),
        category("TAX_ADVISORS_AUDITORS", "INDEPENDENT_CONTROLLER", "Steuerberatung und Jahresabschlussprüfung"),
        category("AUTHORITIES", "PUBLIC_AUTHORITY", "Finanzamt (Lohnsteuer-Anmeldung)"),
        category("SOCIAL_INSURANCE", "PUBLIC_AUTHORITY", "Krankenkassen und Deutsche Rentenversicherung (Meldungen nach DEÜV)"),
        category("BANKS", "INDEPENDENT_CONTROLLER", "Auszahlung der Gehälter"),
      ],
      systems: [{ name: "DATEV LODAS", vendorId: datev.id, location: "DE" }, { name: "Personio", vendorId: personio.id, location: "DE" }],
      toms: swTom(...STANDARD_TOMS, "TOM-INT-01", "TOM-AVL-01"),
    },
    {
      referenceNumber: "VT-007", name: "Arbeitsunfähigkeitsmeldungen und betriebliches Eingliederungsmanagement", departmentId: sw.hr, contactName: "Sabine Krüger", contactEmail: "personal@nordlicht.example",
      description: "Abruf elektronischer Arbeitsunfähigkeitsbescheinigungen (eAU), Entgeltfortzahlung und Durchführung des betrieblichen Eingliederungsmanagements (BEM) nach § 167 Abs. 2 SGB IX.",
      dataSources: "Krankenkassen (eAU-Abruf); Beschäftigte", informationProvided: "Datenschutzhinweise für Beschäftigte; gesonderte Information im BEM-Einladungsschreiben", estimatedDataSubjects: 180,
      dpiaCriteria: ["WP248_4", "WP248_7"], dpiaDecision: "REQUIRED", dpiaStatus: "COMPLETED", dpiaReference: "DSFA-2025-01 (BEM)",
      dpiaDecisionReason: "Zwei WP248-Kriterien: Gesundheitsdaten und Beschäftigte als schutzbedürftige Betroffene.",
      ...released(4),
      purposes: [
        { description: "Abruf und Verwaltung von Arbeitsunfähigkeitsdaten und Entgeltfortzahlung", legalBases: [
          { basisCode: "ART6_1_C", note: "§ 5 EFZG, § 109 SGB IV" },
          { basisCode: "ART9_2_B" },
          { basisCode: "BDSG_26_3" },
        ] },
        { description: "Durchführung des betrieblichen Eingliederungsmanagements", legalBases: [
          { basisCode: "ART9_2_B", note: "§ 167 Abs. 2 SGB IX; Teilnahme nur mit Zustimmung der beschäftigten Person" },
          { basisCode: "BDSG_26_3" },
        ] },
      ],
      dataSubjects: ["EMPLOYEES"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Name, Personalnummer, Krankenkasse", retentionPeriod: "3 Jahre nach Ende des Kalenderjahres", retentionMonths: 36, retentionStartCode: "END_OF_CALENDAR_YEAR", retentionLegalRef: "§ 195 BGB", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "HEALTH", description: "Beginn und Ende der Arbeitsunfähigkeit (eAU ohne Diagnose); im BEM gesundheitliche Einschränkungen, soweit mitgeteilt", retentionPeriod: "AU-Daten 3 Jahre nach Ende des Kalenderjahres; BEM-Akte 3 Jahre nach Abschluss des BEM", retentionMonths: 36, retentionStartCode: "PURPOSE_ENDED", retentionLegalRef: "§ 195 BGB", sourceCode: "THIRD_PARTY" },
      ],
      recipients: [
        internal(sw.hr, "Personalverwaltung (Zugriff nur für berechtigte Sachbearbeitung)"),
        category("SOCIAL_INSURANCE", "PUBLIC_AUTHORITY", "Krankenkassen (Abruf der eAU)"),
        category("OTHER", "INDEPENDENT_CONTROLLER", "Betriebsärztlicher Dienst (nur mit Einwilligung im BEM)"),
      ],
      toms: swTom(...STANDARD_TOMS, "TOM-ENC-02", "TOM-INT-01"),
    },
    {
      referenceNumber: "VT-008", name: "Arbeitszeiterfassung", departmentId: sw.hr, contactName: "Sabine Krüger", contactEmail: "personal@nordlicht.example",
      description: "Elektronische Erfassung von Beginn, Ende und Dauer der täglichen Arbeitszeit in Personio.",
      dataSources: "Beschäftigte (Selbsterfassung)", estimatedDataSubjects: 180,
      status: "IN_REVIEW",
      purposes: [{ description: "Erfassung der Arbeitszeiten", legalBases: [{ basisCode: "BDSG_26_1" }] }],
      dataSubjects: ["EMPLOYEES"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Name, Personalnummer", retentionPeriod: "2 Jahre", retentionMonths: 24, retentionStartCode: "DATA_COLLECTION", retentionLegalRef: "§ 16 Abs. 2 ArbZG", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "EMPLOYMENT", description: "Arbeitsbeginn, Arbeitsende, Pausen, Überstunden", retentionPeriod: "2 Jahre", retentionMonths: 24, retentionStartCode: "DATA_COLLECTION", retentionLegalRef: "§ 16 Abs. 2 ArbZG", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [vendor(personio.id, "Zeiterfassung", { dataCategoryCodes: ["IDENTITY", "EMPLOYMENT"] }), internal(sw.hr, "Auswertung für die Entgeltabrechnung")],
      toms: swTom(...STANDARD_TOMS),
    },
    {
      referenceNumber: "VT-009", name: "Kundenverträge, Auftragsabwicklung und Rechnungsstellung", departmentId: sw.finance, contactName: "Ole Jensen", contactEmail: "finanzen@nordlicht.example",
      description: "Abschluss und Durchführung von Software-Lizenz- und Wartungsverträgen, Rechnungsstellung, Finanzbuchhaltung und Forderungsmanagement.",
      dataSources: "Kunden; Vertrieb", informationProvided: "Datenschutzhinweise in den AGB", estimatedDataSubjects: 3500,
      ...released(7),
      purposes: [
        { description: "Abschluss und Durchführung von Lizenz- und Wartungsverträgen", legalBases: [{ basisCode: "ART6_1_B" }] },
        { description: "Rechnungsstellung, Buchhaltung und Erfüllung handels- und steuerrechtlicher Aufbewahrungspflichten", legalBases: [{ basisCode: "ART6_1_C", note: "§ 257 HGB, § 147 AO" }] },
        { description: "Forderungsmanagement", legalBases: [{ basisCode: "ART6_1_F", legitimateInterest: "Durchsetzung offener Forderungen" }] },
      ],
      dataSubjects: ["CUSTOMERS"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Name und Funktion der Ansprechpartner", retentionPeriod: "3 Jahre nach Vertragsende", retentionMonths: 36, retentionStartCode: "END_OF_RELATIONSHIP", retentionLegalRef: "§ 195 BGB", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONTACT", description: "Geschäftliche Anschrift, E-Mail-Adresse, Telefonnummer", retentionPeriod: "3 Jahre nach Vertragsende", retentionMonths: 36, retentionStartCode: "END_OF_RELATIONSHIP", retentionLegalRef: "§ 195 BGB", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONTRACT", description: "Verträge, Lizenzumfang, Bestellungen", retentionPeriod: "6 Jahre (Handelsbriefe), 10 Jahre (Buchungsbelege)", retentionMonths: 120, retentionStartCode: "END_OF_CALENDAR_YEAR", retentionLegalRef: "§ 257 HGB, § 147 AO", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "FINANCIAL", description: "Bankverbindung, Zahlungsdaten, Rechnungen", retentionPeriod: "10 Jahre", retentionMonths: 120, retentionStartCode: "END_OF_CALENDAR_YEAR", retentionLegalRef: "§ 147 Abs. 3 AO", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [
        vendor(datev.id, "Finanzbuchhaltung (DATEV Unternehmen online)", { dataCategoryCodes: ["IDENTITY", "CONTRACT", "FINANCIAL"] }),
        category("TAX_ADVISORS_AUDITORS", "INDEPENDENT_CONTROLLER", "Steuerberatung und Jahresabschlussprüfung"),
        category("BANKS", "INDEPENDENT_CONTROLLER", "Zahlungsverkehr"),
        internal(sw.sales, "Vertragsbetreuung"),
      ],
      toms: swTom(...STANDARD_TOMS, "TOM-AVL-01"),
    },
    {
      referenceNumber: "VT-010", name: "Kundenbeziehungsmanagement (CRM) mit Salesforce", departmentId: sw.sales, contactName: "Nils Carstensen", contactEmail: "vertrieb@nordlicht.example",
      description: "Pflege von Kunden- und Interessentendaten, Verkaufschancen und Kommunikationshistorie in Salesforce Sales Cloud.",
      dataSources: "Kunden und Interessenten; Messen; Kontaktformular", informationProvided: "Datenschutzerklärung, Abschnitt „Kundenbeziehungen“", estimatedDataSubjects: 12000,
      ...released(1),
      purposes: [{ description: "Pflege der Kunden- und Interessentenbeziehungen, Vertriebssteuerung und Angebotserstellung", legalBases: [
        { basisCode: "ART6_1_B" },
        { basisCode: "ART6_1_F", legitimateInterest: "Effiziente Betreuung von Bestands- und Neukunden" },
      ] }],
      dataSubjects: ["CUSTOMERS", "PROSPECTS"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Name, Funktion, Unternehmen", retentionPeriod: "3 Jahre nach dem letzten Kontakt", retentionMonths: 36, retentionStartCode: "PURPOSE_ENDED", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONTACT", description: "E-Mail-Adresse, Telefonnummer", retentionPeriod: "3 Jahre nach dem letzten Kontakt", retentionMonths: 36, retentionStartCode: "PURPOSE_ENDED", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONTRACT", description: "Angebote, Verkaufschancen, Vertragsstatus", retentionPeriod: "3 Jahre nach dem letzten Kontakt", retentionMonths: 36, retentionStartCode: "PURPOSE_ENDED", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "COMMUNICATION", description: "Gesprächsnotizen, E-Mail-Verlauf", retentionPeriod: "3 Jahre nach dem letzten Kontakt", retentionMonths: 36, retentionStartCode: "PURPOSE_ENDED", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [vendor(salesforce.id, "CRM (Sales Cloud)", {
        dataCategoryCodes: ["IDENTITY", "CONTACT", "CONTRACT", "COMMUNICATION"],
        transfers: [{ destinationCountry: "US", access: "BOTH", mechanism: "BCR_P", mechanismNote: "Processor Binding Corporate Rules von Salesforce",
          tiaId: tiaSalesforce.id, tiaReference: tiaSalesforce.title, tiaDate: tiaSalesforce.assessedAt, supplementaryMeasures: tiaSalesforce.supplementaryMeasures }],
      })],
      systems: [{ name: "Salesforce Sales Cloud", vendorId: salesforce.id, location: "DE" }],
      toms: swTom(...STANDARD_TOMS, "TOM-ORG-02"),
    },
    {
      referenceNumber: "VT-011", name: "Videokonferenzen und Webinare mit Zoom", departmentId: sw.it, contactName: "Jens Hoffmann", contactEmail: "it@nordlicht.example",
      description: "Durchführung von Online-Besprechungen, Produktvorführungen und Webinaren mit Kunden, Interessenten und Geschäftspartnern.",
      dataSources: "Teilnehmende", informationProvided: "Datenschutzhinweise in der Einladung", estimatedDataSubjects: 5000,
      ...released(5),
      purposes: [{ description: "Durchführung von Online-Besprechungen und Webinaren", legalBases: [
        { basisCode: "ART6_1_B" },
        { basisCode: "ART6_1_F", legitimateInterest: "Effiziente Kommunikation mit Geschäftspartnern" },
      ] }],
      dataSubjects: ["EMPLOYEES", "CUSTOMERS", "PROSPECTS", "SUPPLIERS"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Name, Anzeigename", retentionPeriod: "30 Tage (Metadaten)", retentionMonths: 1, retentionStartCode: "DATA_COLLECTION", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONTACT", description: "E-Mail-Adresse", retentionPeriod: "30 Tage (Metadaten)", retentionMonths: 1, retentionStartCode: "DATA_COLLECTION", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONNECTION", description: "IP-Adresse, Geräte- und Teilnahmedaten", retentionPeriod: "30 Tage", retentionMonths: 1, retentionStartCode: "DATA_COLLECTION", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "IMAGES_VIDEO", description: "Videobild (falls aktiviert); keine Aufzeichnung", retentionPeriod: "Keine Speicherung", retentionStartCode: "DATA_COLLECTION", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "AUDIO", description: "Tonübertragung; keine Aufzeichnung", retentionPeriod: "Keine Speicherung", retentionStartCode: "DATA_COLLECTION", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [vendor(zoom.id, "Videokonferenzdienst", {
        dataCategoryCodes: ["IDENTITY", "CONTACT", "CONNECTION", "IMAGES_VIDEO", "AUDIO"],
        transfers: [{ destinationCountry: "US", access: "BOTH", mechanism: "SCC_2021_M2", contractConcludedAt: utc("2022-03-01"),
          tiaId: tiaZoom.id, tiaReference: tiaZoom.title, tiaDate: tiaZoom.assessedAt, supplementaryMeasures: tiaZoom.supplementaryMeasures }],
      })],
      toms: swTom(...STANDARD_TOMS),
    },
    {
      referenceNumber: "VT-012", name: "E-Mail, Kalender und Zusammenarbeit mit Microsoft 365 (inkl. Teams)", departmentId: sw.it, contactName: "Jens Hoffmann", contactEmail: "it@nordlicht.example",
      description: "Bereitstellung von E-Mail, Kalender, Dateiablage, Chat und Besprechungen über Microsoft 365; Betreuung der Arbeitsplätze durch die Konzerngesellschaft Nordlicht Services GmbH.",
      dataSources: "Beschäftigte; Kommunikationspartner", informationProvided: "Datenschutzhinweise für Beschäftigte; Datenschutzerklärung", estimatedDataSubjects: 20000,
      ...released(8),
      purposes: [{ description: "Bereitstellung von E-Mail, Kalender, Dateiablage und Chat für die interne und externe Kommunikation", legalBases: [
        { basisCode: "ART6_1_B", note: "Arbeitsvertrag; Verträge mit Kunden und Lieferanten" },
        { basisCode: "ART6_1_F", legitimateInterest: "Geschäftliche Kommunikation mit Kunden, Lieferanten und Partnern" },
      ] }],
      dataSubjects: ["EMPLOYEES", "CUSTOMERS", "PROSPECTS", "SUPPLIERS"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Name, Benutzerkennung", retentionPeriod: "Löschung des Kontos 3 Monate nach Austritt", retentionMonths: 3, retentionStartCode: "END_OF_RELATIONSHIP", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONTACT", description: "E-Mail-Adressen, Telefonnummern", retentionPeriod: "Nach Aufbewahrungsrichtlinie", retentionStartCode: "PURPOSE_ENDED", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "COMMUNICATION", description: "Inhalte von E-Mails, Chats und Dokumenten", retentionPeriod: "Geschäftliche E-Mails 6 bzw. 10 Jahre", retentionMonths: 120, retentionStartCode: "END_OF_CALENDAR_YEAR", retentionLegalRef: "§ 257 HGB, § 147 AO", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONNECTION", description: "Anmelde- und Protokolldaten", retentionPeriod: "180 Tage", retentionMonths: 6, retentionStartCode: "DATA_COLLECTION", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [
        vendor(msIe.id, "Microsoft 365 (Exchange Online, SharePoint, Teams); Rechenzentren in der EU (EU Data Boundary)", {
          dataCategoryCodes: ["IDENTITY", "CONTACT", "COMMUNICATION", "CONNECTION"],
          transfers: [{ destinationCountry: "US", access: "REMOTE_ACCESS", viaVendorId: msCorp.id, mechanism: "DPF",
            mechanismNote: "Support-Zugriffe und Telemetrie durch Microsoft Corporation; DPF-zertifiziert einschließlich HR-Daten." }],
        }),
        vendor(groupServices.id, "IT-Support und Managed Workplace (Konzernunternehmen)", { dataCategoryCodes: ["IDENTITY", "CONNECTION"] }),
      ],
      systems: [{ name: "Microsoft 365", vendorId: msIe.id, location: "DE" }],
      toms: swTom(...STANDARD_TOMS, "TOM-INT-01", "TOM-AVL-01", "TOM-ENC-02"),
    },
    {
      referenceNumber: "VT-013", name: "Kundensupport und Ticketsystem (Zendesk)", departmentId: sw.support, contactName: "Lea Martens", contactEmail: "support@nordlicht.example",
      description: "Annahme, Bearbeitung und Dokumentation von Support-Anfragen und Störungsmeldungen der Kunden im Ticketsystem Zendesk.",
      dataSources: "Kunden (E-Mail, Hilfe-Center, Telefon)", informationProvided: "Datenschutzhinweise im Hilfe-Center", estimatedDataSubjects: 4000,
      ...released(9),
      purposes: [{ description: "Bearbeitung von Support-Anfragen und Störungsmeldungen", legalBases: [{ basisCode: "ART6_1_B", note: "Wartungs- und Supportvertrag" }] }],
      dataSubjects: ["CUSTOMERS"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Name, Unternehmen", retentionPeriod: "2 Jahre nach Schließen des Tickets", retentionMonths: 24, retentionStartCode: "PURPOSE_ENDED", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONTACT", description: "E-Mail-Adresse, Telefonnummer", retentionPeriod: "2 Jahre nach Schließen des Tickets", retentionMonths: 24, retentionStartCode: "PURPOSE_ENDED", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "COMMUNICATION", description: "Ticketinhalte, Anhänge, Screenshots", retentionPeriod: "2 Jahre nach Schließen des Tickets", retentionMonths: 24, retentionStartCode: "PURPOSE_ENDED", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONTRACT", description: "Kundennummer, Lizenz, Produktversion", retentionPeriod: "2 Jahre nach Schließen des Tickets", retentionMonths: 24, retentionStartCode: "PURPOSE_ENDED", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [vendor(zendesk.id, "Ticketsystem", {
        dataCategoryCodes: ["IDENTITY", "CONTACT", "COMMUNICATION", "CONTRACT"],
        transfers: [{ destinationCountry: "US", access: "STORAGE", mechanism: "SCC_2021_M2", contractConcludedAt: utc("2022-06-15"), mechanismNote: "Standardvertragsklauseln 2021 (Modul 2) im Data Processing Agreement" }],
      }), internal(sw.support, "Bearbeitung der Tickets")],
      toms: swTom(...STANDARD_TOMS),
    },
    {
      referenceNumber: "VT-014", name: "Anmeldung zu Kundenveranstaltungen und Webinaren", departmentId: sw.marketing, contactName: "Jonas Albers", contactEmail: "marketing@nordlicht.example",
      description: "Anmeldung, Teilnehmerverwaltung und Nachbereitung des jährlichen Nordlicht Summit und der Produkt-Webinare.",
      dataSources: "Anmeldeformular", estimatedDataSubjects: 900,
      status: "DRAFT",
      purposes: [
        { description: "Organisation und Durchführung von Veranstaltungen", legalBases: [{ basisCode: "ART6_1_B" }] },
        { description: "Einladung zu künftigen Veranstaltungen", legalBases: [{ basisCode: "ART6_1_A" }] },
      ],
      dataSubjects: ["CUSTOMERS", "PROSPECTS"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Name, Unternehmen, Funktion", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONTACT", description: "E-Mail-Adresse", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "OTHER", description: "Teilnahmestatus, Essenswünsche (ohne Angaben zu Allergien)", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [
        vendor(hubspotIe.id, "Anmeldeformulare und Einladungsmanagement", {
          dataCategoryCodes: ["IDENTITY", "CONTACT", "OTHER"],
          transfers: [{ destinationCountry: "US", access: "BOTH", viaVendorId: hubspotInc.id, mechanism: "DPF", mechanismNote: "HubSpot, Inc.: DPF-zertifiziert (Nicht-HR-Daten)" }],
        }),
        vendor(zoom.id, "Durchführung der Webinare", {
          dataCategoryCodes: ["IDENTITY", "CONTACT"],
          transfers: [{ destinationCountry: "US", access: "BOTH", mechanism: "SCC_2021_M2", contractConcludedAt: utc("2022-03-01"), tiaId: tiaZoom.id, tiaReference: tiaZoom.title, tiaDate: tiaZoom.assessedAt }],
        }),
      ],
      toms: swTom(...STANDARD_TOMS),
    },
    {
      referenceNumber: "VT-015", name: "Videoüberwachung des Eingangsbereichs", departmentId: sw.management, contactName: "Dr. Jana Petersen", contactEmail: "gf@nordlicht.example",
      description: "Videoüberwachung des Haupteingangs und des Empfangsbereichs mit zwei fest installierten Kameras ohne Tonaufzeichnung; Hinweisschilder nach Art. 13 DSGVO am Eingang.",
      dataSources: "Kameraaufzeichnung", informationProvided: "Hinweisschild am Eingang mit vollständiger Information im Aushang", estimatedDataSubjects: 300,
      dpiaCriteria: ["WP248_3"], dpiaDecision: "NOT_REQUIRED", dpiaDecisionReason: "Nur ein WP248-Kriterium (systematische Überwachung); keine umfangreiche Überwachung öffentlich zugänglicher Bereiche.",
      ...released(6),
      purposes: [{ description: "Schutz des Eigentums, Wahrnehmung des Hausrechts und Aufklärung von Straftaten im Eingangsbereich", legalBases: [
        { basisCode: "ART6_1_F", legitimateInterest: "Prävention und Aufklärung von Einbrüchen und Vandalismus" },
        { basisCode: "BDSG_4", note: "Eingangsbereich öffentlich zugänglich; für private Verantwortliche vgl. BVerwG 6 C 2.18" },
      ] }],
      dataSubjects: ["EMPLOYEES", "SUPPLIERS", "OTHER"],
      dataCategories: [{ categoryCode: "IMAGES_VIDEO", description: "Videoaufzeichnungen des Eingangsbereichs (ohne Ton)", retentionPeriod: "72 Stunden; im Anlassfall bis zum Abschluss der Aufklärung", retentionStartCode: "DATA_COLLECTION", sourceCode: "DATA_SUBJECT" }],
      recipients: [internal(sw.it, "Sicherung von Aufnahmen im Anlassfall (Vier-Augen-Prinzip)"), category("AUTHORITIES", "PUBLIC_AUTHORITY", "Polizei und Staatsanwaltschaft (nur im Anlassfall)")],
      toms: swTom("TOM-ACC-01", "TOM-ACC-03", "TOM-INT-01"),
    },
    {
      referenceNumber: "VT-016", name: "Interne Kommunikation mit Slack", departmentId: sw.it, contactName: "Jens Hoffmann", contactEmail: "it@nordlicht.example",
      description: "Interne Abstimmung und Projektkommunikation der Beschäftigten in Slack-Kanälen und Direktnachrichten.",
      dataSources: "Beschäftigte", informationProvided: "Datenschutzhinweise für Beschäftigte; Betriebsvereinbarung IT", estimatedDataSubjects: 180,
      ...released(10),
      purposes: [{ description: "Interne Abstimmung und Projektkommunikation", legalBases: [{ basisCode: "ART6_1_B", note: "Arbeitsvertrag" }, { basisCode: "BDSG_26_4", note: "Betriebsvereinbarung IT-Systeme" }] }],
      dataSubjects: ["EMPLOYEES"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Name, Profilbild", retentionPeriod: "Löschung des Kontos 3 Monate nach Austritt", retentionMonths: 3, retentionStartCode: "END_OF_RELATIONSHIP", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "EMPLOYMENT", description: "Abteilung, Funktion, Anwesenheitsstatus", retentionPeriod: "Löschung des Kontos 3 Monate nach Austritt", retentionMonths: 3, retentionStartCode: "END_OF_RELATIONSHIP", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "COMMUNICATION", description: "Nachrichten und geteilte Dateien", retentionPeriod: "12 Monate", retentionMonths: 12, retentionStartCode: "DATA_COLLECTION", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [vendor(slack.id, "Messaging-Plattform", {
        dataCategoryCodes: ["IDENTITY", "EMPLOYMENT", "COMMUNICATION"],
        transfers: [{ destinationCountry: "US", access: "STORAGE", mechanism: "DPF", mechanismNote: "Slack Technologies, LLC ist DPF-zertifiziert; die Zertifizierung umfasst laut letzter Prüfung keine HR-Daten." }],
      })],
      toms: swTom(...STANDARD_TOMS),
    },
    {
      referenceNumber: "VT-017", name: "Kundenzufriedenheitsumfragen (SurveyMonkey)", departmentId: sw.support, contactName: "Lea Martens", contactEmail: "support@nordlicht.example",
      description: "Versand von Umfragen zur Kundenzufriedenheit nach Abschluss eines Support-Falls und Auswertung der Antworten.",
      dataSources: "Kunden", informationProvided: "Hinweis in der Umfrage-Einladung", estimatedDataSubjects: 1500,
      status: "RELEASED", releasedAt: utc("2019-06-03"), lastReviewedAt: utc("2022-05-02"), nextReviewAt: utc("2023-05-02"),
      purposes: [{ description: "Messung der Kundenzufriedenheit und Verbesserung des Supports", legalBases: [{ basisCode: "ART6_1_F", legitimateInterest: "Verbesserung von Produkten und Service" }] }],
      dataSubjects: ["CUSTOMERS"],
      dataCategories: [
        { categoryCode: "CONTACT", description: "E-Mail-Adresse", retentionPeriod: "24 Monate", retentionMonths: 24, retentionStartCode: "DATA_COLLECTION", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "OTHER", description: "Antworten auf die Umfrage", retentionPeriod: "24 Monate", retentionMonths: 24, retentionStartCode: "DATA_COLLECTION", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [vendor(surveymonkey.id, "Online-Umfragen", {
        dataCategoryCodes: ["CONTACT", "OTHER"],
        transfers: [{ destinationCountry: "US", access: "STORAGE", mechanism: "PRIVACY_SHIELD", contractConcludedAt: utc("2019-04-01"),
          mechanismNote: "Laut Vertragsunterlagen von 2019: Zertifizierung nach dem EU-US Privacy Shield" }],
      })],
      toms: swTom(...STANDARD_TOMS),
    },
    {
      referenceNumber: "VT-018", name: "Mobile Kommunikation der Geschäftsführung (Threema Work)", departmentId: sw.management, contactName: "Dr. Jana Petersen", contactEmail: "gf@nordlicht.example",
      description: "Vertrauliche mobile Kommunikation der Geschäftsführung und der Bereichsleitungen über Threema Work.",
      dataSources: "Beschäftigte; Kommunikationspartner", estimatedDataSubjects: 60,
      ...released(3),
      purposes: [{ description: "Vertrauliche Abstimmung der Geschäftsführung", legalBases: [{ basisCode: "ART6_1_B" }, { basisCode: "ART6_1_F", legitimateInterest: "Vertrauliche geschäftliche Kommunikation" }] }],
      dataSubjects: ["EMPLOYEES", "SUPPLIERS"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Threema-ID, Name", retentionPeriod: "Bis zur Deaktivierung der Lizenz", retentionStartCode: "END_OF_RELATIONSHIP", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "COMMUNICATION", description: "Nachrichten (Ende-zu-Ende-verschlüsselt)", retentionPeriod: "90 Tage", retentionMonths: 3, retentionStartCode: "DATA_COLLECTION", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [vendor(threema.id, "Messenger (Threema Work)", {
        dataCategoryCodes: ["IDENTITY", "COMMUNICATION"],
        transfers: [{ destinationCountry: "CH", access: "STORAGE", mechanism: "ADEQUACY", mechanismNote: "Angemessenheitsbeschluss 2000/518/EG (Schweiz)" }],
      })],
      toms: swTom("TOM-ENC-01", "TOM-ENC-02", "TOM-ACC-02"),
    },
  ];

  // ── Processing activities: Nordlicht Services GmbH ──
  const svActivities: ActivityInput[] = [
    {
      referenceNumber: "VT-001", name: "Personalverwaltung und Entgeltabrechnung", departmentId: sv.hr, contactName: "Maren Thiel", contactEmail: "personal@services.nordlicht.example",
      description: "Personalakte, Abwesenheitsverwaltung und Lohnabrechnung der Beschäftigten der Nordlicht Services GmbH.",
      dataSources: "Beschäftigte; Finanzverwaltung (ELStAM)", informationProvided: "Datenschutzhinweise für Beschäftigte", estimatedDataSubjects: 45,
      ...released(3),
      purposes: [
        { description: "Durchführung des Beschäftigungsverhältnisses", legalBases: [{ basisCode: "ART6_1_B", note: "Arbeitsvertrag" }] },
        { description: "Entgeltabrechnung und Meldungen an Finanzamt und Sozialversicherung", legalBases: [{ basisCode: "ART6_1_C", note: "§§ 38 ff. EStG, § 28a SGB IV" }] },
      ],
      dataSubjects: ["EMPLOYEES"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Name, Geburtsdatum, Steuer-ID, Sozialversicherungsnummer", retentionPeriod: "10 Jahre", retentionMonths: 120, retentionStartCode: "END_OF_CALENDAR_YEAR", retentionLegalRef: "§ 147 Abs. 3 AO", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "FINANCIAL", description: "Bankverbindung, Gehalt", retentionPeriod: "10 Jahre", retentionMonths: 120, retentionStartCode: "END_OF_CALENDAR_YEAR", retentionLegalRef: "§ 147 Abs. 3 AO", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "EMPLOYMENT", description: "Arbeitsvertrag, Fehlzeiten, Qualifikationen", retentionPeriod: "3 Jahre nach Ende des Beschäftigungsverhältnisses", retentionMonths: 36, retentionStartCode: "END_OF_RELATIONSHIP", retentionLegalRef: "§ 195 BGB", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [
        vendor(svDatev.id, "Lohnabrechnung", { dataCategoryCodes: ["IDENTITY", "FINANCIAL"] }),
        vendor(svPersonio.id, "Personalakte", { dataCategoryCodes: ["IDENTITY", "EMPLOYMENT"] }),
        category("AUTHORITIES", "PUBLIC_AUTHORITY", "Finanzamt"),
        category("SOCIAL_INSURANCE", "PUBLIC_AUTHORITY", "Sozialversicherungsträger"),
      ],
      toms: svTom("TOM-ENC-01", "TOM-ACC-02", "TOM-ACC-03", "TOM-ORG-01"),
    },
    {
      referenceNumber: "VT-002", name: "E-Mail und Zusammenarbeit mit Google Workspace", departmentId: sv.operations, contactName: "Katrin Lund", contactEmail: "betrieb@services.nordlicht.example",
      description: "E-Mail, Kalender, Dateiablage und Videobesprechungen über Google Workspace (Datenregion Europa).",
      dataSources: "Beschäftigte; Kommunikationspartner", estimatedDataSubjects: 3000,
      ...released(5),
      purposes: [{ description: "Interne und externe Kommunikation", legalBases: [{ basisCode: "ART6_1_B" }, { basisCode: "ART6_1_F", legitimateInterest: "Geschäftliche Kommunikation mit Kunden und Partnern" }] }],
      dataSubjects: ["EMPLOYEES", "CUSTOMERS", "SUPPLIERS"],
      dataCategories: [
        { categoryCode: "CONTACT", description: "E-Mail-Adressen, Telefonnummern", retentionPeriod: "Nach Aufbewahrungsrichtlinie", retentionStartCode: "PURPOSE_ENDED", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "COMMUNICATION", description: "Inhalte von E-Mails und Dokumenten", retentionPeriod: "Geschäftliche E-Mails 6 bzw. 10 Jahre", retentionMonths: 120, retentionStartCode: "END_OF_CALENDAR_YEAR", retentionLegalRef: "§ 257 HGB, § 147 AO", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONNECTION", description: "Anmelde- und Protokolldaten", retentionPeriod: "180 Tage", retentionMonths: 6, retentionStartCode: "DATA_COLLECTION", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [vendor(googleCloud.id, "Google Workspace", {
        dataCategoryCodes: ["CONTACT", "COMMUNICATION", "CONNECTION"],
        transfers: [{ destinationCountry: "US", access: "BOTH", viaVendorId: svGoogleLlc.id, mechanism: "DPF", mechanismNote: "Google LLC ist DPF-zertifiziert (einschließlich HR-Daten)." }],
      })],
      toms: svTom("TOM-ENC-01", "TOM-ACC-02", "TOM-AVL-01"),
    },
    {
      referenceNumber: "VT-003", name: "Kunden-Newsletter (Mailchimp)", departmentId: sv.sales, contactName: "Frauke Hansen", contactEmail: "vertrieb@services.nordlicht.example",
      description: "Quartalsweiser Newsletter an Bestandskunden der Managed Services mit Wartungsfenstern und Produktneuigkeiten.",
      dataSources: "Kunden (Anmeldung)", estimatedDataSubjects: 700,
      ...released(11),
      purposes: [{ description: "Versand des Kunden-Newsletters", legalBases: [{ basisCode: "ART6_1_A", note: "Double-Opt-in" }] }],
      dataSubjects: ["CUSTOMERS", "NEWSLETTER_SUBSCRIBERS"],
      dataCategories: [
        { categoryCode: "CONTACT", description: "E-Mail-Adresse, Name, Unternehmen", retentionPeriod: "Bis zum Widerruf der Einwilligung", retentionStartCode: "CONSENT_WITHDRAWAL", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONNECTION", description: "Öffnungs- und Klickdaten", retentionPeriod: "Bis zum Widerruf der Einwilligung", retentionStartCode: "CONSENT_WITHDRAWAL", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [vendor(mailchimp.id, "Newsletter-Versand", {
        dataCategoryCodes: ["CONTACT", "CONNECTION"],
        transfers: [{ destinationCountry: "US", access: "STORAGE", mechanism: "SCC_OLD", contractConcludedAt: utc("2019-03-01"),
          mechanismNote: "Standardvertragsklauseln 2010/87/EU im Data Processing Addendum von 2019" }],
      })],
      toms: svTom("TOM-ENC-01", "TOM-ORG-02"),
    },
    {
      referenceNumber: "VT-004", name: "Online-Terminbuchung für Servicetermine (Calendly)", departmentId: sv.support, contactName: "Timo Brandt", contactEmail: "service@services.nordlicht.example",
      description: "Kunden buchen Termine für Vor-Ort-Einsätze und Fernwartung über ein Buchungsformular von Calendly.",
      dataSources: "Kunden (Buchungsformular)", estimatedDataSubjects: 400,
      status: "DRAFT",
      purposes: [{ description: "Vereinbarung von Serviceterminen", legalBases: [{ basisCode: "ART6_1_B" }] }],
      dataSubjects: ["CUSTOMERS"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Name, Unternehmen", retentionPeriod: "12 Monate nach dem Termin", retentionMonths: 12, retentionStartCode: "PURPOSE_ENDED", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONTACT", description: "E-Mail-Adresse, Telefonnummer", retentionPeriod: "12 Monate nach dem Termin", retentionMonths: 12, retentionStartCode: "PURPOSE_ENDED", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [vendor(calendly.id, "Terminbuchung", {
        dataCategoryCodes: ["IDENTITY", "CONTACT"],
        transfers: [{ destinationCountry: "US", access: "STORAGE", mechanism: "NONE_STATED", mechanismNote: "Im Vertrag kein Übermittlungsinstrument genannt" }],
      })],
      toms: svTom("TOM-ENC-01"),
    },
    {
      referenceNumber: "VT-005", name: "Kundenverträge und Abrechnung der Managed Services", departmentId: sv.sales, contactName: "Frauke Hansen", contactEmail: "vertrieb@services.nordlicht.example",
      description: "Abschluss und Abrechnung von Managed-Services- und Hosting-Verträgen.",
      dataSources: "Kunden", estimatedDataSubjects: 250,
      ...released(4),
      purposes: [
        { description: "Vertragsabschluss und -durchführung", legalBases: [{ basisCode: "ART6_1_B" }] },
        { description: "Rechnungsstellung und Aufbewahrung", legalBases: [{ basisCode: "ART6_1_C", note: "§ 257 HGB, § 147 AO" }] },
      ],
      dataSubjects: ["CUSTOMERS"],
      dataCategories: [
        { categoryCode: "CONTACT", description: "Ansprechpartner, geschäftliche Kontaktdaten", retentionPeriod: "3 Jahre nach Vertragsende", retentionMonths: 36, retentionStartCode: "END_OF_RELATIONSHIP", retentionLegalRef: "§ 195 BGB", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "CONTRACT", description: "Verträge, Leistungsscheine", retentionPeriod: "6 Jahre", retentionMonths: 72, retentionStartCode: "END_OF_CALENDAR_YEAR", retentionLegalRef: "§ 257 HGB", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "FINANCIAL", description: "Rechnungen, Zahlungsdaten", retentionPeriod: "10 Jahre", retentionMonths: 120, retentionStartCode: "END_OF_CALENDAR_YEAR", retentionLegalRef: "§ 147 Abs. 3 AO", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [vendor(svDatev.id, "Finanzbuchhaltung", { dataCategoryCodes: ["CONTACT", "FINANCIAL"] }), category("TAX_ADVISORS_AUDITORS", "INDEPENDENT_CONTROLLER", "Steuerberatung"), category("GROUP_COMPANIES", "INDEPENDENT_CONTROLLER", "Konzernabschluss bei der Nordlicht Software GmbH")],
      toms: svTom("TOM-ENC-01", "TOM-ACC-03", "TOM-AVL-01"),
    },
    {
      referenceNumber: "VT-006", name: "Betrieb des Mieterportals im Auftrag der Fördeblick Immobilien GmbH", departmentId: sv.operations, contactName: "Katrin Lund", contactEmail: "betrieb@services.nordlicht.example",
      role: "PROCESSOR", clientVendorId: foerdeblick.id,
      processingCategories: "Hosting, Betrieb und Wartung des Mieterportals; Datensicherung; 2nd-Level-Support für die Mitarbeitenden des Auftraggebers",
      description: "Auftragsverarbeitung nach Art. 28 DSGVO: Betrieb des Mieterportals der Fördeblick Immobilien GmbH auf AWS in Frankfurt am Main.",
      dataSources: "Auftraggeber; Mieterinnen und Mieter über das Portal", estimatedDataSubjects: 6000,
      ...released(2),
      purposes: [{ description: "Betrieb des Mieterportals auf Weisung des Auftraggebers", legalBases: [{ basisCode: "ART6_1_B", note: "Rechtsgrundlage des Auftraggebers (Mietverträge); Verarbeitung nur auf dokumentierte Weisung (Art. 28 Abs. 3 lit. a DSGVO)" }] }],
      dataSubjects: ["TENANTS"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Name, Mieternummer", retentionPeriod: "Nach Weisung; Löschung 30 Tage nach Vertragsende", retentionMonths: 1, retentionStartCode: "END_OF_RELATIONSHIP", sourceCode: "THIRD_PARTY" },
        { categoryCode: "CONTACT", description: "Anschrift der Mietwohnung, E-Mail-Adresse, Telefonnummer", retentionPeriod: "Nach Weisung; Löschung 30 Tage nach Vertragsende", retentionMonths: 1, retentionStartCode: "END_OF_RELATIONSHIP", sourceCode: "THIRD_PARTY" },
        { categoryCode: "CONTRACT", description: "Mietvertragsdaten, Schadensmeldungen, Dokumente", retentionPeriod: "Nach Weisung; Löschung 30 Tage nach Vertragsende", retentionMonths: 1, retentionStartCode: "END_OF_RELATIONSHIP", sourceCode: "THIRD_PARTY" },
      ],
      recipients: [vendor(svAws.awsEmea.id, "Hosting (Frankfurt am Main)", {
        role: "SUB_PROCESSOR",
        dataCategoryCodes: ["IDENTITY", "CONTACT", "CONTRACT"],
        transfers: [{ destinationCountry: "US", access: "REMOTE_ACCESS", viaVendorId: svAws.awsInc.id, mechanism: "SCC_2021_M3", contractConcludedAt: utc("2023-02-01"),
          tiaId: tiaAws.id, tiaReference: tiaAws.title, tiaDate: tiaAws.assessedAt, supplementaryMeasures: tiaAws.supplementaryMeasures }],
      })],
      systems: [{ name: "Mieterportal (AWS eu-central-1)", vendorId: svAws.awsEmea.id, location: "DE" }],
      toms: svTom("TOM-ENC-01", "TOM-ENC-02", "TOM-ACC-02", "TOM-ACC-03", "TOM-INT-01", "TOM-AVL-01", "TOM-AVL-02"),
    },
    {
      referenceNumber: "VT-007", name: "IT-Support und Managed Workplace für die Nordlicht Software GmbH", departmentId: sv.operations, contactName: "Katrin Lund", contactEmail: "betrieb@services.nordlicht.example",
      role: "PROCESSOR", clientVendorId: parentClient.id, noThirdCountryTransfer: true,
      processingCategories: "Benutzerverwaltung, Client-Management, 1st- und 2nd-Level-Support, Fernwartung",
      description: "Auftragsverarbeitung für die Muttergesellschaft: Betreuung der Arbeitsplätze und Benutzerkonten.",
      dataSources: "Auftraggeber", estimatedDataSubjects: 180,
      status: "IN_REVIEW",
      purposes: [{ description: "IT-Support auf Weisung des Auftraggebers", legalBases: [{ basisCode: "ART6_1_B", note: "Rechtsgrundlage des Auftraggebers (Arbeitsverträge)" }] }],
      dataSubjects: ["EMPLOYEES"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Name, Benutzerkennung", retentionPeriod: "Nach Weisung des Auftraggebers", retentionStartCode: "END_OF_RELATIONSHIP", sourceCode: "THIRD_PARTY" },
        { categoryCode: "CONNECTION", description: "Geräte- und Protokolldaten, Ticketinhalte", retentionPeriod: "12 Monate", retentionMonths: 12, retentionStartCode: "DATA_COLLECTION", sourceCode: "THIRD_PARTY" },
      ],
      recipients: [internal(sv.operations, "Durchführung des Supports")],
      toms: svTom("TOM-ACC-02", "TOM-ACC-03", "TOM-INT-01", "TOM-ORG-01"),
    },
    {
      referenceNumber: "VT-008", name: "Bewerbermanagement (Personio)", departmentId: sv.hr, contactName: "Maren Thiel", contactEmail: "personal@services.nordlicht.example",
      description: "Durchführung von Bewerbungsverfahren für Stellen der Nordlicht Services GmbH.",
      dataSources: "Bewerbungsportal", estimatedDataSubjects: 150,
      ...released(7),
      purposes: [{ description: "Durchführung des Bewerbungsverfahrens", legalBases: [{ basisCode: "ART6_1_B", note: "Anbahnung des Beschäftigungsverhältnisses" }] }],
      dataSubjects: ["APPLICANTS"],
      dataCategories: [
        { categoryCode: "IDENTITY", description: "Name", retentionPeriod: "6 Monate nach Abschluss des Bewerbungsverfahrens", retentionMonths: 6, retentionStartCode: "END_OF_APPLICATION", retentionLegalRef: "§ 15 Abs. 4 AGG, § 61b ArbGG", sourceCode: "DATA_SUBJECT" },
        { categoryCode: "EMPLOYMENT", description: "Lebenslauf, Zeugnisse", retentionPeriod: "6 Monate nach Abschluss des Bewerbungsverfahrens", retentionMonths: 6, retentionStartCode: "END_OF_APPLICATION", retentionLegalRef: "§ 15 Abs. 4 AGG, § 61b ArbGG", sourceCode: "DATA_SUBJECT" },
      ],
      recipients: [vendor(svPersonio.id, "Bewerbermanagement-Software", { dataCategoryCodes: ["IDENTITY", "EMPLOYMENT"] }), internal(sv.hr, "Auswahlverfahren")],
      toms: svTom("TOM-ENC-01", "TOM-ACC-02", "TOM-ORG-01"),
    },
  ];

  const activityIds = new Map<string, string>();
  for (const input of swActivities) activityIds.set(`sw:${input.referenceNumber}`, (await createActivity(tx, software.id, { ...input, releasedById: input.status === "RELEASED" ? dpoId : null }, actor)).id);
  for (const input of svActivities) activityIds.set(`sv:${input.referenceNumber}`, (await createActivity(tx, services.id, { ...input, releasedById: input.status === "RELEASED" ? dpoId : null }, actor)).id);
  const acts = (prefix: "sw" | "sv", ...refs: string[]) => refs.map((r) => required(activityIds.get(`${prefix}:${r}`), r));

  // ── Data-processing agreements (AVV): SurveyMonkey has none; Zendesk's is due for review ──
  const signed = (signedAt: string, reviewInDays: number) => ({ status: "SIGNED" as const, signedAt: utc(signedAt), effectiveFrom: utc(signedAt), nextReviewAt: daysAhead(reviewInDays) });
  await createDpa(tx, software.id, swAws.awsEmea.id, { title: "AWS GDPR Data Processing Addendum", documentVersion: "2023", ...signed("2023-02-14", 200), activityIds: acts("sw", "VT-001") }, actor);
  await createDpa(tx, software.id, googleIe.id, { title: "Google Ads Data Processing Terms (Google Analytics)", ...signed("2024-05-02", 160), activityIds: acts("sw", "VT-002") }, actor);
  await createDpa(tx, software.id, hubspotIe.id, { title: "HubSpot Data Processing Agreement", ...signed("2024-01-15", 90), activityIds: acts("sw", "VT-003", "VT-014") }, actor);
  await createDpa(tx, software.id, personio.id, { title: "Personio Auftragsverarbeitungsvertrag", ...signed("2023-09-01", 280), activityIds: acts("sw", "VT-005", "VT-006", "VT-008") }, actor);
  await createDpa(tx, software.id, datev.id, { title: "DATEV Auftragsverarbeitungsvertrag", ...signed("2021-11-10", 300), activityIds: acts("sw", "VT-006", "VT-009") }, actor);
  await createDpa(tx, software.id, salesforce.id, { title: "Salesforce Data Processing Addendum (mit Processor BCR)", ...signed("2024-03-20", 120), activityIds: acts("sw", "VT-010") }, actor);
  await createDpa(tx, software.id, zoom.id, { title: "Zoom Data Processing Addendum", sccMechanism: "SCC_2021_M2", ...signed("2022-03-01", 60), activityIds: acts("sw", "VT-011", "VT-014") }, actor);
  await createDpa(tx, software.id, msIe.id, { title: "Microsoft Products and Services Data Protection Addendum", ...signed("2023-01-01", 210), activityIds: acts("sw", "VT-012") }, actor);
  await createDpa(tx, software.id, zendesk.id, {
    title: "Zendesk Data Processing Agreement", sccMechanism: "SCC_2021_M2", status: "SIGNED", signedAt: utc("2022-06-15"), effectiveFrom: utc("2022-06-15"), nextReviewAt: daysAgo(20),
    notes: "Überprüfung überfällig", activityIds: acts("sw", "VT-013"),
  }, actor);
  await createDpa(tx, software.id, slack.id, { title: "Slack Data Processing Addendum", ...signed("2021-04-12", 45), art28d: false, notes: "Regelung zu Unterauftragsverarbeitern (Art. 28 Abs. 2, 4 DSGVO) nicht nachgewiesen", activityIds: acts("sw", "VT-016") }, actor);
  await createDpa(tx, software.id, threema.id, { title: "Threema Work Auftragsverarbeitungsvertrag", ...signed("2024-08-01", 250), activityIds: acts("sw", "VT-018") }, actor);
  await createDpa(tx, software.id, groupServices.id, { title: "Konzerninterner AVV IT-Support", ...signed("2024-01-01", 30), activityIds: acts("sw", "VT-012") }, actor);

  await createDpa(tx, services.id, svAws.awsEmea.id, { title: "AWS GDPR Data Processing Addendum", ...signed("2023-02-01", 180), activityIds: acts("sv", "VT-006") }, actor);
  await createDpa(tx, services.id, googleCloud.id, { title: "Cloud Data Processing Addendum (Google Workspace)", ...signed("2023-05-10", 140), activityIds: acts("sv", "VT-002") }, actor);
  await createDpa(tx, services.id, svPersonio.id, { title: "Personio Auftragsverarbeitungsvertrag", ...signed("2023-09-01", 280), activityIds: acts("sv", "VT-001", "VT-008") }, actor);
  await createDpa(tx, services.id, svDatev.id, { title: "DATEV Auftragsverarbeitungsvertrag", ...signed("2022-01-10", 300), activityIds: acts("sv", "VT-001", "VT-005") }, actor);
  await createDpa(tx, services.id, mailchimp.id, {
    title: "Mailchimp Data Processing Addendum (2019)", sccMechanism: "SCC_OLD", status: "SIGNED", signedAt: utc("2019-03-01"), effectiveFrom: utc("2019-03-01"), nextReviewAt: daysAgo(300),
    notes: "Enthält noch die Standardvertragsklauseln 2010/87/EU", activityIds: acts("sv", "VT-003"),
  }, actor);
  await createDpa(tx, services.id, calendly.id, { title: "Calendly Data Processing Addendum", status: "IN_NEGOTIATION", art28h: false, activityIds: acts("sv", "VT-004") }, actor);

  return { organisations: 2, activities: swActivities.length + svActivities.length };
}

async function main() {
  const db = createDb(databaseUrl());
  try {
    const ref = await loadReferenceData(db);
    const seeded = await seedDemo(db);
    const refText = `reference data ${ref.version}${ref.changed ? " loaded" : " up to date"}`;
    console.log(
      seeded.organisations > 0
        ? `seed: ${seeded.organisations} organisations, ${seeded.activities} processing activities; ${refText}`
        : `seed: database already has organisations, nothing seeded; ${refText}`,
    );
  } finally {
    await db.$disconnect();
  }
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  main().catch((e: unknown) => {
    console.error(`seed failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
