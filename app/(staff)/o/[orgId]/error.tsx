"use client";
import { ErrorPanel } from "@/components/error-panel";

/** Errors inside an organisation (incl. ForbiddenError): rendered in the register's <main>, navigation kept. */
export default function OrganisationError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} />;
}
