import { getTranslations } from "next-intl/server";
import { HistoryView, type HistoryFieldConfig } from "@/components/history/history-view";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { getEntityHistory, getHistoryLabels } from "@/lib/history/queries";
import { restoreAgreementRevision } from "@/lib/agreements/actions";

export async function generateMetadata() {
  const t = await getTranslations("history");
  return { title: t("title") };
}

const FIELDS = ["title", "status", "signedAt", "documentVersion", "effectiveFrom", "termEndsAt", "nextReviewAt", "sccMechanism", "documentRef", "documentUrl", "notes"];
const CONFIG: HistoryFieldConfig = {
  labels: {
    ...Object.fromEntries(FIELDS.map((f) => [f, `vendor.agreements.fields.${f}`])),
    ...Object.fromEntries(["a", "b", "c", "d", "e", "f", "g", "h"].map((l) => [`art28${l}`, `vendor.agreements.art28.art28${l}`])),
    vendorId: "vendor.agreements.fields.vendor",
    activityIds: "vendor.agreements.fields.activities",
  },
  enums: { status: "DpaStatus", sccMechanism: "TransferMechanism" },
  refs: { vendorId: "id", activityIds: "id" },
  dateOnly: ["signedAt", "effectiveFrom", "termEndsAt", "nextReviewAt"],
};

export default async function AgreementHistoryPage({ params, searchParams }: { params: Promise<{ orgId: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId, id } = await params;
  const query = await searchParams;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const [history, labels] = await Promise.all([getEntityHistory(user, orgId, "DataProcessingAgreement", id), getHistoryLabels(user, orgId)]);
  const t = await getTranslations("history");
  const canRestore = userCan(user, "dpa:write", orgId) && !history.archived;
  return (
    <HistoryView
      title={history.title}
      back={{ href: canRestore ? `/o/${orgId}/agreements/${id}/edit` : `/o/${orgId}/agreements`, label: t("back.agreement") }}
      revisions={history.revisions}
      currentVersion={history.version}
      config={CONFIG}
      labels={labels}
      restore={canRestore ? restoreAgreementRevision.bind(null, orgId, id) : undefined}
      restoredFrom={typeof query.restored === "string" ? Number(query.restored) || null : null}
    />
  );
}
