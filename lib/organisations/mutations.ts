// Transaction body of the cover-sheet edit; await only `tx.*` (C31). Optimistic concurrency on `version`
// (C32); one Revision + one AuditEvent per success, none on failure.
import type { Tx } from "@/lib/db";
import { recordAudit, recordRevision, type Actor } from "@/lib/audit";
import { diff } from "@/lib/domain/diff";
import { toSearchText } from "@/lib/domain/search-text";
import type { OrganisationUpdateInput } from "@/lib/organisations/schema";
import type { MutationResult } from "@/lib/vendors/mutations";

const NOT_FOUND = { ok: false, error: "not-found" } as const;
export const ORGANISATION_ENTITY = "Organisation";

/** Empty optional fields are stored as null (an edit can clear a field). */
function organisationData(input: Omit<OrganisationUpdateInput, "version" | "reason">) {
  return {
    name: input.name,
    legalForm: input.legalForm ?? null,
    street: input.street ?? null,
    postalCode: input.postalCode ?? null,
    city: input.city ?? null,
    country: input.country,
    phone: input.phone ?? null,
    email: input.email ?? null,
    website: input.website ?? null,
    management: input.management ?? null,
    headOfDataProcessing: input.headOfDataProcessing ?? null,
    euRepresentative: input.euRepresentative ?? null,
    dpoName: input.dpoName ?? null,
    dpoCompany: input.dpoCompany ?? null,
    dpoExternal: input.dpoExternal,
    dpoEmail: input.dpoEmail ?? null,
    dpoPhone: input.dpoPhone ?? null,
    dpoAddress: input.dpoAddress ?? null,
    supervisoryAuthority: input.supervisoryAuthority ?? null,
    actsAsController: input.actsAsController,
    actsAsProcessor: input.actsAsProcessor,
    employeeCount: input.employeeCount ?? null,
    requireFourEyes: input.requireFourEyes,
    defaultReviewMonths: input.defaultReviewMonths,
  };
}

/** Same fields as the factory (e2e/factories.ts createOrganisation) uses for the search column. */
const searchTextOf = (d: ReturnType<typeof organisationData>) => toSearchText([d.name, d.legalForm, d.city, d.dpoName, d.dpoCompany, d.supervisoryAuthority]);

/** The organisation as stored in a Revision. Null if it does not exist or is archived. */
export async function snapshotOrganisation(tx: Tx, orgId: string) {
  return tx.organisation.findFirst({ where: { id: orgId, archivedAt: null }, omit: { searchText: true } });
}

async function organisationConflict(tx: Tx, orgId: string, submitted: Record<string, unknown>): Promise<MutationResult> {
  const current = await tx.organisation.findUnique({ where: { id: orgId } });
  if (!current) return NOT_FOUND;
  const last = await tx.revision.findFirst({ where: { entityType: ORGANISATION_ENTITY, entityId: orgId }, orderBy: { version: "desc" }, select: { authorName: true, createdAt: true } });
  return {
    ok: false,
    error: "conflict",
    conflict: { by: last?.authorName ?? "—", at: (last?.createdAt ?? current.updatedAt).toISOString(), version: current.version, changes: diff(current, submitted) },
  };
}

/** Saves the cover sheet of `orgId` if `input.version` is current; the country must exist in the reference data. */
export async function updateOrganisationTx(tx: Tx, actor: Actor, orgId: string, input: OrganisationUpdateInput): Promise<MutationResult> {
  const { version, reason, ...fields } = input;
  const before = await snapshotOrganisation(tx, orgId);
  if (!before) return NOT_FOUND;
  const data = organisationData(fields);
  if (before.version !== version) return organisationConflict(tx, orgId, data);
  if (!(await tx.country.findUnique({ where: { code: data.country }, select: { code: true } }))) return { ok: false, error: "not-found", field: "country" };
  const { count } = await tx.organisation.updateMany({
    where: { id: orgId, archivedAt: null, version },
    data: { ...data, searchText: searchTextOf(data), updatedById: actor.id, version: { increment: 1 } },
  });
  if (count === 0) return organisationConflict(tx, orgId, data);
  const after = await snapshotOrganisation(tx, orgId);
  if (!after) return NOT_FOUND;
  const changes = diff(before, data);
  await recordRevision(tx, actor, { entityType: ORGANISATION_ENTITY, entityId: orgId, organisationId: orgId, version: after.version, action: "update", snapshot: after, changes, reason: reason ?? null });
  await recordAudit(tx, actor, { action: "organisation.update", entityType: ORGANISATION_ENTITY, entityId: orgId, organisationId: orgId, changes });
  return { ok: true, id: orgId };
}
