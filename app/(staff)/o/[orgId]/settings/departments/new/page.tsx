import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { authorizePage, requireUser } from "@/lib/current-user";
import { createDepartment } from "@/lib/departments/actions";
import { DepartmentForm } from "../department-form";
import { SettingsTabs } from "@/components/settings-ui";

export async function generateMetadata() {
  const t = await getTranslations("orgsettings.departments");
  return { title: t("newTitle") };
}

export default async function NewDepartmentPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorizePage(user, "department:write", orgId);
  const t = await getTranslations("orgsettings.departments");
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <SettingsTabs orgId={orgId} current="departments" />
      <DepartmentForm action={createDepartment.bind(null, orgId)} cancelHref={`/o/${orgId}/settings/departments`} />
    </>
  );
}
