import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { unfoldLines } from './ical-text.js';
import { formatUtcOffset, vtimezoneLines, zoneTransitions } from './vtimezone.js';

const HOUR = 3_600_000;

/** Registers the generated VTIMEZONE with ical.js and returns ical.js's zone. */
function icalZone(zone: string, fromYear: number, toYear: number): ICAL.Timezone {
  const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...vtimezoneLines(zone, { fromYear, toYear }), 'END:VCALENDAR'].join('\r\n');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (!vtimezone) throw new Error('no VTIMEZONE');
  const tz = new ICAL.Timezone(vtimezone);
  return tz;
}

/**
 * The instant ical.js gives the tz data's wall-clock reading of `millis` in the zone: the direction a
 * DTSTART;TZID takes. Undefined for readings that occur twice (the fall-back hour), which ical.js resolves
 * to the later instant and RFC 5545 to the earlier. (ical.js's UTC → zone conversion is not used: it
 * looks the offset up by the UTC fields and is off by an hour for a few hours around each change.)
 */
function icalInstantOfWallClock(tz: ICAL.Timezone, zone: string, millis: number): number | undefined {
  const local = DateTime.fromMillis(millis, { zone });
  if (local.getPossibleOffsets().length > 1) return undefined;
  const fields = { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute, second: 0, isDate: false };
  return new ICAL.Time(fields, tz).toUnixTime() * 1000;
}

afterEach(() => ICAL.TimezoneService.reset());

describe('zoneTransitions', () => {
  it('finds the 2026 US changes to the minute', () => {
    const t = zoneTransitions('America/New_York', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(t.map((x) => [new Date(x.at).toISOString(), x.from, x.to, x.daylight, x.name])).toEqual([
      ['2026-03-08T07:00:00.000Z', -300, -240, true, 'EDT'],
      ['2026-11-01T06:00:00.000Z', -240, -300, false, 'EST'],
    ]);
  });

  it('finds the half-hour Lord Howe changes', () => {
    const t = zoneTransitions('Australia/Lord_Howe', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(t.map((x) => [new Date(x.at).toISOString(), x.from, x.to, x.daylight])).toEqual([
      // 02:00 local (+11) on the first Sunday of April → 01:30 (+10:30)
      ['2026-04-04T15:00:00.000Z', 660, 630, false],
      // 02:00 local (+10:30) on the first Sunday of October → 02:30 (+11)
      ['2026-10-03T15:30:00.000Z', 630, 660, true],
    ]);
  });

  it('finds none for a zone without daylight saving time', () => {
    expect(zoneTransitions('Asia/Kolkata', Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1))).toEqual([]);
  });

  it('rejects an unknown zone by name', () => {
    expect(() => zoneTransitions('Mars/Olympus', 0, HOUR)).toThrow(/Mars\/Olympus/);
  });
});

describe('formatUtcOffset', () => {
  it('writes ±hhmm', () => {
    expect([-300, 630, 0, 345, -570, -30].map(formatUtcOffset)).toEqual(['-0500', '+1030', '+0000', '+0545', '-0930', '-0030']);
  });
});

describe('vtimezoneLines', () => {
  it('writes yearly rules for New York with open-ended current rules', () => {
    const lines = vtimezoneLines('America/New_York', { fromYear: 2026, toYear: 2026 });
    expect(lines).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:America/New_York',
      'BEGIN:DAYLIGHT',
      'DTSTART:20240310T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
      'TZOFFSETFROM:-0500',
      'TZOFFSETTO:-0400',
      'TZNAME:EDT',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20241103T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
      'TZOFFSETFROM:-0400',
      'TZOFFSETTO:-0500',
      'TZNAME:EST',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('writes one STANDARD component for a zone without changes', () => {
    const lines = vtimezoneLines('Asia/Kolkata', { fromYear: 2026, toYear: 2027 });
    expect(lines.filter((l) => /^(BEGIN|END):(STANDARD|DAYLIGHT)/.test(l))).toEqual(['BEGIN:STANDARD', 'END:STANDARD']);
    expect(lines).toContain('TZOFFSETTO:+0530');
    expect(lines).toContain('TZOFFSETFROM:+0530');
  });

  it('closes a rule that stopped (São Paulo abolished DST in 2019)', () => {
    const lines = vtimezoneLines('America/Sao_Paulo', { fromYear: 2016, toYear: 2022 }).map(unfoldLines);
    const rrules = lines.filter((l) => l.startsWith('RRULE:'));
    expect(rrules.length).toBeGreaterThan(0);
    for (const rule of rrules) expect(rule).toMatch(/UNTIL=20(1[5-9])\d{4}T\d{6}Z/);
  });

  it('rejects an inverted year span', () => {
    expect(() => vtimezoneLines('Europe/Berlin', { fromYear: 2027, toYear: 2026 })).toThrow(/year span/);
  });

  // ical.js reads the generated data independently: every instant must get the tz data's local time.
  // [zone, fromYear, toYear, years checked past toYear]: regular zones far past the explicit scan (the
  // open-ended rules must be the tz rules), irregular Casablanca only as far as the scan writes out.
  const zones: Array<[zone: string, fromYear: number, toYear: number, beyond: number]> = [
    ['America/New_York', 2025, 2027, 17],
    ['Australia/Lord_Howe', 2025, 2027, 17],
    ['Pacific/Chatham', 2026, 2026, 17],
    ['Europe/Berlin', 2026, 2028, 17],
    ['Europe/Dublin', 2026, 2026, 17],
    ['America/Santiago', 2024, 2027, 17],
    ['America/Sao_Paulo', 2017, 2021, 17],
    ['Asia/Tehran', 2020, 2024, 17],
    ['Africa/Casablanca', 2024, 2026, 14],
    ['Asia/Kolkata', 2026, 2026, 17],
    ['America/Los_Angeles', 2006, 2008, 17],
    ['UTC', 2026, 2026, 17],
  ];
  // Each zone walks decades of transitions through ical.js: seconds on a busy machine, hence the long timeout.
  it.each(zones)('round-trips %s through ical.js, from %i to %i and %i years beyond', (zone, fromYear, toYear, beyond) => {
    const tz = icalZone(zone, fromYear, toYear);
    const start = Date.UTC(fromYear, 0, 1);
    const end = Date.UTC(toYear + beyond + 1, 0, 1);
    const mismatches: string[] = [];
    // Coarse samples everywhere, dense ones (every 10 minutes) within 3 hours of each change.
    const samples: number[] = [];
    for (let t = start; t < end; t += 31 * HOUR + 7 * 60_000) samples.push(t);
    for (const change of zoneTransitions(zone, start, end)) {
      for (let t = change.at - 3 * HOUR; t <= change.at + 3 * HOUR; t += 10 * 60_000) samples.push(t);
    }
    for (const t of samples) {
      const expected = Math.floor(t / 60_000) * 60_000;
      const viaIcal = icalInstantOfWallClock(tz, zone, expected);
      if (viaIcal !== undefined && viaIcal !== expected) {
        mismatches.push(`${DateTime.fromMillis(expected, { zone }).toISO()}: ical.js read it as ${new Date(viaIcal).toISOString()}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  }, 60_000);
});
