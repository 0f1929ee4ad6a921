// Transaction bodies of the vendor actions: `(tx, actor, orgId, …)`, awaiting only `tx.*` (C31), so the
// integration tests call them directly. Every id a form submits (vendor, sub-vendor, country) is re-checked
// here to belong to `orgId` (or to exist as a Country): anything else is "not-found" (C01).
// Every success writes one Revision of the vendor (full snapshot) and one AuditEvent; a failure writes neither.
import type { Tx } from "@/lib/db";
import { recordAudit, recordRevision, type Actor } from "@/lib/audit";
import { diff, isJsonEqual } from "@/lib/domain/diff";
import { z } from "zod";
import { LocationPurpose, TransferAccess, VendorKind } from "@/prisma/generated/sqlite/enums";
import { restoredFrom, revisionSnapshot, snapDate, snapText } from "@/lib/history/revisions";
import type { RevisionRestoreInput } from "@/lib/history/schema";
import type { VendorConflict } from "@/lib/vendors/schema";
import { normalizeEmail } from "@/lib/domain/email";
import { toSearchText } from "@/lib/domain/search-text";
import type {
  CertificationInput,
  ContactInput,
  DpfCheckInput,
  LocationInput,
  SubProcessorInput,
  VendorCreateInput,
  VendorUpdateInput,
} from "@/lib/vendors/schema";

export type MutationResult<T = { id: string }> =
  | ({ ok: true } & T)
  | { ok: false; error: "not-found" | "conflict" | "duplicate" | "invalid"; field?: string; conflict?: VendorConflict };

const NOT_FOUND = { ok: false, error: "not-found" } as const;
const CONFLICT = { ok: false, error: "conflict" } as const;

/** Empty optional fields are stored as null (an edit can clear a field). */
function vendorData(input: VendorCreateInput) {
  return {
    name: input.name,
    legalForm: input.legalForm ?? null,
    kind: input.kind,
    street: input.street ?? null,
    postalCode: input.postalCode ?? null,
    city: input.city ?? null,
    country: input.country ?? null,
    website: input.website ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    contactName: input.contactName ?? null,
    dpoName: input.dpoName ?? null,
    dpoEmail: input.dpoEmail ?? null,
    euRepresentative: input.euRepresentative ?? null,
    parentCompany: input.parentCompany ?? null,
    parentCountry: input.parentCountry ?? null,
    sector: input.sector ?? null,
    services: input.services ?? null,
    notes: input.notes ?? null,
  };
}

/** The vendor with its children as stored in a Revision. Null if it is not in `orgId`. */
export async function snapshotVendor(tx: Tx, orgId: string, id: string) {
  return tx.vendor.findFirst({
    where: { id, organisationId: orgId },
    omit: { searchText: true },
    include: {
      locations: { orderBy: { id: "asc" } },
      certifications: { orderBy: { id: "asc" } },
      dpfChecks: { orderBy: { checkedAt: "asc" } },
      subProcessors: { orderBy: { id: "asc" } },
      contacts: { orderBy: { email: "asc" }, select: { id: true, email: true, name: true, function: true, phone: true, canSignIn: true, disabledAt: true } },
    },
  });
}
type VendorSnapshot = NonNullable<Awaited<ReturnType<typeof snapshotVendor>>>;

function searchTextOf(v: VendorSnapshot): string {
  return toSearchText([
    v.name, v.legalForm, v.city, v.country, v.services, v.parentCompany, v.sector,
    v.locations.map((l) => [l.country, l.city]),
    v.subProcessors.map((s) => [s.name, s.country, s.service]),
    v.certifications.map((c) => c.name),
  ]);
}

async function countryExists(tx: Tx, code: string | undefined | null): Promise<boolean> {
  if (!code) return true;
  return (await tx.country.count({ where: { code } })) === 1;
}

async function vendorCountriesExist(tx: Tx, input: VendorCreateInput): Promise<string | null> {
  if (!(await countryExists(tx, input.country))) return "country";
  if (!(await countryExists(tx, input.parentCountry))) return "parentCountry";
  return null;
}

async function nameTaken(tx: Tx, orgId: string, name: string, exceptId?: string): Promise<boolean> {
  const other = await tx.vendor.findFirst({ where: { organisationId: orgId, name, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  return other !== null;
}

export async function createVendorTx(tx: Tx, actor: Actor, orgId: string, input: VendorCreateInput): Promise<MutationResult> {
  const badCountry = await vendorCountriesExist(tx, input);
  if (badCountry) return { ok: false, error: "not-found", field: badCountry };
  if (await nameTaken(tx, orgId, input.name)) return { ok: false, error: "duplicate", field: "name" };
  const data = vendorData(input);
  const created = await tx.vendor.create({
    data: { ...data, organisationId: orgId, searchText: toSearchText([data.name, data.legalForm, data.city, data.country, data.services, data.parentCompany, data.sector]), createdById: actor.id, updatedById: actor.id },
    select: { id: true },
  });
  const snapshot = await snapshotVendor(tx, orgId, created.id);
  await recordRevision(tx, actor, { entityType: "Vendor", entityId: created.id, organisationId: orgId, version: 1, action: "create", snapshot });
  await recordAudit(tx, actor, { action: "vendor.create", entityType: "Vendor", entityId: created.id, organisationId: orgId, changes: diff({}, data) });
  return { ok: true, id: created.id };
}

/** A stale save: who changed the vendor last, when, and how the stored values differ from the submitted ones (C32). */
async function vendorConflict(tx: Tx, id: string, submitted: Record<string, unknown>): Promise<MutationResult> {
  const current = await tx.vendor.findUnique({ where: { id } });
  if (!current) return NOT_FOUND;
  const last = await tx.revision.findFirst({ where: { entityType: "Vendor", entityId: id }, orderBy: { version: "desc" }, select: { authorName: true, createdAt: true } });
  return {
    ok: false,
    error: "conflict",
    conflict: { by: last?.authorName ?? "—", at: (last?.createdAt ?? current.updatedAt).toISOString(), version: current.version, changes: diff(current, submitted) },
  };
}

export async function updateVendorTx(tx: Tx, actor: Actor, orgId: string, id: string, input: VendorUpdateInput): Promise<MutationResult> {
  const { version, reason, ...fields } = input;
  const before = await tx.vendor.findFirst({ where: { id, organisationId: orgId, archivedAt: null } });
  if (!before) return NOT_FOUND;
  const badCountry = await vendorCountriesExist(tx, fields);
  if (badCountry) return { ok: false, error: "not-found", field: badCountry };
  if (before.version !== version) return vendorConflict(tx, id, vendorData(fields));
  if (fields.name !== before.name && (await nameTaken(tx, orgId, fields.name, id))) return { ok: false, error: "duplicate", field: "name" };
  const data = vendorData(fields);
  const { count } = await tx.vendor.updateMany({ where: { id, organisationId: orgId, version }, data: { ...data, updatedById: actor.id, version: { increment: 1 } } });
  if (count === 0) return vendorConflict(tx, id, data);
  const after = await snapshotVendor(tx, orgId, id);
  if (!after) return NOT_FOUND;
  await tx.vendor.update({ where: { id }, data: { searchText: searchTextOf(after) }, select: { id: true } });
  const changes = diff(before, data);
  await recordRevision(tx, actor, { entityType: "Vendor", entityId: id, organisationId: orgId, version: after.version, action: "update", snapshot: after, changes, reason: reason ?? null });
  await recordAudit(tx, actor, { action: "vendor.update", entityType: "Vendor", entityId: id, organisationId: orgId, changes });
  return { ok: true, id };
}

/** Archive (archived = true) or restore. Never a hard delete. */
export async function setVendorArchivedTx(tx: Tx, actor: Actor, orgId: string, id: string, version: number, archived: boolean): Promise<MutationResult> {
  const before = await tx.vendor.findFirst({ where: { id, organisationId: orgId }, select: { archivedAt: true, version: true } });
  if (!before) return NOT_FOUND;
  if (before.version !== version || (before.archivedAt !== null) === archived) return CONFLICT;
  const archivedAt = archived ? (new Date()) : null;
  const { count } = await tx.vendor.updateMany({ where: { id, organisationId: orgId, version }, data: { archivedAt, updatedById: actor.id, version: { increment: 1 } } });
  if (count === 0) return CONFLICT;
  const after = await snapshotVendor(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = { archivedAt: { old: before.archivedAt?.toISOString() ?? null, new: archivedAt?.toISOString() ?? null } };
  const action = archived ? "archive" : "restore";
  await recordRevision(tx, actor, { entityType: "Vendor", entityId: id, organisationId: orgId, version: after.version, action, snapshot: after, changes });
  await recordAudit(tx, actor, { action: `vendor.${action}`, entityType: "Vendor", entityId: id, organisationId: orgId, changes });
  return { ok: true, id };
}

/**
 * A change to a child list of the vendor: the vendor (not archived, in `orgId`) is locked by a version
 * increment, `change` runs, then one Revision (snapshot) and one AuditEvent are written.
 */
async function changeChildren(
  tx: Tx, actor: Actor, orgId: string, vendorId: string, action: string,
  change: () => Promise<{ ok: true; changes: unknown } | { ok: false; error: "not-found" | "invalid" | "duplicate"; field?: string }>,
): Promise<MutationResult> {
  const vendor = await tx.vendor.findFirst({ where: { id: vendorId, organisationId: orgId, archivedAt: null }, select: { id: true } });
  if (!vendor) return NOT_FOUND;
  const outcome = await change();
  if (!outcome.ok) return outcome;
  await tx.vendor.updateMany({ where: { id: vendorId, organisationId: orgId }, data: { updatedById: actor.id, version: { increment: 1 } } });
  const after = await snapshotVendor(tx, orgId, vendorId);
  if (!after) return NOT_FOUND;
  await tx.vendor.update({ where: { id: vendorId }, data: { searchText: searchTextOf(after) }, select: { id: true } });
  await recordRevision(tx, actor, { entityType: "Vendor", entityId: vendorId, organisationId: orgId, version: after.version, action, snapshot: after, changes: outcome.changes });
  await recordAudit(tx, actor, { action: `vendor.${action}`, entityType: "Vendor", entityId: vendorId, organisationId: orgId, changes: outcome.changes });
  return { ok: true, id: vendorId };
}

export function addLocationTx(tx: Tx, actor: Actor, orgId: string, vendorId: string, input: LocationInput): Promise<MutationResult> {
  return changeChildren(tx, actor, orgId, vendorId, "location.add", async () => {
    if (!(await countryExists(tx, input.country))) return { ok: false, error: "not-found", field: "country" };
    const row = await tx.vendorLocation.create({ data: { vendorId, country: input.country, city: input.city ?? null, purpose: input.purpose, note: input.note ?? null } });
    return { ok: true, changes: { location: { old: null, new: row } } };
  });
}

export function removeLocationTx(tx: Tx, actor: Actor, orgId: string, vendorId: string, locationId: string): Promise<MutationResult> {
  return changeChildren(tx, actor, orgId, vendorId, "location.remove", async () => {
    const row = await tx.vendorLocation.findFirst({ where: { id: locationId, vendorId } });
    if (!row) return { ok: false, error: "not-found" };
    await tx.vendorLocation.delete({ where: { id: row.id } });
    return { ok: true, changes: { location: { old: row, new: null } } };
  });
}

export function addCertificationTx(tx: Tx, actor: Actor, orgId: string, vendorId: string, input: CertificationInput): Promise<MutationResult> {
  return changeChildren(tx, actor, orgId, vendorId, "certification.add", async () => {
    const row = await tx.vendorCertification.create({
      data: { vendorId, name: input.name, issuer: input.issuer ?? null, certificateNumber: input.certificateNumber ?? null, validFrom: input.validFrom ?? null, validUntil: input.validUntil ?? null, documentUrl: input.documentUrl ?? null },
    });
    return { ok: true, changes: { certification: { old: null, new: row } } };
  });
}

export function removeCertificationTx(tx: Tx, actor: Actor, orgId: string, vendorId: string, certificationId: string): Promise<MutationResult> {
  return changeChildren(tx, actor, orgId, vendorId, "certification.remove", async () => {
    const row = await tx.vendorCertification.findFirst({ where: { id: certificationId, vendorId } });
    if (!row) return { ok: false, error: "not-found" };
    await tx.vendorCertification.delete({ where: { id: row.id } });
    return { ok: true, changes: { certification: { old: row, new: null } } };
  });
}

/** DPF checks are append-only: a new dated row per check, never edited or deleted. */
export function addDpfCheckTx(tx: Tx, actor: Actor, orgId: string, vendorId: string, input: DpfCheckInput): Promise<MutationResult> {
  return changeChildren(tx, actor, orgId, vendorId, "dpfCheck.add", async () => {
    const row = await tx.dpfCheck.create({
      data: {
        vendorId, status: input.status, listedName: input.listedName ?? null, listUrl: input.listUrl ?? null,
        frameworks: input.frameworks.length ? input.frameworks.join(",") : null, coversHr: input.coversHr, coversNonHr: input.coversNonHr,
        certifiedSince: input.certifiedSince ?? null, nextCertificationDue: input.nextCertificationDue ?? null,
        checkedAt: input.checkedAt, checkedById: actor.id, checkedByName: actor.name, evidenceUrl: input.evidenceUrl ?? null, note: input.note ?? null,
      },
    });
    return { ok: true, changes: { dpfCheck: { old: null, new: row } } };
  });
}

export function addSubProcessorTx(tx: Tx, actor: Actor, orgId: string, vendorId: string, input: SubProcessorInput): Promise<MutationResult> {
  return changeChildren(tx, actor, orgId, vendorId, "subProcessor.add", async () => {
    if (!(await countryExists(tx, input.country))) return { ok: false, error: "not-found", field: "country" };
    let name = input.name;
    let country = input.country ?? null;
    if (input.subVendorId) {
      if (input.subVendorId === vendorId) return { ok: false, error: "invalid", field: "subVendorId" };
      const sub = await tx.vendor.findFirst({ where: { id: input.subVendorId, organisationId: orgId, archivedAt: null }, select: { name: true, country: true } });
      if (!sub) return { ok: false, error: "not-found", field: "subVendorId" };
      name = name ?? sub.name;
      country = country ?? sub.country;
    }
    if (!name) return { ok: false, error: "invalid", field: "name" };
    const row = await tx.subProcessor.create({ data: { vendorId, subVendorId: input.subVendorId ?? null, name, country, service: input.service ?? null, access: input.access } });
    return { ok: true, changes: { subProcessor: { old: null, new: row } } };
  });
}

export function removeSubProcessorTx(tx: Tx, actor: Actor, orgId: string, vendorId: string, subProcessorId: string): Promise<MutationResult> {
  return changeChildren(tx, actor, orgId, vendorId, "subProcessor.remove", async () => {
    const row = await tx.subProcessor.findFirst({ where: { id: subProcessorId, vendorId } });
    if (!row) return { ok: false, error: "not-found" };
    await tx.subProcessor.delete({ where: { id: row.id } });
    return { ok: true, changes: { subProcessor: { old: row, new: null } } };
  });
}

/** A contact who may sign in to the vendor portal (e-mail normalised, C16). Re-adding a disabled address enables it again. */
export function addContactTx(tx: Tx, actor: Actor, orgId: string, vendorId: string, input: ContactInput): Promise<MutationResult> {
  return changeChildren(tx, actor, orgId, vendorId, "contact.add", async () => {
    const normal = normalizeEmail(input.email);
    if (!normal.ok) return { ok: false, error: "invalid", field: "email" };
    const existing = await tx.vendorContact.findUnique({ where: { vendorId_email: { vendorId, email: normal.email } } });
    if (existing && existing.disabledAt === null) return { ok: false, error: "duplicate", field: "email" };
    const data = { name: input.name ?? null, function: input.function ?? null, phone: input.phone ?? null, canSignIn: input.canSignIn, disabledAt: null };
    const row = existing
      ? await tx.vendorContact.update({ where: { id: existing.id }, data, select: { id: true, email: true, name: true, canSignIn: true } })
      : await tx.vendorContact.create({ data: { vendorId, email: normal.email, ...data }, select: { id: true, email: true, name: true, canSignIn: true } });
    return { ok: true, changes: { contact: { old: null, new: row } } };
  });
}

/** Disables a contact (the row stays for the audit trail; the portal refuses the address from now on). */
export function disableContactTx(tx: Tx, actor: Actor, orgId: string, vendorId: string, contactId: string): Promise<MutationResult> {
  return changeChildren(tx, actor, orgId, vendorId, "contact.disable", async () => {
    const row = await tx.vendorContact.findFirst({ where: { id: contactId, vendorId, disabledAt: null }, select: { id: true, email: true } });
    if (!row) return { ok: false, error: "not-found" };
    await tx.vendorContact.update({ where: { id: row.id }, data: { disabledAt: new Date(), canSignIn: false } });
    return { ok: true, changes: { contact: { old: row.email, new: null } } };
  });
}

// ───────────────────────────── Restoring a revision (C33) ─────────────────────────────

const storedVendorSchema = z.object({
  name: z.string().min(1), legalForm: snapText, kind: z.enum(VendorKind), street: snapText, postalCode: snapText, city: snapText, country: snapText,
  website: snapText, email: snapText, phone: snapText, contactName: snapText, dpoName: snapText, dpoEmail: snapText, euRepresentative: snapText,
  parentCompany: snapText, parentCountry: snapText, sector: snapText, services: snapText, notes: snapText,
  locations: z.array(z.object({ id: z.string(), country: z.string(), city: snapText, purpose: z.enum(LocationPurpose), note: snapText })).default([]),
  certifications: z.array(z.object({ id: z.string(), name: z.string(), issuer: snapText, certificateNumber: snapText, validFrom: snapDate, validUntil: snapDate, documentUrl: snapText })).default([]),
  subProcessors: z.array(z.object({ id: z.string(), subVendorId: snapText, name: z.string(), country: snapText, service: snapText, access: z.enum(TransferAccess), createdAt: snapDate })).default([]),
});

/** Compares child rows without the columns the database sets itself. */
const childKey = (rows: readonly Record<string, unknown>[]) => rows.map((row) => ({ ...row, updatedAt: null, createdAt: null, vendorId: null }));

/**
 * Brings back revision `input.revision` as a new revision (action "revert", audit "vendor.revert"): the vendor's
 * fields and its locations, certifications and sub-processors (child rows re-created under their old ids).
 * Not restored: portal contacts (sign-in access must be granted explicitly, never by a restore) and DPF checks
 * (append-only dated evidence). Countries no longer known and sub-vendors no longer in the organisation are
 * cleared (a location whose country is unknown is left out).
 */
export async function restoreVendorRevisionTx(tx: Tx, actor: Actor, orgId: string, id: string, input: RevisionRestoreInput): Promise<MutationResult> {
  const before = await snapshotVendor(tx, orgId, id);
  if (!before || before.archivedAt !== null) return NOT_FOUND;
  const stored = storedVendorSchema.safeParse(await revisionSnapshot(tx, "Vendor", orgId, id, input.revision));
  if (!stored.success) return NOT_FOUND;
  const { locations, certifications, subProcessors, ...fields } = stored.data;
  const codes = [fields.country, fields.parentCountry, ...locations.map((l) => l.country), ...subProcessors.map((s) => s.country)].filter((c): c is string => c !== null);
  const known = new Set((await tx.country.findMany({ where: { code: { in: [...new Set(codes)] } }, select: { code: true } })).map((c) => c.code));
  const country = (c: string | null) => (c !== null && known.has(c) ? c : null);
  const subIds = subProcessors.flatMap((s) => (s.subVendorId ? [s.subVendorId] : []));
  const subVendors = new Set((await tx.vendor.findMany({ where: { id: { in: subIds }, organisationId: orgId, NOT: { id } }, select: { id: true } })).map((v) => v.id));
  const data = { ...fields, country: country(fields.country), parentCountry: country(fields.parentCountry) };

  if (before.version !== input.version) return vendorConflict(tx, id, data);
  if (data.name !== before.name && (await nameTaken(tx, orgId, data.name, id))) return { ok: false, error: "duplicate", field: "name" };
  const { count } = await tx.vendor.updateMany({ where: { id, organisationId: orgId, version: input.version }, data: { ...data, updatedById: actor.id, version: { increment: 1 } } });
  if (count === 0) return vendorConflict(tx, id, data);

  const locationRows = locations.flatMap((l) => (known.has(l.country) ? [{ ...l, vendorId: id }] : []));
  if (!isJsonEqual(childKey(before.locations), childKey(locationRows))) {
    await tx.vendorLocation.deleteMany({ where: { vendorId: id } });
    if (locationRows.length) await tx.vendorLocation.createMany({ data: locationRows });
  }
  const certificationRows = certifications.map((c) => ({ ...c, vendorId: id }));
  if (!isJsonEqual(childKey(before.certifications), childKey(certificationRows))) {
    await tx.vendorCertification.deleteMany({ where: { vendorId: id } });
    if (certificationRows.length) await tx.vendorCertification.createMany({ data: certificationRows });
  }
  const subRows = subProcessors.map((s) => ({ ...s, vendorId: id, country: country(s.country), subVendorId: s.subVendorId && subVendors.has(s.subVendorId) ? s.subVendorId : null, createdAt: s.createdAt ?? undefined }));
  if (!isJsonEqual(childKey(before.subProcessors), childKey(subRows))) {
    await tx.subProcessor.deleteMany({ where: { vendorId: id } });
    if (subRows.length) await tx.subProcessor.createMany({ data: subRows });
  }

  const after = await snapshotVendor(tx, orgId, id);
  if (!after) return NOT_FOUND;
  await tx.vendor.update({ where: { id }, data: { searchText: searchTextOf(after) }, select: { id: true } });
  const changes = { ...diff(before, after, { ignore: ["updatedAt", "version", "updatedById"] }), ...restoredFrom(input.revision) };
  await recordRevision(tx, actor, { entityType: "Vendor", entityId: id, organisationId: orgId, version: after.version, action: "revert", snapshot: after, changes, reason: input.reason });
  await recordAudit(tx, actor, { action: "vendor.revert", entityType: "Vendor", entityId: id, organisationId: orgId, changes });
  return { ok: true, id };
}
