import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { authorizePage, requireUser } from "@/lib/current-user";
import { updateVocabularyTerm } from "@/lib/vocabulary/actions";
import { getVocabularyTerm } from "@/lib/vocabulary/queries";
import { TermForm } from "../../term-form";
import { SettingsTabs } from "@/components/settings-ui";

export async function generateMetadata() {
  const t = await getTranslations("orgsettings.vocabulary");
  return { title: t("editTitle") };
}

/** Edit form of an own term; built-in terms and other organisations' terms are a 404. */
export default async function EditTermPage({ params }: { params: Promise<{ orgId: string; id: string }> }) {
  const { orgId, id } = await params;
  const user = await requireUser();
  authorizePage(user, "vocabulary:write", orgId);
  const term = await getVocabularyTerm(user, orgId, id);
  if (term.isArchived) notFound();
  const t = await getTranslations("orgsettings.vocabulary");
  return (
    <>
      <PageHeader title={t("editTitle")} eyebrow={term.labelDe} description={t("editDescription", { code: term.code })} />
      <SettingsTabs orgId={orgId} current="vocabulary" />
      <TermForm
        action={updateVocabularyTerm.bind(null, orgId, id)}
        kind={term.kind}
        fixedKind
        initial={{ labelDe: term.labelDe, labelEn: term.labelEn, citation: term.citation, isSpecialCategory: term.isSpecialCategory }}
        stamp={term.stamp}
        cancelHref={`/o/${orgId}/settings/vocabulary?kind=${term.kind}`}
      />
    </>
  );
}
