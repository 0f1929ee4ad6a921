// Loading the DPIA screening facts of one activity (issue 4). Not 'server-only': the decision mutation
// (lib/activities/mutations.ts, inside its transaction: awaits only the client passed in) and the tests use
// it; lib/dpia/queries.ts authorizes and wraps it for the page.
import type { Db, Tx } from "@/lib/db";
import { screenDpia, type DpiaListSnapshot, type DpiaScreeningResult } from "@/lib/domain/dpia-screening";
import { criteriaOf, decisionBasis, redFlagsOf, type DecisionBasis, type DpiaFacts } from "@/lib/dpia/decision";
import type { DpiaDecision, DpiaStatus } from "@/prisma/generated/sqlite/enums";

export type DpiaRecord = {
  id: string;
  referenceNumber: string;
  name: string;
  version: number;
  archived: boolean;
  criteria: string[];
  facts: DpiaFacts;
  orgHasDpo: boolean;
  decision: DpiaDecision;
  decisionReason: string | null;
  status: DpiaStatus;
  reference: string | null;
};

/** The activity's screening inputs, scoped to the organisation; null when it is not there. */
export async function loadDpiaRecord(client: Db | Tx, orgId: string, id: string): Promise<DpiaRecord | null> {
  const a = await client.processingActivity.findFirst({
    where: { id, organisationId: orgId },
    select: {
      id: true,
      referenceNumber: true,
      name: true,
      version: true,
      status: true,
      archivedAt: true,
      dpiaCriteria: true,
      dpiaDecision: true,
      dpiaDecisionReason: true,
      dpiaStatus: true,
      dpiaReference: true,
      estimatedDataSubjects: true,
      automatedDecisionMaking: true,
      profiling: true,
      dataSubjects: { select: { categoryCode: true } },
      dataCategories: { select: { isSpecialCategory: true } },
      purposes: { select: { legalBases: { select: { basisCode: true } } } },
      organisation: { select: { dpoName: true, dpoCompany: true } },
    },
  });
  if (!a) return null;
  return {
    id: a.id,
    referenceNumber: a.referenceNumber,
    name: a.name,
    version: a.version,
    archived: a.archivedAt !== null || a.status === "ARCHIVED",
    criteria: criteriaOf(a.dpiaCriteria),
    facts: {
      dataSubjectCodes: a.dataSubjects.map((s) => s.categoryCode),
      specialCategory: a.dataCategories.some((c) => c.isSpecialCategory),
      legalBasisCodes: a.purposes.flatMap((p) => p.legalBases.map((b) => b.basisCode)),
      estimatedDataSubjects: a.estimatedDataSubjects,
      automatedDecisionMaking: a.automatedDecisionMaking,
      profiling: a.profiling,
    },
    orgHasDpo: Boolean(a.organisation.dpoName?.trim() || a.organisation.dpoCompany?.trim()),
    decision: a.dpiaDecision,
    decisionReason: a.dpiaDecisionReason,
    status: a.dpiaStatus,
    reference: a.dpiaReference,
  };
}

/** The indicator of the record as of `asOf` (pure; the lists are the dated reference data). */
export function screenRecord(r: DpiaRecord, lists: readonly DpiaListSnapshot[], asOf: Date): { result: DpiaScreeningResult; basis: DecisionBasis } {
  const result = screenDpia({ criteria: r.criteria, redFlags: redFlagsOf(r.facts), orgHasDpo: r.orgHasDpo }, lists, asOf);
  return { result, basis: decisionBasis(r.criteria, result) };
}

/** Revision action of a recorded decision and of a change of the ticked criteria. */
export const DPIA_DECISION_ACTION = "dpia-decision";
export const DPIA_CRITERIA_ACTION = "dpia-criteria";
