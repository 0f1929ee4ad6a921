import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { notFound } from "next/navigation";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { getActivityForEdit, getActivityFormOptions } from "@/lib/activities/editor-queries";
import { contentToFormValues } from "@/lib/activities/schema";
import { ActivityForm } from "../../activity-form";

export async function generateMetadata() {
  const t = await getTranslations("activity.edit");
  return { title: t("title") };
}

export default async function EditActivityPage({ params }: { params: Promise<{ orgId: string; id: string }> }) {
  const { orgId, id } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  if (!userCan(user, "activity:write", orgId)) notFound(); // a reader has no form to see
  const activity = await getActivityForEdit(user, orgId, id);
  const options = await getActivityFormOptions(user, orgId);
  const t = await getTranslations("activity.edit");
  const tw = await getTranslations("activity.workflow");
  return (
    <>
      <nav aria-label={tw("title")} className="mb-3 text-sm">
        <Link href={`/o/${orgId}/activities/${id}`} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">← {activity.content.referenceNumber} {activity.content.name}</Link>
      </nav>
      <PageHeader title={t("title")} eyebrow={activity.content.referenceNumber} description={activity.status === "RELEASED" ? t("releasedHint") : undefined} />
      <ActivityForm orgId={orgId} id={id} version={activity.version} initialValues={contentToFormValues(activity.content)} options={options} cancelHref={`/o/${orgId}/activities/${id}`} />
    </>
  );
}
