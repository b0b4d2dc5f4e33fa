import { describe, expect, it } from 'vitest';
import { openAnswer, replayKey, sealAnswer } from './replay.js';

describe('answers kept for replays', () => {
  const answer = { status: 'confirmed', registrationId: 'r1', manageUrl: 'https://rsvp.example.edu/manage#SECRETTOKEN1234567890', message: 'Your place is confirmed.', notification: 'none' };

  it('are opened with the key they were sealed with, and are unreadable without it', () => {
    const stored = sealAnswer(answer, 'key-1234-abcd');
    expect(JSON.stringify(stored)).not.toContain('SECRETTOKEN');
    expect(openAnswer(stored, 'key-1234-abcd')).toEqual(answer);
    expect(() => openAnswer(stored, 'key-1234-abce')).toThrow();
    // Sealed twice, two different texts (a fresh IV each time).
    expect(sealAnswer(answer, 'key-1234-abcd').sealed).not.toBe(stored.sealed);
  });

  it('are found by the key’s hash, and a row from before sealing is returned as it is', () => {
    expect(replayKey('key-1234-abcd')).toMatch(/^[0-9a-f]{64}$/);
    expect(replayKey('key-1234-abcd')).not.toContain('key-1234');
    const legacy = { ...answer, manageUrl: 'https://rsvp.example.edu/manage' };
    expect(openAnswer(legacy, 'key-1234-abcd')).toEqual(legacy);
  });
});
