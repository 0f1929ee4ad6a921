// Restoring an older revision of a register entry (C33): client-safe form schema shared by the restore actions.
import { z } from "zod";
import { requiredText, versionField } from "@/lib/vendors/schema";

export const RESTORE_REASON_MAX = 500;

/**
 * `version`: the entry's current version as the page showed it (optimistic concurrency, C32);
 * `revision`: the version to bring back; `reason`: the change reason stored with the new revision.
 */
export const revisionRestoreSchema = z.object({ version: versionField, revision: versionField, reason: requiredText(RESTORE_REASON_MAX) }).strict();

export type RevisionRestoreInput = z.infer<typeof revisionRestoreSchema>;
