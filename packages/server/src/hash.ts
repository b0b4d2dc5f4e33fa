/** SHA-256 in hex: how manage tokens, admin tokens, sign-in states and session ids are stored. */
import { createHash } from 'node:crypto';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
