import { getTranslations } from "next-intl/server";
import { HistoryView, type HistoryFieldConfig } from "@/components/history/history-view";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { getEntityHistory, getHistoryLabels } from "@/lib/history/queries";
import { restoreTomRevision } from "@/lib/toms/actions";

export async function generateMetadata() {
  const t = await getTranslations("history");
  return { title: t("title") };
}

const CONFIG: HistoryFieldConfig = {
  labels: Object.fromEntries(["code", "category", "title", "description", "documentUrl"].map((f) => [f, `measures.toms.fields.${f}`])),
  enums: { category: "TomCategory" },
};

export default async function TomHistoryPage({ params, searchParams }: { params: Promise<{ orgId: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId, id } = await params;
  const query = await searchParams;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const [history, labels] = await Promise.all([getEntityHistory(user, orgId, "Tom", id), getHistoryLabels(user, orgId)]);
  const t = await getTranslations("history");
  const canRestore = userCan(user, "tom:write", orgId) && !history.archived;
  return (
    <HistoryView
      title={history.title}
      back={{ href: `/o/${orgId}/toms/${id}`, label: t("back.tom") }}
      revisions={history.revisions}
      currentVersion={history.version}
      config={CONFIG}
      labels={labels}
      restore={canRestore ? restoreTomRevision.bind(null, orgId, id) : undefined}
      restoredFrom={typeof query.restored === "string" ? Number(query.restored) || null : null}
    />
  );
}
