/** A real SMTP server for a test, in-process: every message that arrives is parsed with mailparser. */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Caught {
  raw: string;
  parsed: ParsedMail;
  messageId: string;
  to: string;
  kind: string;
  /** The text/calendar part (inline), if any. */
  calendar: string | undefined;
}

export interface SmtpCatcher {
  url: string;
  port: number;
  messages: Caught[];
  /** Refuse every message (451) until `up()`: the server is reachable but cannot take mail. */
  down(): void;
  up(): void;
  close(): Promise<void>;
  /** Resolves when at least `n` messages arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
}

/** `delayMs`: wait this long before accepting each message (a slow server, to catch a worker mid-batch). */
export async function startSmtp(options: { delayMs?: number } = {}): Promise<SmtpCatcher> {
  const messages: Caught[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onMailFrom(_address, _session, callback) {
      if (refusing) {
        const error = new Error('Try again later') as Error & { responseCode: number };
        error.responseCode = 451;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('error', (error) => callback(error));
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            const calendar = parsed.attachments.find((a) => a.contentType === 'text/calendar')?.content.toString('utf8');
            const caught = {
              raw,
              parsed,
              messageId: parsed.messageId ?? '',
              to: Array.isArray(parsed.to) ? parsed.to.map((t) => t.text).join(', ') : (parsed.to?.text ?? ''),
              kind: String(parsed.headers.get('x-mentorkit-kind') ?? ''),
              calendar,
            };
            const accept = () => {
              messages.push(caught);
              callback();
            };
            if (options.delayMs) setTimeout(accept, options.delayMs);
            else accept();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  // A client that vanishes mid-session (a worker killed with kill -9) resets its connection: expected here.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    down: () => (refusing = true),
    up: () => (refusing = false),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async waitFor(n, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} messages, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}
