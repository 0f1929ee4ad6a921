// Which Art. 30 fields of a processing activity are missing. Pure; the start page lists the gaps with links.
// "art30": what Art. 30(1) GDPR (controller) or Art. 30(2) GDPR (processor) requires.
// "full": additionally the DSK extras this register asks for (legal basis per purpose, responsible
// department or contact, DPIA decision, review date).

export type CompletenessMode = "art30" | "full";

export type CompletenessInput = {
  role: "CONTROLLER" | "JOINT_CONTROLLER" | "PROCESSOR";
  name: string;
  description: string | null;
  departmentId: string | null;
  contactName: string | null;
  clientVendorId: string | null;
  jointArrangement: string | null;
  processingCategories: string | null;
  purposes: { description: string; legalBasisCount: number }[];
  dataSubjectCount: number;
  dataCategories: { retentionPeriod: string | null; retentionMonths: number | null }[];
  recipientCount: number;
  /** Third-country transfers documented (not archived). */
  transferCount: number;
  noThirdCountryTransfer: boolean;
  generalTomDescription: string | null;
  tomCount: number;
  dpiaDecision: "PENDING" | "NOT_REQUIRED" | "REQUIRED";
  nextReviewAt: Date | null;
};

/** Message keys under activity.completeness.*, in Art. 30 order. */
export type MissingKey =
  | "name" | "purposes" | "legalBases" | "dataSubjects" | "dataCategories" | "recipients" | "transfers" | "retention"
  | "toms" | "clientController" | "processingCategories" | "jointArrangement" | "responsible" | "dpiaDecision" | "nextReview";

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === "";

export function completeness(a: CompletenessInput, mode: CompletenessMode): { missing: MissingKey[] } {
  const missing: MissingKey[] = [];
  const hasTransfers = a.transferCount > 0 || a.noThirdCountryTransfer;
  const hasToms = !blank(a.generalTomDescription) || a.tomCount > 0;
  if (blank(a.name)) missing.push("name");

  if (a.role === "PROCESSOR") {
    // Art. 30(2): (a) the controller on whose behalf, (b) categories of processing, (c) transfers, (d) TOMs.
    if (!a.clientVendorId) missing.push("clientController");
    if (blank(a.processingCategories)) missing.push("processingCategories");
    if (!hasTransfers) missing.push("transfers");
    if (!hasToms) missing.push("toms");
  } else {
    // Art. 30(1): (b) purposes, (c) data subjects and data categories, (d) recipients, (e) transfers,
    // (f) retention where possible, (g) TOMs; Art. 26 arrangement for joint controllers.
    if (a.purposes.filter((p) => !blank(p.description)).length === 0) missing.push("purposes");
    if (a.dataSubjectCount === 0) missing.push("dataSubjects");
    if (a.dataCategories.length === 0) missing.push("dataCategories");
    if (a.recipientCount === 0) missing.push("recipients");
    if (!hasTransfers) missing.push("transfers");
    if (a.dataCategories.some((c) => blank(c.retentionPeriod) && c.retentionMonths === null)) missing.push("retention");
    if (!hasToms) missing.push("toms");
    if (a.role === "JOINT_CONTROLLER" && blank(a.jointArrangement)) missing.push("jointArrangement");
  }

  if (mode === "full") {
    if (a.role !== "PROCESSOR" && a.purposes.some((p) => p.legalBasisCount === 0)) missing.push("legalBases");
    if (!a.departmentId && blank(a.contactName)) missing.push("responsible");
    if (a.dpiaDecision === "PENDING") missing.push("dpiaDecision");
    if (!a.nextReviewAt) missing.push("nextReview");
  }
  return { missing };
}
