// No drift between prisma/schema.prisma and the committed migrations (house-style §7, issue 2):
// the database built by scripts/migrate.mjs must have exactly the tables, columns (type family,
// nullability, default present), primary keys, unique and plain indexes, foreign keys (with their
// ON DELETE / ON UPDATE actions) and, on PostgreSQL, enum types that the schema describes.
// A schema change without a migration (or a migration without the schema change) fails here.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, describeEachProvider, type Provider, type TestDatabase } from "@/lib/testing/databases";
import { compareShapes, expectedShape, introspectPostgres, introspectSqlite, parsePrismaSchema, type SchemaShape } from "@/scripts/schema-shape.mjs";
import { sqlitePath } from "@/scripts/migrate.mjs";

const root = path.resolve(__dirname, "..");
const schemaFile = (provider: Provider) => path.join(root, provider === "sqlite" ? "prisma/schema.prisma" : "prisma/postgres/schema.prisma");

async function introspect(t: TestDatabase): Promise<SchemaShape> {
  if (t.provider === "sqlite") {
    const db = new Database(sqlitePath(t.url), { readonly: true });
    try {
      return introspectSqlite(db);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    return await introspectPostgres(client);
  } finally {
    await client.end();
  }
}

/** Inserts lines just before the closing brace of `model <name> { … }`. */
function addToModel(schema: string, model: string, lines: string): string {
  const start = schema.search(new RegExp(`^model ${model} \\{`, "m"));
  if (start === -1) throw new Error(`model ${model} not found`);
  const end = schema.indexOf("\n}", start);
  return `${schema.slice(0, end)}\n${lines}${schema.slice(end)}`;
}

function replaceOnce(schema: string, from: string, to: string): string {
  if (!schema.includes(from)) throw new Error(`not found in the schema: ${from}`);
  return schema.replace(from, to);
}

describeEachProvider("schema drift: migrations vs Prisma schema", (provider) => {
  let t: TestDatabase;
  let actual: SchemaShape;
  let schemaText: string;
  const differencesFor = (text: string) => compareShapes(expectedShape(parsePrismaSchema(text), provider), actual);

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    actual = await introspect(t);
    schemaText = readFileSync(schemaFile(provider), "utf8");
  });
  afterAll(async () => { await t.drop(); });

  it("the schema file is for this provider", () => {
    expect(parsePrismaSchema(schemaText).provider).toBe(provider);
  });

  it("the database built by the committed migrations matches the schema", () => {
    const differences = differencesFor(schemaText);
    expect(differences, `schema and migrations differ:\n  ${differences.join("\n  ")}`).toEqual([]);
    expect(Object.keys(actual.tables).length).toBe(parsePrismaSchema(schemaText).models.length);
  });

  it("reports a field added to the schema without a migration", () => {
    const type = provider === "sqlite" ? "TEXT" : "text";
    expect(differencesFor(addToModel(schemaText, "AuditEvent", "  driftProbe String"))).toEqual([
      `column AuditEvent.driftProbe: in the schema (${type} NOT NULL), missing in the database`,
    ]);
  });

  it("reports a new model, a removed field, changed optionality, type and default, and new indexes", () => {
    const [text, integer] = provider === "sqlite" ? ["TEXT", "INTEGER"] : ["text", "integer"];
    let changed = schemaText;
    changed = `${changed}\nmodel DriftProbe {\n  id String @id\n}\n`;
    changed = replaceOnce(changed, "  locale        String?\n", "");
    changed = replaceOnce(changed, "  actorName      String\n", "  actorName      String?\n");
    changed = replaceOnce(changed, "  seq            Int\n", "  seq            String\n");
    changed = replaceOnce(changed, "  country              String    @default(\"DE\")", "  country              String");
    changed = addToModel(changed, "AuditEvent", "  @@index([actorId])\n  @@unique([entityId, seq])");
    expect(differencesFor(changed).sort()).toEqual(
      [
        "table DriftProbe: in the schema, missing in the database",
        `column User.locale: in the database (${text} NULL), not in the schema`,
        `column AuditEvent.actorName: schema says ${text} NULL, database has ${text} NOT NULL`,
        `column AuditEvent.seq: schema says ${text} NOT NULL, database has ${integer} NOT NULL`,
        `column Organisation.country: schema says ${text} NOT NULL, database has ${text} NOT NULL DEFAULT …`,
        "table AuditEvent: index (actorId) in the schema, missing in the database",
        "table AuditEvent: unique index (entityId, seq) in the schema, missing in the database",
      ].sort(),
    );
  });

  it("reports changed keys and foreign keys", () => {
    let changed = schemaText;
    changed = replaceOnce(changed, "  @@id([dpaId, activityId])", "  @@id([activityId, dpaId])");
    changed = replaceOnce(
      changed,
      "  user User @relation(fields: [userId], references: [id], onDelete: Cascade)\n\n  @@index([userId])\n}\n\nmodel VerificationToken",
      "  user User @relation(fields: [userId], references: [id], onDelete: Restrict)\n\n  @@index([userId])\n}\n\nmodel VerificationToken",
    );
    expect(differencesFor(changed).sort()).toEqual(
      [
        "table DpaActivity: primary key (activityId, dpaId) in the schema, (dpaId, activityId) in the database",
        "table Session: foreign key (userId) → User(id) ON DELETE RESTRICT ON UPDATE CASCADE in the schema, missing in the database",
        "table Session: foreign key (userId) → User(id) ON DELETE CASCADE ON UPDATE CASCADE in the database, not in the schema",
      ].sort(),
    );
  });

  it("reports enum changes (PostgreSQL keeps enums as types; SQLite stores TEXT)", () => {
    const changed = replaceOnce(schemaText, "enum MemberRole {\n  ADMIN\n", "enum MemberRole {\n  OWNER\n  ADMIN\n");
    expect(differencesFor(changed)).toEqual(
      provider === "postgresql" ? ["enum MemberRole: schema has OWNER, ADMIN, DPO, EDITOR, VIEWER; database has ADMIN, DPO, EDITOR, VIEWER"] : [],
    );
  });
});

describe("schema drift: parser guards and the derived PostgreSQL schema", () => {
  it("prisma/postgres/schema.prisma is in sync with prisma/schema.prisma (npm run sync-schema)", () => {
    const r = spawnSync(process.execPath, ["scripts/sync-postgres-schema.mjs", "--check"], { cwd: root, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("refuses constructs outside the portable subset instead of ignoring them", () => {
    const base = readFileSync(schemaFile("sqlite"), "utf8");
    const shape = (text: string) => expectedShape(parsePrismaSchema(text), "sqlite");
    expect(() => shape(addToModel(base, "User", "  tags String[]"))).toThrow(/scalar lists/);
    expect(() => shape(addToModel(base, "User", "  nick String @db.VarChar(20)"))).toThrow(/native types/);
    expect(() => shape(addToModel(base, "User", "  n Int @default(autoincrement())"))).toThrow(/not supported/);
    expect(() => shape(addToModel(base, "User", "  @@fulltext([name])"))).toThrow(/not supported/);
    expect(() => shape(`${base}\nview V {\n  id String @id\n}\n`)).toThrow(/not supported/);
    const withTags = `${addToModel(base, "User", "  tags Tag[]")}\nmodel Tag {\n  id String @id\n  users User[]\n}\n`;
    expect(() => shape(withTags)).toThrow(/implicit many-to-many/);
  });
});
