import { NotFoundPanel } from "@/components/not-found-panel";

/** 404 for unknown URLs and for every record outside the caller's scope (no existence oracle, C01). */
export default function NotFound() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6">
      <NotFoundPanel />
    </main>
  );
}
