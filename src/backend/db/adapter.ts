/** One SQL dialect (PostgreSQL's) over two drivers: what the backend needs from either. */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one statement with `$1…` parameters and answers its rows. */
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  /** Runs `work` in one transaction (row locks such as `SELECT … FOR UPDATE` hold until it ends). */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements at once (migrations). */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Postgres' unique_violation, whichever driver reported it. */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '23505';
