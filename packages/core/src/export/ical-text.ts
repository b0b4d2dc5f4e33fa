/**
 * RFC 5545 content-line text: escaping (§3.3.11), parameter quoting (§3.2) and line folding (§3.1).
 * Pure string code with no dependencies, so it is safe in any entry.
 */

/** Longest content line in octets, excluding the CRLF (RFC 5545 §3.1). */
export const MAX_LINE_OCTETS = 75;

const CRLF = '\r\n';

// TEXT may not hold control characters other than HTAB (RFC 5545 §3.3.11, TSAFE-CHAR); newlines are escaped instead.
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Escapes a TEXT value: `\` `;` `,` and line breaks; drops control characters TEXT cannot carry. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(FORBIDDEN_CONTROLS, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** Inverse of {@link escapeText} for the values it produces. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/**
 * A parameter value (RFC 5545 §3.2): DQUOTE cannot appear at all, control characters are dropped, and a
 * value with `:` `;` or `,` is quoted.
 */
export function paramValue(value: string): string {
  const clean = value.replace(/["\r\n]/g, ' ').replace(FORBIDDEN_CONTROLS, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line so that no physical line exceeds 75 octets of UTF-8. Continuation lines start
 * with one space, which counts towards their 75. Splits only between code points, never inside a
 * multi-byte character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** Undoes folding: a CRLF followed by one space or tab joins two physical lines (RFC 5545 §3.1). */
export function unfoldLines(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

export type ParamList = ReadonlyArray<readonly [name: string, value: string]>;

/** One folded content line `NAME;PARAM=value:VALUE` (value already escaped as its type needs). */
export function contentLine(name: string, value: string, params: ParamList = []): string {
  const head = params.map(([key, v]) => `;${key}=${paramValue(v)}`).join('');
  return foldLine(`${name}${head}:${value}`);
}

/** Joins content lines into an iCalendar stream: CRLF after every line, the last one included. */
export function joinLines(lines: readonly string[]): string {
  return lines.map((line) => `${line}${CRLF}`).join('');
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `20260108T200000Z` for an instant (DATE-TIME in UTC, RFC 5545 §3.3.5 form 2). */
export function formatUtcDateTime(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('cannot format an invalid date as an iCalendar UTC time');
  return (
    `${pad(instant.getUTCFullYear(), 4)}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
    `T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
  );
}

/** `20260108T150000` for a wall-clock `2026-01-08T15:00` (local DATE-TIME, used with TZID). */
export function formatLocalDateTime(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (m === null) throw new RangeError(`not a local date-time: ${JSON.stringify(local)} (expected YYYY-MM-DDTHH:mm)`);
  return `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6] ?? '00'}`;
}
