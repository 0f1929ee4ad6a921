import "server-only";
// Read side of the DPIA screening page (issue 4, house-style §3): authorizes register:read, loads the
// activity's screening facts scoped to the organisation (a miss is notFound()), evaluates the indicator with
// the dated lists and compares it with the one the latest recorded decision was taken against.
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { authorize, type CurrentUser } from "@/lib/current-user";
import { listsInForce, type DpiaConsequence, type DpiaReason, type DpiaVerdict } from "@/lib/domain/dpia-screening";
import { decisionDrift, parseDecisionBasis, type DecisionBasis, type DecisionDrift } from "@/lib/dpia/decision";
import { DPIA_DECISION_ACTION, loadDpiaRecord, screenRecord } from "@/lib/dpia/load";
import { loadReferenceSnapshot } from "@/lib/risk/load";
import type { DpiaDecision, DpiaStatus } from "@/prisma/generated/sqlite/enums";

export type DpiaListItemView = { code: string; itemNo: string; de: string; en: string; hard: boolean; verified: boolean; ticked: boolean; suggested: boolean };
export type DpiaListView = { code: string; version: string; title: string; source: string; items: DpiaListItemView[] };

export type RecordedDpiaDecision = {
  version: number;
  decision: DpiaDecision | null;
  reason: string | null;
  by: string;
  at: Date;
  /** The indicator at decision time; null for a revision without it (unreadable). */
  basis: DecisionBasis | null;
  drift: DecisionDrift | null;
};

export type DpiaScreeningView = {
  id: string;
  referenceNumber: string;
  name: string;
  version: number;
  archived: boolean;
  verdict: DpiaVerdict;
  reasons: (DpiaReason & { de: string; en: string })[];
  wp248Count: number;
  consequences: DpiaConsequence[];
  suggestedCriteria: string[];
  unknownCriteria: string[];
  asOf: string;
  lists: DpiaListView[];
  current: { decision: DpiaDecision; reason: string | null; status: DpiaStatus; reference: string | null };
  recorded: RecordedDpiaDecision | null;
  /** The decision on the record differs from the latest one recorded here (changed in the activity form). */
  changedOutsideScreening: boolean;
};

const DECISIONS: readonly DpiaDecision[] = ["PENDING", "NOT_REQUIRED", "REQUIRED"];

export async function getDpiaScreening(user: CurrentUser, orgId: string, id: string, asOf: Date = new Date()): Promise<DpiaScreeningView> {
  authorize(user, "register:read", orgId);
  const [record, ref, last] = await Promise.all([
    loadDpiaRecord(db, orgId, id),
    loadReferenceSnapshot(db),
    db.revision.findFirst({
      where: { entityType: "Activity", entityId: id, organisationId: orgId, action: DPIA_DECISION_ACTION },
      orderBy: { version: "desc" },
      select: { version: true, authorName: true, createdAt: true, reason: true, snapshot: true },
    }),
  ]);
  if (!record) notFound();
  const { result, basis } = screenRecord(record, ref.dpiaLists, asOf);
  const active = listsInForce(ref.dpiaLists, asOf);
  const text = new Map(active.flatMap((l) => l.items.map((i) => [i.code, { de: i.textDe, en: i.textEn }] as const)));
  const ticked = new Set(record.criteria);
  const suggested = new Set(result.suggestedCriteria);

  let recorded: RecordedDpiaDecision | null = null;
  if (last) {
    const snap = last.snapshot && typeof last.snapshot === "object" && !Array.isArray(last.snapshot) ? (last.snapshot as Record<string, unknown>) : {};
    const recordedBasis = parseDecisionBasis(snap.dpiaScreening);
    recorded = {
      version: last.version,
      decision: DECISIONS.find((d) => d === snap.dpiaDecision) ?? null,
      reason: last.reason,
      by: last.authorName,
      at: last.createdAt,
      basis: recordedBasis,
      drift: recordedBasis ? decisionDrift(recordedBasis, basis) : null,
    };
  }

  return {
    id: record.id,
    referenceNumber: record.referenceNumber,
    name: record.name,
    version: record.version,
    archived: record.archived,
    verdict: result.verdict,
    reasons: result.reasons.map((r) => ({ ...r, ...(text.get(r.code) ?? { de: r.code, en: r.code }) })),
    wp248Count: result.wp248Count,
    consequences: result.consequences,
    suggestedCriteria: result.suggestedCriteria,
    unknownCriteria: result.unknownCriteria,
    asOf: result.asOf,
    lists: active.map((l) => ({
      code: l.code,
      version: l.version,
      title: l.title,
      source: l.source,
      items: l.items.map((i) => ({ code: i.code, itemNo: i.itemNo, de: i.textDe, en: i.textEn, hard: i.hard, verified: i.verified, ticked: ticked.has(i.code), suggested: suggested.has(i.code) })),
    })),
    current: { decision: record.decision, reason: record.decisionReason, status: record.status, reference: record.reference },
    recorded,
    changedOutsideScreening: recorded !== null && (recorded.decision !== record.decision || (recorded.reason ?? null) !== (record.decisionReason ?? null)),
  };
}
