// Transaction-level helpers for restoring revisions (C33). Run inside the caller's transaction and await only
// `tx.*` (C31). Used by the restore mutations in lib/{vendors,agreements,toms,tias}/mutations.ts.
import { z } from "zod";
import type { Tx } from "@/lib/db";

/** The stored snapshot of `version` of an entry of `orgId`, or null (unknown version or another organisation's entry). */
export async function revisionSnapshot(tx: Tx, entityType: string, orgId: string, entityId: string, version: number): Promise<unknown> {
  const rev = await tx.revision.findFirst({ where: { entityType, entityId, organisationId: orgId, version }, select: { snapshot: true } });
  return rev ? rev.snapshot : null;
}

/** Snapshot helpers: nullable strings (absent ≡ null) and ISO date strings read back as Dates. */
export const snapText = z.string().nullish().transform((v) => v ?? null);
export const snapDate = z
  .string()
  .nullish()
  .transform((v) => (v ? new Date(v) : null))
  .refine((d) => d === null || !Number.isNaN(d.getTime()));
export const snapBool = z.boolean().nullish().transform((v) => v ?? false);

/** The extra change entry every restore records next to the field diff. */
export const restoredFrom = (revision: number) => ({ restoredFromVersion: { old: null, new: revision } });
