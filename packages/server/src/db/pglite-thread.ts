/**
 * PGlite in a worker thread, behind the small part of PGlite's client that drizzle's PGlite driver uses
 * (`query`, `exec`, `transaction`). The database runs in pglite-worker.js; this thread only sends statements and
 * reads answers, so a long statement never holds the server's event loop (requests read, answers sent and
 * connections accepted while it runs).
 *
 * What crosses between the threads is plain data: statements, parameters and rows (structured clone), and errors
 * as their message and PostgreSQL's fields (`code`, `constraint`, …), so `pgCode` reads them as before. A
 * transaction stays open in the worker, holding PGlite's one session, until this side ends it: the same
 * one-at-a-time PGlite gives in one thread.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface Results<T = unknown> {
  rows: T[];
  affectedRows?: number | undefined;
  fields: { name: string; dataTypeID: number }[];
}

/** What drizzle passes: row mode, and parsers (only ever ones that leave dates and intervals as text). */
export interface QueryOptions {
  rowMode?: 'array' | 'object' | undefined;
  parsers?: Record<number, unknown> | undefined;
}

/** The client drizzle's PGlite driver is given. */
export interface ThreadClient {
  query<T = unknown>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
  transaction<T>(run: (tx: ThreadClient) => Promise<T>): Promise<T>;
}

interface Reply {
  id?: number;
  ready?: boolean;
  result?: unknown;
  error?: Record<string, unknown> & { message: string };
}

/** The worker's file: beside this one in the sources, beside index.js in the package's dist/. */
const WORKER = new URL('./pglite-worker.js', import.meta.url);

/**
 * PGlite's two WebAssembly modules, compiled once per process and handed to every thread (a thread compiling its
 * own took a second more at each start). Undefined where they cannot be found: each thread then loads its own.
 */
let compiled: Promise<{ pgliteWasmModule: WebAssembly.Module; initdbWasmModule: WebAssembly.Module } | undefined> | undefined;
function wasmModules() {
  compiled ??= (async () => {
    const folder = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all(['pglite.wasm', 'initdb.wasm'].map(async (file) => WebAssembly.compile(await readFile(join(folder, file)))));
    return { pgliteWasmModule: pgliteWasmModule!, initdbWasmModule: initdbWasmModule! };
  })().catch(() => undefined);
  return compiled;
}

/** An error from the worker as an Error with PostgreSQL's fields on it. */
const revive = (error: NonNullable<Reply['error']>): Error => Object.assign(new Error(error.message), error);

export class PgliteThread implements ThreadClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  #nextId = 1;
  /** Set once the worker is gone: every later call fails with it. */
  #gone: Error | undefined;
  /** Statements outside a transaction. */
  readonly #outside: ThreadClient = this.#client(undefined);

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (reply: Reply) => {
      const waiting = this.#pending.get(reply.id!);
      if (waiting === undefined) return;
      this.#pending.delete(reply.id!);
      if (reply.error !== undefined) waiting.reject(revive(reply.error));
      else waiting.resolve(reply.result);
    });
    const stop = (error: Error) => {
      this.#gone ??= error;
      for (const waiting of this.#pending.values()) waiting.reject(this.#gone);
      this.#pending.clear();
    };
    worker.on('error', (error) => stop(new Error(`The database thread failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => stop(new Error(`The database thread stopped (exit code ${code}).`)));
  }

  /** Starts PGlite on `dataDir` (undefined: in memory) in a new thread; resolves once it is open. */
  static async start(dataDir: string | undefined): Promise<PgliteThread> {
    const worker = new Worker(WORKER, { workerData: { dataDir, ...(await wasmModules()) } });
    const ready = await new Promise<Reply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`The database thread stopped while opening (exit code ${code}).`)));
    });
    if (ready.ready !== true) {
      await worker.terminate();
      throw revive(ready.error ?? { message: 'PGlite did not open.' });
    }
    return new PgliteThread(worker);
  }

  #send(message: Record<string, unknown>): Promise<unknown> {
    if (this.#gone) return Promise.reject(this.#gone);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...message, id });
    });
  }

  #client(tx: number | undefined): ThreadClient {
    return {
      query: <T>(sql: string, params: unknown[] = [], options: QueryOptions = {}) =>
        this.#send({ op: 'query', sql, params, rowMode: options.rowMode, text: Object.keys(options.parsers ?? {}).map(Number), tx }) as Promise<Results<T>>,
      exec: (sql: string) => this.#send({ op: 'exec', sql, tx }) as Promise<Results[]>,
      transaction: tx === undefined ? (run) => this.transaction(run) : () => Promise.reject(new Error('Nested transactions use savepoints.')),
    };
  }

  query<T = unknown>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#outside.query<T>(sql, params, options);
  }

  exec(sql: string): Promise<Results[]> {
    return this.#outside.exec(sql);
  }

  /** Runs `run` in one transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(run: (tx: ThreadClient) => Promise<T>): Promise<T> {
    const { tx } = (await this.#send({ op: 'begin' })) as { tx: number };
    let result: T;
    try {
      result = await run(this.#client(tx));
    } catch (error) {
      await this.#send({ op: 'end', tx, commit: false }).catch(() => {});
      throw error;
    }
    await this.#send({ op: 'end', tx, commit: true });
    return result;
  }

  /** Closes PGlite (its files complete on disk) and ends the thread. */
  async close(): Promise<void> {
    if (this.#gone === undefined) await this.#send({ op: 'close' });
    await this.#worker.terminate();
  }
}
