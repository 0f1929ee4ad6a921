import "server-only";
// Read side of the register-health findings page (issue 4, house-style §3): authorizes register:read, loads
// every live activity as the register-health DTO (lib/overview/load.ts, batched), evaluates the pure rules
// (lib/domain/register-health.ts) and resolves the entry to fix each finding (activity, vendor, agreement).
import { db } from "@/lib/db";
import { authorize, type CurrentUser } from "@/lib/current-user";
import { toDay } from "@/lib/domain/reference";
import { registerHealth, type HealthCode } from "@/lib/domain/register-health";
import { countByKind, groupHealthFindings, linkFor, type HealthGroup, type HealthRow } from "@/lib/health/findings";
import { loadStartPageActivities } from "@/lib/overview/load";

export type HealthFindingsPage = {
  groups: HealthGroup[];
  counts: Record<HealthCode, number>;
  total: number;
  kind: HealthCode | null;
  asOf: string;
};

export async function listHealthFindings(user: CurrentUser, orgId: string, kind: HealthCode | null, asOf: Date = new Date()): Promise<HealthFindingsPage> {
  authorize(user, "register:read", orgId);
  const activities = await loadStartPageActivities(db, orgId);
  const evaluated = activities.map((a) => ({ a, findings: registerHealth(a, asOf).findings }));

  const recipientIds = evaluated.flatMap(({ findings }) => findings.flatMap((f) => (f.target.kind === "recipient" ? [f.target.id] : [])));
  const recipients = recipientIds.length
    ? await db.recipient.findMany({ where: { organisationId: orgId, id: { in: [...new Set(recipientIds)] } }, select: { id: true, vendorId: true } })
    : [];
  const recipientVendor = new Map(recipients.map((r) => [r.id, r.vendorId]));
  const vendorIds = [...new Set(recipients.flatMap((r) => (r.vendorId ? [r.vendorId] : [])))];
  const due = vendorIds.length
    ? await db.dataProcessingAgreement.findMany({
        where: { organisationId: orgId, archivedAt: null, status: "SIGNED", vendorId: { in: vendorIds }, nextReviewAt: { lt: asOf } },
        select: { id: true, vendorId: true, nextReviewAt: true },
        orderBy: [{ nextReviewAt: "desc" }, { id: "asc" }],
      })
    : [];
  const dueAgreement = new Map<string, string>();
  for (const d of due) if (!dueAgreement.has(d.vendorId)) dueAgreement.set(d.vendorId, d.id);

  const rows: HealthRow[] = evaluated.flatMap(({ a, findings }) =>
    findings.map((f) => ({ ...f, activity: { id: a.id, name: a.name, referenceNumber: a.referenceNumber }, link: linkFor(f, a.id, { recipientVendor, dueAgreement }) })),
  );
  return { groups: groupHealthFindings(rows, kind), counts: countByKind(rows), total: rows.length, kind, asOf: toDay(asOf) };
}
