import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { HistoryLink } from "@/components/history/history-link";
import { authorizePage, requireUser } from "@/lib/current-user";
import { updateAgreement } from "@/lib/agreements/actions";
import { getAgreement, listActivityChoices } from "@/lib/agreements/queries";
import { listVendorOptions } from "@/lib/vendors/queries";
import { AgreementForm } from "../../agreement-form";

export async function generateMetadata() {
  const t = await getTranslations("vendor.agreements");
  return { title: t("editTitle") };
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export default async function EditAgreementPage({ params }: { params: Promise<{ orgId: string; id: string }> }) {
  const { orgId, id } = await params;
  const user = await requireUser();
  authorizePage(user, "dpa:write", orgId);
  const a = await getAgreement(user, orgId, id);
  if (a.archivedAt) notFound();
  const t = await getTranslations("vendor.agreements");
  const [vendors, activities] = await Promise.all([listVendorOptions(user, orgId), listActivityChoices(user, orgId)]);
  return (
    <>
      <PageHeader title={t("editTitle")} eyebrow={a.title} actions={<HistoryLink href={`/o/${orgId}/agreements/${id}/history`} />} />
      <AgreementForm
        action={updateAgreement.bind(null, orgId, id)}
        vendors={vendors.map((v) => ({ value: v.id, label: v.name, hint: v.country ?? undefined }))}
        activities={activities.map((x) => ({ id: x.id, label: `${x.referenceNumber} – ${x.name}` }))}
        initial={{
          vendorId: a.vendorId, title: a.title, status: a.status, signedAt: day(a.signedAt), documentVersion: a.documentVersion, effectiveFrom: day(a.effectiveFrom),
          termEndsAt: day(a.termEndsAt), nextReviewAt: day(a.nextReviewAt), checklist: a.checklist, sccMechanism: a.sccMechanism, documentRef: a.documentRef,
          documentUrl: a.documentUrl, notes: a.notes, activityIds: a.activityIds,
        }}
        version={a.version}
        cancelHref={`/o/${orgId}/agreements`}
      />
    </>
  );
}
