import type { ReactNode } from "react";

/** Sign-in screens: one narrow column, no navigation. No authorization here (house-style §1.2). */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-md px-4 py-12 focus:outline-none">
      {children}
    </main>
  );
}
