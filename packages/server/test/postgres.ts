/**
 * A real PostgreSQL server for a test file: started before its tests, stopped after them. Each suite asks
 * for a fresh database with `createDatabase()`, so suites never see each other's rows.
 *
 *   const postgres = usePostgres();
 *   it('…', async () => { const url = await postgres().createDatabase(); … });
 */
import { afterAll, beforeAll } from 'vitest';
import { startPostgres, type PostgresServer } from './postgres-cluster.mjs';

export { findPostgresBin, startPostgres, type PostgresServer } from './postgres-cluster.mjs';

/** Starts PostgreSQL in `beforeAll` and stops it in `afterAll`; call the returned function inside tests. */
export function usePostgres(): () => PostgresServer {
  let server: PostgresServer | undefined;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (server === undefined) throw new Error('PostgreSQL is not running: call usePostgres() at the top of the file, outside tests');
    return server;
  };
}
