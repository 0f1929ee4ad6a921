import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { notFound } from "next/navigation";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { getActivityFormOptions } from "@/lib/activities/editor-queries";
import { ActivityForm } from "../activity-form";

export async function generateMetadata() {
  const t = await getTranslations("activity.new");
  return { title: t("title") };
}

export default async function NewActivityPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  if (!userCan(user, "activity:write", orgId)) notFound(); // a reader has no form to see
  const options = await getActivityFormOptions(user, orgId);
  const t = await getTranslations("activity.new");
  const tr = await getTranslations("register.activity");
  const defaults = { role: "CONTROLLER", operatingStage: "OPERATION", dpiaStatus: "NOT_STARTED", reviewIntervalMonths: "12" };
  return (
    <>
      <nav aria-label={tr("breadcrumb")} className="mb-3 text-sm">
        <Link href={`/o/${orgId}/activities`} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">← {tr("backToList")}</Link>
      </nav>
      <PageHeader title={t("title")} description={t("description")} />
      <ActivityForm orgId={orgId} initialValues={defaults} options={options} cancelHref={`/o/${orgId}/activities`} />
    </>
  );
}
