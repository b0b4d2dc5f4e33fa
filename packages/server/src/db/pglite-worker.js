// PGlite in its own thread (see pglite-thread.ts, which starts this file as a worker and speaks to it).
//
// PGlite runs PostgreSQL compiled to WebAssembly, synchronously, in the thread that calls it. In the server's
// thread every statement would hold the event loop for as long as it runs: no request read, no answer sent,
// and (libuv accepting one connection per turn of the loop) connections accepted one per statement. Here it
// holds this thread only.
//
// Messages in: { id, op: 'query', sql, params, rowMode, text, tx } | { id, op: 'exec', sql, tx }
//   | { id, op: 'begin' } | { id, op: 'end', tx, commit } | { id, op: 'close' }
// Messages out: { ready: true } | { ready: false, error } once, then { id, result } | { id, error } per message.
// Plain JavaScript, so that the same file runs beside the sources (tests) and in dist/ (the package).
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** Leaves a value as PostgreSQL's text (the parsers drizzle passes for dates, times and intervals). */
const asText = (value) => value;
const ROLLBACK = Symbol('rollback');

/** An error as plain data: its message and the fields PostgreSQL gives (code, constraint, detail…). */
function serialise(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = {};
  for (const [key, value] of Object.entries(error)) if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  return { ...fields, name: error.name, message: error.message };
}

async function run(target, message) {
  if (message.op === 'exec') return (await target.exec(message.sql)).map(({ rows, affectedRows }) => ({ rows, affectedRows }));
  const parsers = Object.fromEntries((message.text ?? []).map((oid) => [oid, asText]));
  const { rows, affectedRows, fields } = await target.query(message.sql, message.params, { rowMode: message.rowMode, parsers });
  return { rows, affectedRows, fields };
}

let db;
try {
  const { dataDir, pgliteWasmModule, initdbWasmModule } = workerData;
  db = await PGlite.create(dataDir, { pgliteWasmModule, initdbWasmModule });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, error: serialise(error) });
  process.exit(1);
}

/** Open transactions: each waits for its next message in its own queue. */
const transactions = new Map();
let nextTransaction = 1;

function openTransaction(begin) {
  const id = nextTransaction++;
  const inbox = [];
  let wake;
  const next = () => (inbox.length > 0 ? Promise.resolve(inbox.shift()) : new Promise((resolve) => (wake = resolve)));
  transactions.set(id, {
    deliver(message) {
      if (wake) {
        const resolve = wake;
        wake = undefined;
        resolve(message);
      } else inbox.push(message);
    },
  });
  let end;
  db.transaction(async (tx) => {
    parentPort.postMessage({ id: begin.id, result: { tx: id } });
    for (;;) {
      const message = await next();
      if (message.op === 'end') {
        end = message;
        if (!message.commit) throw ROLLBACK;
        return;
      }
      try {
        parentPort.postMessage({ id: message.id, result: await run(tx, message) });
      } catch (error) {
        parentPort.postMessage({ id: message.id, error: serialise(error) });
      }
    }
  }).then(
    () => parentPort.postMessage({ id: end.id, result: null }),
    (error) => {
      // Not begun (the begin is answered with the error), rolled back as asked, or the commit failed.
      if (end === undefined) parentPort.postMessage({ id: begin.id, error: serialise(error) });
      else parentPort.postMessage(error === ROLLBACK ? { id: end.id, result: null } : { id: end.id, error: serialise(error) });
    },
  ).finally(() => transactions.delete(id));
}

parentPort.on('message', (message) => {
  if (message.tx !== undefined) {
    const transaction = transactions.get(message.tx);
    if (transaction) transaction.deliver(message);
    else parentPort.postMessage({ id: message.id, error: { message: 'This transaction has ended.' } });
    return;
  }
  if (message.op === 'begin') return openTransaction(message);
  if (message.op === 'close') {
    db.close().then(
      () => parentPort.postMessage({ id: message.id, result: null }),
      (error) => parentPort.postMessage({ id: message.id, error: serialise(error) }),
    );
    return;
  }
  run(db, message).then(
    (result) => parentPort.postMessage({ id: message.id, result }),
    (error) => parentPort.postMessage({ id: message.id, error: serialise(error) }),
  );
});
