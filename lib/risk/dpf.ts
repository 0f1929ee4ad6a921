// Records a check of the vendor's entry on the Data Privacy Framework List (dataprivacyframework.gov):
// an appended, dated DpfCheck with its audit event. The transfer-risk engine uses the latest check on or
// before the as-of date (TR07). Not 'server-only': the admin CLI and the tests call it.
import type { Db } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit";
import type { DpfStatus } from "@/prisma/generated/sqlite/enums";

export const DPF_STATUSES: readonly DpfStatus[] = ["ACTIVE", "INACTIVE", "NOT_LISTED"];

export type DpfCheckRecord = {
  vendorId: string;
  status: DpfStatus;
  /** The certification covers HR data (employees, applicants). */
  coversHr?: boolean;
  coversNonHr?: boolean;
  checkedAt?: Date;
  checkedByName?: string;
  note?: string | null;
};

export async function recordDpfCheck(db: Db, actor: Actor, input: DpfCheckRecord): Promise<{ id: string; organisationId: string }> {
  const vendor = await db.vendor.findUnique({ where: { id: input.vendorId }, select: { id: true, organisationId: true, name: true } });
  if (!vendor) throw new Error(`no vendor ${input.vendorId}`);
  const checkedAt = input.checkedAt ?? new Date();
  const data = {
    vendorId: vendor.id,
    status: input.status,
    coversHr: input.coversHr ?? false,
    coversNonHr: input.coversNonHr ?? true,
    checkedAt,
    checkedById: actor.id,
    checkedByName: input.checkedByName ?? actor.name,
    note: input.note ?? null,
  };
  const id = await db.$transaction(async (tx) => {
    const check = await tx.dpfCheck.create({ data, select: { id: true } });
    await recordAudit(tx, actor, {
      action: "vendor.dpf-check",
      entityType: "Vendor",
      entityId: vendor.id,
      organisationId: vendor.organisationId,
      changes: { dpfCheck: { id: check.id, status: data.status, coversHr: data.coversHr, coversNonHr: data.coversNonHr, checkedAt: checkedAt.toISOString(), checkedByName: data.checkedByName } },
    });
    return check.id;
  });
  return { id, organisationId: vendor.organisationId };
}
