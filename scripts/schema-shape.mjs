// The shape of a relational schema (tables, columns, keys, indexes, foreign keys, enums) computed two
// ways, so lib/schema-drift.db.test.ts can prove that the committed migrations build exactly what
// prisma/schema.prisma describes (the Prisma CLI cannot introspect or diff offline):
//   expectedShape(parsePrismaSchema(text), provider)      from the schema file
//   introspectSqlite(betterSqlite3Db) / introspectPostgres(pgClient)   from a migrated database
//   compareShapes(expected, actual)                        → readable differences, [] when equal
// The parser covers the subset our schema uses (house-style §7); anything else throws, so a new
// construct cannot slip past the drift test unnoticed.

/**
 * @typedef {{ type: string; nullable: boolean; hasDefault: boolean }} ColumnShape
 * @typedef {{ columns: Record<string, ColumnShape>; primaryKey: string[]; uniques: string[]; indexes: string[]; foreignKeys: string[] }} TableShape
 * @typedef {{ tables: Record<string, TableShape>; enums: Record<string, string[]> | null }} SchemaShape
 * @typedef {{ name: string; type: string; optional: boolean; list: boolean; attributes: Attribute[] }} PrismaField
 * @typedef {{ name: string; args: Arg[] }} Attribute
 * @typedef {{ key: string | null; value: string }} Arg
 * @typedef {{ name: string; fields: PrismaField[]; blockAttributes: Attribute[] }} PrismaModel
 * @typedef {{ provider: string | null; models: PrismaModel[]; enums: Record<string, string[]> }} PrismaSchema
 * @typedef {"sqlite" | "postgresql"} Provider
 */

export const SCALAR_TYPES = ["String", "Int", "Boolean", "DateTime", "Json", "Float", "Decimal", "BigInt", "Bytes"];

/** Column types as the Prisma migration SQL writes them (PostgreSQL: as information_schema reports them). */
const COLUMN_TYPES = {
  sqlite: { String: "TEXT", Int: "INTEGER", Boolean: "BOOLEAN", DateTime: "DATETIME", Json: "JSONB", Float: "REAL", Decimal: "DECIMAL", BigInt: "BIGINT", Bytes: "BLOB" },
  postgresql: { String: "text", Int: "integer", Boolean: "boolean", DateTime: "timestamp(3)", Json: "jsonb", Float: "double precision", Decimal: "numeric(65,30)", BigInt: "bigint", Bytes: "bytea" },
};

/** Defaults Prisma fills in on the client: no DEFAULT in the database. */
const CLIENT_DEFAULTS = /^(cuid|uuid|nanoid|ulid)\s*\(/;

const REFERENTIAL_ACTIONS = { Cascade: "CASCADE", Restrict: "RESTRICT", NoAction: "NO ACTION", SetNull: "SET NULL", SetDefault: "SET DEFAULT" };

// ───────────────────────────── Parsing prisma/schema.prisma ─────────────────────────────

/** Removes // comments, leaving string literals intact. */
function stripComments(text) {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === "\\") out += text[++i] ?? "";
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else out += c;
  }
  return out;
}

/** Splits at top-level separators (outside (), [], {} and strings). */
function splitTopLevel(text, separator) {
  const parts = [];
  let depth = 0;
  let inString = false;
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      current += c;
      if (c === "\\") current += text[++i] ?? "";
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    if (depth === 0 && c === separator) {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/** `@relation("Name", fields: [a], references: [id])` → attributes with positional and named args. */
function parseAttributes(text, where) {
  /** @type {Attribute[]} */
  const attributes = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) { i++; continue; }
    const m = /^@@?[A-Za-z_][\w.]*/.exec(text.slice(i));
    if (!m) throw new Error(`${where}: cannot parse "${text.slice(i)}"`);
    const name = m[0];
    i += name.length;
    /** @type {Arg[]} */
    let args = [];
    if (text[i] === "(") {
      let depth = 0;
      let inString = false;
      const start = i;
      for (; i < text.length; i++) {
        const c = text[i];
        if (inString) {
          if (c === "\\") i++;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === "(") depth++;
        else if (c === ")" && --depth === 0) break;
      }
      if (depth !== 0) throw new Error(`${where}: unbalanced parentheses in ${name}`);
      args = splitTopLevel(text.slice(start + 1, i), ",").map((a) => {
        const named = /^([A-Za-z_]\w*)\s*:\s*([\s\S]*)$/.exec(a);
        return named ? { key: named[1], value: named[2].trim() } : { key: null, value: a };
      });
      i++;
    }
    attributes.push({ name, args });
  }
  return attributes;
}

/** `[a, b(sort: Desc)]` → ["a", "b"] */
function fieldList(value, where) {
  const m = /^\[([\s\S]*)\]$/.exec(value.trim());
  if (!m) throw new Error(`${where}: expected a field list, got ${value}`);
  return splitTopLevel(m[1], ",").map((f) => f.replace(/\(.*\)$/s, "").trim());
}

const argOf = (attribute, key, position = 0) =>
  attribute.args.find((a) => a.key === key)?.value ?? (position >= 0 ? attribute.args.filter((a) => a.key === null)[position]?.value : undefined);

/** The name of a relation field's relation, or null. */
const relationName = (field) => {
  const relation = field.attributes.find((a) => a.name === "@relation");
  return (relation && unquote(argOf(relation, "name"))) ?? null;
};

const unquote = (value) => (value && /^".*"$/s.test(value) ? JSON.parse(value) : value);

/** @returns {PrismaSchema} */
export function parsePrismaSchema(text) {
  const source = stripComments(text);
  /** @type {PrismaModel[]} */
  const models = [];
  /** @type {Record<string, string[]>} */
  const enums = {};
  let provider = null;
  const blockRe = /^\s*(model|enum|generator|datasource|view|type)\s+([A-Za-z_]\w*)\s*\{([\s\S]*?)^\s*\}/gm;
  let m;
  while ((m = blockRe.exec(source))) {
    const [, kind, name, body] = m;
    if (kind === "view" || kind === "type") throw new Error(`schema: ${kind} ${name} is not supported by the drift test`);
    if (kind === "generator") continue;
    if (kind === "datasource") {
      provider = unquote(/provider\s*=\s*("[^"]*")/.exec(body)?.[1] ?? null);
      continue;
    }
    const lines = body.split("\n").map((l) => l.trim()).filter((l) => l !== "");
    if (kind === "enum") {
      enums[name] = lines.map((l) => {
        if (!/^[A-Za-z_]\w*$/.test(l)) throw new Error(`enum ${name}: unsupported line "${l}"`);
        return l;
      });
      continue;
    }
    /** @type {PrismaModel} */
    const model = { name, fields: [], blockAttributes: [] };
    for (const line of lines) {
      if (line.startsWith("@@")) {
        model.blockAttributes.push(...parseAttributes(line, `model ${name}`));
        continue;
      }
      const f = /^([A-Za-z_]\w*)\s+([A-Za-z_]\w*(?:\([^)]*\))?)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!f) throw new Error(`model ${name}: cannot parse field line "${line}"`);
      const [, fieldName, type, list, optional, rest] = f;
      if (type.startsWith("Unsupported")) throw new Error(`${name}.${fieldName}: Unsupported() types are not portable`);
      model.fields.push({ name: fieldName, type, list: Boolean(list), optional: Boolean(optional), attributes: parseAttributes(rest, `${name}.${fieldName}`) });
    }
    models.push(model);
  }
  const leftover = source.replace(blockRe, "").trim();
  if (leftover !== "") throw new Error(`schema: cannot parse "${leftover.slice(0, 80)}"`);
  return { provider, models, enums };
}

// ───────────────────────────── Expected shape from the schema ─────────────────────────────

const key = (columns) => `(${columns.join(", ")})`;
const fkKey = (columns, table, references, onDelete, onUpdate) =>
  `${key(columns)} → ${table}${key(references)} ON DELETE ${onDelete} ON UPDATE ${onUpdate}`;

/**
 * @param {PrismaSchema} schema
 * @param {Provider} provider
 * @returns {SchemaShape}
 */
export function expectedShape(schema, provider) {
  const modelByName = new Map(schema.models.map((m) => [m.name, m]));
  const tableName = (model) => unquote(argOf(model.blockAttributes.find((a) => a.name === "@@map") ?? { args: [] }, "name")) ?? model.name;
  const columnName = (field) => unquote(argOf(field.attributes.find((a) => a.name === "@map") ?? { args: [] }, "name")) ?? field.name;
  /** @type {Record<string, TableShape>} */
  const tables = {};

  for (const model of schema.models) {
    const where = `model ${model.name}`;
    const columnOf = (fieldName) => {
      const field = model.fields.find((f) => f.name === fieldName);
      if (!field) throw new Error(`${where}: unknown field ${fieldName}`);
      return columnName(field);
    };
    /** @type {TableShape} */
    const table = { columns: {}, primaryKey: [], uniques: [], indexes: [], foreignKeys: [] };

    for (const field of model.fields) {
      const attr = (n) => field.attributes.find((a) => a.name === n);
      for (const a of field.attributes) {
        if (a.name.startsWith("@db.")) throw new Error(`${model.name}.${field.name}: native types (${a.name}) are not portable`);
        if (!["@id", "@unique", "@default", "@updatedAt", "@relation", "@map", "@ignore"].includes(a.name)) {
          throw new Error(`${model.name}.${field.name}: attribute ${a.name} is not supported by the drift test`);
        }
      }
      if (attr("@ignore")) throw new Error(`${model.name}.${field.name}: @ignore is not supported by the drift test`);

      const isEnum = Object.hasOwn(schema.enums, field.type);
      const isScalar = SCALAR_TYPES.includes(field.type);
      if (!isEnum && !isScalar) {
        const target = modelByName.get(field.type);
        if (!target) throw new Error(`${model.name}.${field.name}: unknown type ${field.type}`);
        const relation = attr("@relation");
        const fields = relation && argOf(relation, "fields", -1);
        if (fields) {
          const references = argOf(relation, "references", -1);
          if (!references) throw new Error(`${model.name}.${field.name}: @relation has fields but no references`);
          const onDelete = argOf(relation, "onDelete", -1) ?? (field.optional ? "SetNull" : "Restrict");
          const onUpdate = argOf(relation, "onUpdate", -1) ?? "Cascade";
          table.foreignKeys.push(
            fkKey(
              fieldList(fields, where).map(columnOf),
              tableName(target),
              fieldList(references, where).map((r) => {
                const f = target.fields.find((tf) => tf.name === r);
                if (!f) throw new Error(`${where}: ${target.name}.${r} does not exist`);
                return columnName(f);
              }),
              REFERENTIAL_ACTIONS[onDelete] ?? onDelete,
              REFERENTIAL_ACTIONS[onUpdate] ?? onUpdate,
            ),
          );
        } else if (field.list) {
          // The other side must hold the foreign key; a list on both sides is an implicit m:n table.
          const back = target.fields.filter((f) => f !== field && f.type === model.name && relationName(f) === relationName(field));
          if (back.some((f) => f.list)) throw new Error(`${model.name}.${field.name}: implicit many-to-many relations are not supported by the drift test`);
        }
        continue;
      }
      if (field.list) throw new Error(`${model.name}.${field.name}: scalar lists are not portable`);

      const defaultAttr = attr("@default");
      const defaultValue = defaultAttr ? argOf(defaultAttr, "value") : undefined;
      if (defaultValue && /^(dbgenerated|autoincrement|sequence)\s*\(/.test(defaultValue)) {
        throw new Error(`${model.name}.${field.name}: @default(${defaultValue}) is not supported by the drift test`);
      }
      table.columns[columnName(field)] = {
        type: isEnum ? (provider === "postgresql" ? `enum ${field.type}` : "TEXT") : COLUMN_TYPES[provider][field.type],
        nullable: field.optional,
        hasDefault: Boolean(defaultValue) && !CLIENT_DEFAULTS.test(defaultValue),
      };
      if (attr("@id")) table.primaryKey = [columnName(field)];
      if (attr("@unique")) table.uniques.push(key([columnName(field)]));
    }

    for (const a of model.blockAttributes) {
      const columns = () => fieldList(argOf(a, "fields") ?? "", where).map(columnOf);
      if (a.name === "@@id") table.primaryKey = columns();
      else if (a.name === "@@unique") table.uniques.push(key(columns()));
      else if (a.name === "@@index") table.indexes.push(key(columns()));
      else if (a.name !== "@@map") throw new Error(`${where}: ${a.name} is not supported by the drift test`);
    }
    tables[tableName(model)] = normaliseTable(table);
  }
  return { tables, enums: provider === "postgresql" ? { ...schema.enums } : null };
}

/** @param {TableShape} table */
function normaliseTable(table) {
  return { ...table, uniques: [...table.uniques].sort(), indexes: [...table.indexes].sort(), foreignKeys: [...table.foreignKeys].sort() };
}

// ───────────────────────────── Introspection of a migrated database ─────────────────────────────

const IGNORED_TABLES = new Set(["_app_migrations"]);

/**
 * @param {import("better-sqlite3").Database} db an open better-sqlite3 connection
 * @returns {SchemaShape}
 */
export function introspectSqlite(db) {
  const names = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all()
    .map((r) => r.name)
    .filter((n) => !IGNORED_TABLES.has(n));
  /** @type {Record<string, TableShape>} */
  const tables = {};
  for (const name of names) {
    /** @type {TableShape} */
    const table = { columns: {}, primaryKey: [], uniques: [], indexes: [], foreignKeys: [] };
    const columns = db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`).all(name);
    for (const c of columns) {
      table.columns[c.name] = { type: c.type.toUpperCase(), nullable: c.notnull === 0, hasDefault: c.dflt_value !== null };
    }
    table.primaryKey = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    for (const index of db.prepare(`SELECT name, "unique", origin, partial FROM pragma_index_list(?)`).all(name)) {
      if (index.origin === "pk") continue;
      const cols = db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(index.name).map((r) => r.name ?? "<expression>");
      const k = key(cols) + (index.partial ? " WHERE …" : "");
      (index.unique ? table.uniques : table.indexes).push(k);
    }
    const fks = new Map();
    for (const fk of db.prepare(`SELECT id, seq, "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq`).all(name)) {
      const entry = fks.get(fk.id) ?? { table: fk.table, from: [], to: [], onDelete: fk.on_delete, onUpdate: fk.on_update };
      entry.from.push(fk.from);
      entry.to.push(fk.to);
      fks.set(fk.id, entry);
    }
    table.foreignKeys = [...fks.values()].map((f) => fkKey(f.from, f.table, f.to, f.onDelete, f.onUpdate));
    tables[name] = normaliseTable(table);
  }
  return { tables, enums: null };
}

const PG_ACTIONS = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

function pgColumnType(c) {
  switch (c.data_type) {
    case "USER-DEFINED":
      return `enum ${c.udt_name}`;
    case "timestamp without time zone":
      return `timestamp(${c.datetime_precision})`;
    case "timestamp with time zone":
      return `timestamptz(${c.datetime_precision})`;
    case "numeric":
      return `numeric(${c.numeric_precision},${c.numeric_scale})`;
    case "character varying":
      return c.character_maximum_length === null ? "varchar" : `varchar(${c.character_maximum_length})`;
    default:
      return c.data_type;
  }
}

/**
 * @param {import("pg").Client} client a connected node-postgres client
 * @param {string} [schema] the PostgreSQL schema, default public
 * @returns {Promise<SchemaShape>}
 */
export async function introspectPostgres(client, schema = "public") {
  const { rows: tableRows } = await client.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
    [schema],
  );
  /** @type {Record<string, TableShape>} */
  const tables = {};
  for (const { table_name } of tableRows) {
    if (!IGNORED_TABLES.has(table_name)) tables[table_name] = { columns: {}, primaryKey: [], uniques: [], indexes: [], foreignKeys: [] };
  }
  const { rows: columns } = await client.query(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, datetime_precision,
            numeric_precision, numeric_scale, character_maximum_length
       FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, ordinal_position`,
    [schema],
  );
  for (const c of columns) {
    const table = tables[c.table_name];
    if (table) table.columns[c.column_name] = { type: pgColumnType(c), nullable: c.is_nullable === "YES", hasDefault: c.column_default !== null };
  }
  const { rows: indexes } = await client.query(
    `SELECT t.relname AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
            bool_or(ix.indpred IS NOT NULL) AS is_partial,
            array_agg(coalesce(a.attname::text, '<expression>') ORDER BY k.ord) AS columns
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
       LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0
      WHERE n.nspname = $1
      GROUP BY ix.indexrelid, t.relname, ix.indisunique, ix.indisprimary`,
    [schema],
  );
  for (const ix of indexes) {
    const table = tables[ix.table_name];
    if (!table) continue;
    if (ix.is_primary) table.primaryKey = ix.columns;
    else (ix.is_unique ? table.uniques : table.indexes).push(key(ix.columns) + (ix.is_partial ? " WHERE …" : ""));
  }
  const { rows: fks } = await client.query(
    `SELECT t.relname AS table_name, ft.relname AS ref_table, c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update,
            (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS ref_columns
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class ft ON ft.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE c.contype = 'f' AND n.nspname = $1`,
    [schema],
  );
  for (const fk of fks) {
    const table = tables[fk.table_name];
    if (table) table.foreignKeys.push(fkKey(fk.columns, fk.ref_table, fk.ref_columns, PG_ACTIONS[fk.on_delete] ?? fk.on_delete, PG_ACTIONS[fk.on_update] ?? fk.on_update));
  }
  const { rows: enumRows } = await client.query(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 GROUP BY t.typname`,
    [schema],
  );
  for (const name of Object.keys(tables)) tables[name] = normaliseTable(tables[name]);
  return { tables, enums: Object.fromEntries(enumRows.map((r) => [r.name, r.labels])) };
}

// ───────────────────────────── Comparison ─────────────────────────────

const describeColumn = (c) => `${c.type} ${c.nullable ? "NULL" : "NOT NULL"}${c.hasDefault ? " DEFAULT …" : ""}`;

/** Items of `a` not matched in `b`, counting duplicates. */
function missingFrom(a, b) {
  const rest = [...b];
  return a.filter((x) => {
    const i = rest.indexOf(x);
    if (i === -1) return true;
    rest.splice(i, 1);
    return false;
  });
}

/**
 * @param {SchemaShape} expected from the schema
 * @param {SchemaShape} actual from the database
 * @returns {string[]} one line per difference; empty when the shapes match
 */
export function compareShapes(expected, actual) {
  const out = [];
  const names = [...new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)])].sort();
  for (const name of names) {
    const e = expected.tables[name];
    const a = actual.tables[name];
    if (!a) { out.push(`table ${name}: in the schema, missing in the database`); continue; }
    if (!e) { out.push(`table ${name}: in the database, not in the schema`); continue; }
    const columns = [...new Set([...Object.keys(e.columns), ...Object.keys(a.columns)])];
    for (const col of columns) {
      const ec = e.columns[col];
      const ac = a.columns[col];
      if (!ac) out.push(`column ${name}.${col}: in the schema (${describeColumn(ec)}), missing in the database`);
      else if (!ec) out.push(`column ${name}.${col}: in the database (${describeColumn(ac)}), not in the schema`);
      else if (describeColumn(ec) !== describeColumn(ac)) out.push(`column ${name}.${col}: schema says ${describeColumn(ec)}, database has ${describeColumn(ac)}`);
    }
    if (key(e.primaryKey) !== key(a.primaryKey)) out.push(`table ${name}: primary key ${key(e.primaryKey)} in the schema, ${key(a.primaryKey)} in the database`);
    for (const [label, list] of [["unique index", "uniques"], ["index", "indexes"], ["foreign key", "foreignKeys"]]) {
      for (const k of missingFrom(e[list], a[list])) out.push(`table ${name}: ${label} ${k} in the schema, missing in the database`);
      for (const k of missingFrom(a[list], e[list])) out.push(`table ${name}: ${label} ${k} in the database, not in the schema`);
    }
  }
  if (expected.enums && actual.enums) {
    const enumNames = [...new Set([...Object.keys(expected.enums), ...Object.keys(actual.enums)])].sort();
    for (const name of enumNames) {
      const e = expected.enums[name];
      const a = actual.enums[name];
      if (!a) out.push(`enum ${name}: in the schema, missing in the database`);
      else if (!e) out.push(`enum ${name}: in the database, not in the schema`);
      else if (e.join(",") !== a.join(",")) out.push(`enum ${name}: schema has ${e.join(", ")}; database has ${a.join(", ")}`);
    }
  }
  return out;
}
