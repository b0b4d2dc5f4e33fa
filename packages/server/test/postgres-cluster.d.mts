export interface PostgresServer {
  port: number;
  dataDir: string;
  /** A connection string for `database` (default `postgres`). */
  url(database?: string): string;
  /** Creates a fresh database and returns its connection string. */
  createDatabase(name?: string): Promise<string>;
  /** The server's log so far. */
  log(): string;
  stop(): Promise<void>;
}

export function findPostgresBin(): string | undefined;
export function startPostgres(options?: { durable?: boolean }): Promise<PostgresServer>;
