import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { authorizePage, requireUser } from "@/lib/current-user";
import { updateTom } from "@/lib/toms/actions";
import { getTom } from "@/lib/toms/queries";
import { TomForm } from "../../tom-form";

export async function generateMetadata() {
  const t = await getTranslations("measures.toms");
  return { title: t("editTitle") };
}

export default async function EditTomPage({ params }: { params: Promise<{ orgId: string; id: string }> }) {
  const { orgId, id } = await params;
  const user = await requireUser();
  authorizePage(user, "tom:write", orgId);
  const m = await getTom(user, orgId, id);
  if (m.archivedAt) notFound();
  const t = await getTranslations("measures.toms");
  return (
    <>
      <PageHeader title={t("editTitle")} eyebrow={`${m.code} · ${m.title}`} />
      <TomForm
        action={updateTom.bind(null, orgId, id)}
        initial={{ code: m.code, category: m.category, title: m.title, description: m.description, documentUrl: m.documentUrl }}
        version={m.version}
        cancelHref={`/o/${orgId}/toms/${id}`}
      />
    </>
  );
}
