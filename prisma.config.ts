import { defineConfig } from "prisma/config";

// Only `prisma generate` is used (see docs/decisions/0006-database-portability-and-migrations.md);
// migrations are committed SQL applied by scripts/migrate.mjs.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations/sqlite" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/register.db" },
});
