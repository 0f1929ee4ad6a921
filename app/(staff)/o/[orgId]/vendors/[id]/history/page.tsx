import { getTranslations } from "next-intl/server";
import { HistoryView, type HistoryFieldConfig } from "@/components/history/history-view";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { getEntityHistory, getHistoryLabels } from "@/lib/history/queries";
import { restoreVendorRevision } from "@/lib/vendors/actions";

export async function generateMetadata() {
  const t = await getTranslations("history");
  return { title: t("title") };
}

const FORM = ["name", "legalForm", "kind", "street", "postalCode", "city", "country", "website", "email", "phone", "contactName", "dpoName", "dpoEmail", "euRepresentative", "parentCompany", "parentCountry", "sector", "services", "notes"];
const CONFIG: HistoryFieldConfig = {
  labels: {
    ...Object.fromEntries(FORM.map((f) => [f, `vendor.form.${f}`])),
    locations: "vendor.detail.sections.locations", certifications: "vendor.detail.sections.certifications", subProcessors: "vendor.detail.sections.subProcessors",
    contacts: "vendor.detail.sections.contacts", dpfChecks: "vendor.detail.sections.dpf",
    ...Object.fromEntries(["country", "city", "purpose", "note"].map((f) => [`locations.${f}`, `vendor.location.${f}`])),
    ...Object.fromEntries(["name", "issuer", "certificateNumber", "validFrom", "validUntil", "documentUrl"].map((f) => [`certifications.${f}`, `vendor.certification.${f}`])),
    ...Object.fromEntries(["name", "country", "service", "access"].map((f) => [`subProcessors.${f}`, `vendor.subProcessor.${f}`])),
    "subProcessors.subVendorId": "vendor.subProcessor.vendor",
    ...Object.fromEntries(["email", "name", "function", "phone", "canSignIn"].map((f) => [`contacts.${f}`, `vendor.contact.${f}`])),
    ...Object.fromEntries(["status", "listedName", "listUrl", "frameworks", "coversHr", "coversNonHr", "certifiedSince", "nextCertificationDue", "checkedAt", "evidenceUrl", "note"].map((f) => [`dpfChecks.${f}`, `vendor.dpf.${f}`])),
  },
  enums: { kind: "VendorKind", purpose: "LocationPurpose", access: "TransferAccess", status: "DpfStatus" },
  refs: { country: "country", parentCountry: "country", subVendorId: "id" },
  dateOnly: ["validFrom", "validUntil", "certifiedSince", "nextCertificationDue"],
  itemTitle: { locations: ["country", "city"], certifications: ["name"], subProcessors: ["name", "country"], contacts: ["email"], dpfChecks: ["checkedAt", "status"] },
};

export default async function VendorHistoryPage({ params, searchParams }: { params: Promise<{ orgId: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId, id } = await params;
  const query = await searchParams;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const [history, labels] = await Promise.all([getEntityHistory(user, orgId, "Vendor", id), getHistoryLabels(user, orgId)]);
  const t = await getTranslations("history");
  const canRestore = userCan(user, "vendor:write", orgId) && !history.archived;
  return (
    <HistoryView
      title={history.title}
      back={{ href: `/o/${orgId}/vendors/${id}`, label: t("back.vendor") }}
      revisions={history.revisions}
      currentVersion={history.version}
      config={CONFIG}
      labels={labels}
      restore={canRestore ? restoreVendorRevision.bind(null, orgId, id) : undefined}
      restoredFrom={typeof query.restored === "string" ? Number(query.restored) || null : null}
    />
  );
}
