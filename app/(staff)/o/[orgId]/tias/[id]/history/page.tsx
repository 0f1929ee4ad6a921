import { getTranslations } from "next-intl/server";
import { HistoryView, type HistoryFieldConfig } from "@/components/history/history-view";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { getEntityHistory, getHistoryLabels } from "@/lib/history/queries";
import { restoreTiaRevision } from "@/lib/tias/actions";

export async function generateMetadata() {
  const t = await getTranslations("history");
  return { title: t("title") };
}

const FIELDS = ["title", "vendorId", "destinationCountry", "importerRole", "mechanism", "dataFormat", "lawsAssessed", "practicalExperience", "supplementaryMeasures", "residualRisk", "conclusion", "signedOffBy", "assessedAt", "nextReviewAt", "documentUrl"];
const CONFIG: HistoryFieldConfig = {
  labels: Object.fromEntries(FIELDS.map((f) => [f, `measures.tias.fields.${f}`])),
  enums: { mechanism: "TransferMechanism", dataFormat: "DataFormat", conclusion: "TiaConclusion", importerRole: "ActivityRole" },
  refs: { vendorId: "id", destinationCountry: "country" },
  dateOnly: ["assessedAt", "nextReviewAt"],
};

export default async function TiaHistoryPage({ params, searchParams }: { params: Promise<{ orgId: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId, id } = await params;
  const query = await searchParams;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const [history, labels] = await Promise.all([getEntityHistory(user, orgId, "Tia", id), getHistoryLabels(user, orgId)]);
  const t = await getTranslations("history");
  const canRestore = userCan(user, "tia:write", orgId) && !history.archived;
  return (
    <HistoryView
      title={history.title}
      back={{ href: `/o/${orgId}/tias/${id}`, label: t("back.tia") }}
      revisions={history.revisions}
      currentVersion={history.version}
      config={CONFIG}
      labels={labels}
      restore={canRestore ? restoreTiaRevision.bind(null, orgId, id) : undefined}
      restoredFrom={typeof query.restored === "string" ? Number(query.restored) || null : null}
    />
  );
}
