import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { authorizePage, requireUser } from "@/lib/current-user";
import { createVocabularyTerm } from "@/lib/vocabulary/actions";
import { parseVocabularyListParams } from "@/lib/vocabulary/queries";
import { TermForm } from "../term-form";
import { SettingsTabs } from "@/components/settings-ui";

export async function generateMetadata() {
  const t = await getTranslations("orgsettings.vocabulary");
  return { title: t("newTitle") };
}

export default async function NewTermPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorizePage(user, "vocabulary:write", orgId);
  const { kind } = parseVocabularyListParams(await searchParams);
  const t = await getTranslations("orgsettings.vocabulary");
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <SettingsTabs orgId={orgId} current="vocabulary" />
      <TermForm action={createVocabularyTerm.bind(null, orgId)} kind={kind} fixedKind={false} cancelHref={`/o/${orgId}/settings/vocabulary?kind=${kind}`} />
    </>
  );
}
