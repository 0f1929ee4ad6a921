import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { authorizePage, requireUser } from "@/lib/current-user";
import { createTom } from "@/lib/toms/actions";
import { TomForm } from "../tom-form";

export async function generateMetadata() {
  const t = await getTranslations("measures.toms");
  return { title: t("newTitle") };
}

export default async function NewTomPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorizePage(user, "tom:write", orgId);
  const t = await getTranslations("measures.toms");
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <TomForm action={createTom.bind(null, orgId)} cancelHref={`/o/${orgId}/toms`} />
    </>
  );
}
