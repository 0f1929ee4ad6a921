// The one Prisma client of the process, on SQLite (default) or PostgreSQL (DATABASE_URL=postgres…).
// No 'server-only' here: the admin command line and the seed use it too.
//
// SQLite safety by construction (C31, prisma/orm#29933 family): the better-sqlite3 adapter runs every
// query on ONE connection, so a query of the global client issued while an interactive transaction is
// open would run inside that transaction and vanish with its rollback. GatedSqliteAdapter puts every
// statement of the global client and every transaction behind one gate: while a transaction is open,
// other statements wait for it to end. Transactions start with BEGIN IMMEDIATE (the write lock is
// taken up front, so SQLITE_BUSY can only happen at BEGIN, where busy_timeout applies, never at COMMIT).
import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
  IsolationLevel,
} from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/prisma/generated/sqlite/client";
import { PrismaClient as PgClient } from "@/prisma/generated/postgres/client";

export const DEFAULT_DATABASE_URL = "file:./data/register.db";

/** Pragmas set on every SQLite connection before it serves (C36). */
export const SQLITE_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";

/** FIFO gate: one holder at a time. */
class Gate {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => {
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release();
      };
    });
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

class GatedSqliteAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #inner: SqlDriverAdapter;
  readonly #gate = new Gate();

  constructor(inner: SqlDriverAdapter) {
    this.#inner = inner;
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.#gate.run(() => this.#inner.queryRaw(query));
  }
  executeRaw(query: SqlQuery) {
    return this.#gate.run(() => this.#inner.executeRaw(query));
  }
  executeScript(script: string) {
    return this.#gate.run(() => this.#inner.executeScript(script));
  }
  getConnectionInfo() {
    return this.#inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }
  dispose() {
    return this.#inner.dispose();
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
      throw new Error(`SQLite supports only SERIALIZABLE transactions, not ${isolationLevel}`);
    }
    const release = await this.#gate.acquire();
    const inner = this.#inner;
    try {
      await inner.executeScript("BEGIN IMMEDIATE");
    } catch (e) {
      release();
      throw e;
    }
    // Prisma sends COMMIT / ROLLBACK itself through executeRaw, then calls commit() / rollback().
    return {
      provider: "sqlite",
      adapterName: this.adapterName,
      options: { usePhantomQuery: false },
      queryRaw: (q: SqlQuery) => inner.queryRaw(q),
      executeRaw: (q: SqlQuery) => inner.executeRaw(q),
      commit: async () => release(),
      rollback: async () => release(),
      createSavepoint: async (name: string) => void (await inner.executeRaw({ sql: `SAVEPOINT ${name}`, args: [], argTypes: [] })),
      rollbackToSavepoint: async (name: string) => void (await inner.executeRaw({ sql: `ROLLBACK TO ${name}`, args: [], argTypes: [] })),
      releaseSavepoint: async (name: string) => void (await inner.executeRaw({ sql: `RELEASE SAVEPOINT ${name}`, args: [], argTypes: [] })),
    };
  }
}

class SafeSqliteFactory implements SqlDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #inner: SqlDriverAdapterFactory;
  constructor(url: string) {
    this.#inner = new PrismaBetterSqlite3({ url: sqliteFileUrl(url), timeout: 5000 });
    this.adapterName = this.#inner.adapterName;
  }
  async connect(): Promise<SqlDriverAdapter> {
    const inner = await this.#inner.connect();
    await inner.executeScript(SQLITE_PRAGMAS);
    return new GatedSqliteAdapter(inner);
  }
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

/** Resolves relative SQLite paths against the working directory (the repository root when run by npm). */
function sqliteFileUrl(url: string): string {
  return url.startsWith("file:") ? url : `file:${url}`;
}

export type Db = SqliteClient;

const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

/** Creates a client for a database URL (tests and tools open their own databases with this). */
export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    const client = new PgClient({ adapter: new PrismaPg({ connectionString: url }), transactionOptions: TRANSACTION_OPTIONS });
    // The two generated clients are built from the same schema (prisma/postgres/schema.prisma is derived
    // from prisma/schema.prisma and checked in CI), so their APIs are identical; only the nominal types differ.
    return client as unknown as Db;
  }
  return new SqliteClient({ adapter: new SafeSqliteFactory(url), transactionOptions: TRANSACTION_OPTIONS });
}

export const databaseUrl = () => process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
export const databaseProvider = (): "sqlite" | "postgresql" => (isPostgresUrl(databaseUrl()) ? "postgresql" : "sqlite");

const globalForDb = globalThis as unknown as { __vvtDb?: Db };
export const db: Db = globalForDb.__vvtDb ?? (globalForDb.__vvtDb = createDb(databaseUrl()));

/** The transaction client type passed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
