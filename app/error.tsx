"use client";
import { ErrorPanel } from "@/components/error-panel";

/** Unexpected errors and ForbiddenError below the root layout: generic text and the support id only. */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-10">
      <ErrorPanel error={error} retry={retry} />
    </main>
  );
}
