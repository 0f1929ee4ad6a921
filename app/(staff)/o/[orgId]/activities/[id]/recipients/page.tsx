import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { SubTable } from "@/components/sub-table";
import { secondaryButtonClass } from "@/components/form/styles";
import type { Label } from "@/lib/activities/queries";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { addRecipient, addTransfer, archiveTransfer, removeRecipient, updateRecipient, updateTransfer } from "@/lib/recipients/actions";
import { getRecipientsPage } from "@/lib/recipients/queries";
import { HiddenButton, RecipientForm, TransferForm } from "./recipient-forms";

export async function generateMetadata() {
  const t = await getTranslations("vendor.recipients");
  return { title: t("title") };
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * Recipients (Art. 30(1)(d)) and transfers (Art. 30(1)(e)) of one activity. The URL chooses the form:
 * ?recipient=<id> edits a recipient, ?addTransfer=<recipientId> adds a transfer, ?transfer=<id> edits one;
 * otherwise the list with the "add recipient" form.
 */
export default async function RecipientsPage({ params, searchParams }: { params: Promise<{ orgId: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId, id } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const sp = await searchParams;
  const data = await getRecipientsPage(user, orgId, id);
  const locale = await getLocale();
  const t = await getTranslations("vendor.recipients");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const pick = (l: Label) => (locale === "en" ? l.en : l.de);
  const canWrite = !data.activity.isArchived && userCan(user, "transfer:write", orgId);
  const base = `/o/${orgId}/activities/${id}/recipients`;
  const str = (v: string | string[] | undefined) => (typeof v === "string" ? v : null);

  const countries = data.choices.countries.map((c) => ({ value: c.code, label: pick(c.label), hint: c.code }));
  const countryName = new Map(data.choices.countries.map((c) => [c.code, pick(c.label)]));
  const vendors = data.choices.vendors.map((v) => ({ value: v.id, label: v.name, hint: v.country ?? undefined }));
  const departments = data.choices.departments.map((d) => ({ value: d.id, label: d.name }));
  const categories = data.choices.categories.map((c) => ({ value: c.code, label: pick(c.label) }));
  const categoryName = new Map(categories.map((c) => [c.value, c.label]));
  const dataCategories = data.choices.dataCategories.map((d) => ({ value: d.id, label: `${pick(d.label)}${d.isSpecialCategory ? " (Art. 9/10)" : ""}` }));
  const dataCategoryName = new Map(dataCategories.map((d) => [d.value, d.label]));
  const tias = data.choices.tias.map((x) => ({ value: x.id, label: x.title }));

  const editRecipient = canWrite ? data.recipients.find((r) => r.id === str(sp.recipient)) : undefined;
  const addTransferTo = canWrite ? data.recipients.find((r) => r.id === str(sp.addTransfer)) : undefined;
  const editTransfer = canWrite ? data.recipients.flatMap((r) => r.transfers).find((x) => x.id === str(sp.transfer)) : undefined;
  if (canWrite && ((sp.recipient && !editRecipient) || (sp.addTransfer && !addTransferTo) || (sp.transfer && !editTransfer))) notFound();
  const recipientName = (r: (typeof data.recipients)[number]) => r.vendorName ?? r.departmentName ?? (r.categoryCode ? (categoryName.get(r.categoryCode) ?? r.categoryCode) : "—");

  return (
    <>
      <nav className="mb-3 text-sm"><Link href={`/o/${orgId}/activities/${id}`} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">← {t("back")}</Link></nav>
      <PageHeader eyebrow={<span className="tabular-nums">{data.activity.referenceNumber}</span>} title={t("title")} description={t("description", { name: data.activity.name })} />
      {sp.saved === "1" ? <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800 dark:border-green-900 dark:bg-green-950/50 dark:text-green-200">{t("saved")}</p> : null}

      {editRecipient ? (
        <Section id="edit-recipient" title={`${t("edit")}: ${recipientName(editRecipient)}`}>
          <RecipientForm action={updateRecipient.bind(null, orgId, id)} vendors={vendors} departments={departments} categories={categories} dataCategories={dataCategories} cancelHref={base}
            initial={{ recipientId: editRecipient.id, version: editRecipient.version, kind: editRecipient.kind, vendorId: editRecipient.vendorId, departmentId: editRecipient.departmentId, categoryCode: editRecipient.categoryCode, role: editRecipient.role, service: editRecipient.service, dataCategoryIds: editRecipient.dataCategoryIds }} />
        </Section>
      ) : addTransferTo ? (
        <Section id="add-transfer" title={`${t("addTransfer")}: ${recipientName(addTransferTo)}`}>
          <TransferForm action={addTransfer.bind(null, orgId, id)} recipientId={addTransferTo.id} countries={countries} vendors={vendors} tias={tias} cancelHref={base} />
        </Section>
      ) : editTransfer ? (
        <Section id="edit-transfer" title={t("transfers")}>
          <TransferForm action={updateTransfer.bind(null, orgId, id)} countries={countries} vendors={vendors} tias={tias} cancelHref={base}
            initial={{
              transferId: editTransfer.id, version: editTransfer.version, destinationCountry: editTransfer.destinationCountry, internationalOrganisation: editTransfer.internationalOrganisation,
              access: editTransfer.access, viaVendorId: editTransfer.viaVendorId, mechanism: editTransfer.mechanism, mechanismNote: editTransfer.mechanismNote,
              contractConcludedAt: day(editTransfer.contractConcludedAt), isRegular: editTransfer.isRegular, importerSubjectToGdpr: editTransfer.importerSubjectToGdpr,
              art49Assessment: editTransfer.art49Assessment, saInformedAt: day(editTransfer.saInformedAt), tiaId: editTransfer.tiaId, tiaReference: editTransfer.tiaReference,
              tiaDate: day(editTransfer.tiaDate), supplementaryMeasures: editTransfer.supplementaryMeasures, evidenceUrl: editTransfer.evidenceUrl, note: editTransfer.note,
            }} />
        </Section>
      ) : (
        <div className="flex flex-col gap-6">
          {data.recipients.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("empty")}</p> : null}
          {data.recipients.map((r) => (
            <Section key={r.id} id={`recipient-${r.id}`} title={recipientName(r)}>
              <p className="text-sm">
                {te(`RecipientKind.${r.kind}`)} · {te(`RecipientRole.${r.role}`)}{r.service ? ` · ${r.service}` : ""}
              </p>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("dataCategories")}: {r.dataCategoryIds.map((d) => dataCategoryName.get(d) ?? d).join(", ") || "—"}</p>
              {canWrite ? (
                <div className="mt-2 flex flex-wrap items-center gap-4">
                  <Link href={`${base}?recipient=${r.id}`} className="text-sm text-blue-700 hover:underline dark:text-blue-400">{t("edit")}</Link>
                  <Link href={`${base}?addTransfer=${r.id}`} className={secondaryButtonClass}>{t("addTransfer")}</Link>
                  <HiddenButton action={removeRecipient.bind(null, orgId, id)} fields={{ recipientId: r.id }} label={t("remove")} />
                </div>
              ) : null}
              <h3 className="mt-4 text-sm font-semibold">{t("transfers")}</h3>
              {r.transfers.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("noTransfers")}</p> : (
                <SubTable caption={`${t("transfers")} – ${recipientName(r)}`} headers={[t("transfer.destinationCountry"), t("transfer.access"), t("transfer.mechanism"), t("transfer.viaVendor"), t("transfer.contractConcludedAt"), t("transfer.tia"), ...(canWrite ? [""] : [])]}>
                  {r.transfers.map((x) => (
                    <tr key={x.id}>
                      <td>{x.destinationCountry ? (countryName.get(x.destinationCountry) ?? x.destinationCountry) : (x.internationalOrganisation ?? "—")}</td>
                      <td>{te(`TransferAccess.${x.access}`)}</td>
                      <td>{te(`TransferMechanism.${x.mechanism}`)}</td>
                      <td>{x.viaVendorName ?? "—"}</td>
                      <td>{x.contractConcludedAt ? format.dateTime(x.contractConcludedAt, { dateStyle: "medium", timeZone: "UTC" }) : "—"}</td>
                      <td>{x.tiaId ? (tias.find((o) => o.value === x.tiaId)?.label ?? "✓") : (x.tiaReference ?? "—")}</td>
                      {canWrite ? (
                        <td className="flex gap-3">
                          <Link href={`${base}?transfer=${x.id}`} className="text-blue-700 hover:underline dark:text-blue-400">{t("edit")}</Link>
                          <HiddenButton action={archiveTransfer.bind(null, orgId, id)} fields={{ transferId: x.id, version: String(x.version) }} label={t("removeTransfer")} />
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </SubTable>
              )}
            </Section>
          ))}
          {canWrite ? (
            <Section id="add-recipient" title={t("add")}>
              <RecipientForm action={addRecipient.bind(null, orgId, id)} vendors={vendors} departments={departments} categories={categories} dataCategories={dataCategories} />
            </Section>
          ) : null}
        </div>
      )}
    </>
  );
}
