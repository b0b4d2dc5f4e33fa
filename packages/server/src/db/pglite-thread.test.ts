import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteThread } from './pglite-thread.js';
import { pgCode } from './tx.js';

describe('PGlite in its own thread', () => {
  let db: PgliteThread;
  beforeAll(async () => {
    db = await PgliteThread.start(undefined);
    await db.exec('create table t (id int primary key, at timestamptz, doc jsonb)');
  });
  afterAll(() => db.close());

  it('answers queries as PGlite does: rows by name or as arrays, JSON parsed, text where drizzle asks for it', async () => {
    await db.query('insert into t values ($1, $2, $3)', [1, '2026-03-01T12:00:00Z', { a: [1, 2] }]);
    const named = await db.query<{ id: number; doc: unknown }>('select id, doc from t where id = $1', [1]);
    expect(named.rows).toEqual([{ id: 1, doc: { a: [1, 2] } }]);
    expect(named.fields.map((f) => f.name)).toEqual(['id', 'doc']);
    // drizzle's parsers for timestamptz (oid 1184) leave the value as PostgreSQL's text.
    const arrays = await db.query('select id, at from t', [], { rowMode: 'array', parsers: { 1184: (v: string) => v } });
    expect(arrays.rows).toEqual([[1, '2026-03-01 12:00:00+00']]);
    const parsed = await db.query<{ at: unknown }>('select at from t');
    expect(parsed.rows[0]!.at).toBeInstanceOf(Date);
  });

  it('gives errors with PostgreSQL’s fields, so callers read the SQLSTATE and constraint', async () => {
    const error = await db.query('insert into t values (1)').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(pgCode(error)).toBe('23505');
    expect(error).toMatchObject({ constraint: 't_pkey', message: expect.stringContaining('duplicate key') });
    // The thread goes on after an error.
    expect((await db.query('select count(*)::int as n from t')).rows).toEqual([{ n: 1 }]);
  });

  it('commits a transaction that resolves and rolls back one that throws, with its own error', async () => {
    await db.transaction(async (tx) => {
      await tx.query('insert into t (id) values (2)');
      await tx.query('insert into t (id) values (3)');
    });
    const failure = new Error('changed my mind');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into t (id) values (4)');
        throw failure;
      }),
    ).rejects.toBe(failure);
    // A statement that fails inside a transaction fails the transaction.
    await expect(db.transaction((tx) => tx.query('insert into t (id) values (5)').then(() => tx.query('insert into t (id) values (1)')))).rejects.toMatchObject({ code: '23505' });
    expect((await db.query<{ id: number }>('select id from t order by id')).rows.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('runs one transaction at a time: a query from outside waits for the open transaction', async () => {
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = db.transaction(async (tx) => {
      await tx.query('update t set doc = $1 where id = 2', [{ by: 'transaction' }]);
      order.push('transaction wrote');
      await held;
      order.push('transaction ends');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const outside = db.query<{ doc: unknown }>('select doc from t where id = 2').then((r) => {
      order.push('outside read');
      return r.rows[0]!.doc;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await transaction;
    expect(await outside).toEqual({ by: 'transaction' });
    expect(order).toEqual(['transaction wrote', 'transaction ends', 'outside read']);
  });

  it('keeps this thread free while a statement runs', async () => {
    // The event loop turns (timers fire) during a 600 ms statement: the statement holds the database's thread.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    await db.query('select pg_sleep(0.6)');
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(10);
  });

  it('fails every call with a clear error once the thread is gone', async () => {
    const other = await PgliteThread.start(undefined);
    await other.close();
    await expect(other.query('select 1')).rejects.toThrow(/database thread stopped/);
  });
});
