/**
 * Logs for operators: one JSON line per event. Never a request body, a query string, an e-mail or a token:
 * the request line is logged as method, route path and status only.
 */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export function jsonLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const log = (level: string) => (event: string, fields: Record<string, unknown> = {}) => write(JSON.stringify({ at: new Date().toISOString(), level, event, ...fields }));
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
