// Recurrence expansion: 500 weekly series (different weekdays and times, every fourth with EXDATEs) over a
// 15-week spring term in America/New_York, which crosses the start of daylight saving time on 8 March 2026.
// Baseline: rrule-temporal (a Temporal-based RRULE engine) on the same input in the same run. Both must
// produce the same instants before anything is timed.
import { RRuleTemporal } from 'rrule-temporal';
import { compare, row } from '../../../bench/lib.mjs';
import { expandOccurrences } from '../dist/index.js';

const ZONE = 'America/New_York';
const TERM_START = '2026-01-12T00:00:00-05:00';
const TERM_END = '2026-04-27T00:00:00-04:00';
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR'];
const pad = (n) => String(n).padStart(2, '0');

/** 500 series: weekday i mod 5, start times between 08:00 and 17:55, 60 or 90 minutes. */
function series() {
  const out = [];
  for (let i = 0; i < 500; i++) {
    const day = i % 5;
    const minutes = 8 * 60 + ((i * 37) % 120) * 5;
    const [h, m] = [Math.floor(minutes / 60), minutes % 60];
    const date = `2026-01-${pad(12 + day)}`;
    const length = i % 3 === 0 ? 90 : 60;
    const endMinutes = minutes + length;
    const exdates = i % 4 === 0 ? [`2026-03-${pad(16 + day)}T${pad(h)}:${pad(m)}`, `2026-02-${pad(16 + day)}T${pad(h)}:${pad(m)}`] : [];
    out.push({
      session: {
        id: `s${i}`,
        start: `${date}T${pad(h)}:${pad(m)}`,
        end: `${date}T${pad(Math.floor(endMinutes / 60))}:${pad(endMinutes % 60)}`,
        timeZone: ZONE,
        recurrence: { rrule: `FREQ=WEEKLY;BYDAY=${DAYS[day]};COUNT=15`, rdates: [], exdates },
        overrides: [],
        status: 'scheduled',
      },
      ics: [
        `DTSTART;TZID=${ZONE}:${date.replaceAll('-', '')}T${pad(h)}${pad(m)}00`,
        `RRULE:FREQ=WEEKLY;BYDAY=${DAYS[day]};COUNT=15`,
        ...exdates.map((x) => `EXDATE;TZID=${ZONE}:${x.replaceAll('-', '').replace(':', '')}00`),
      ].join('\n'),
    });
  }
  return out;
}

const window = { from: TERM_START, to: TERM_END };
const termFrom = new Date(TERM_START);
const termTo = new Date(TERM_END);

function ours(input) {
  const instants = [];
  for (const { session } of input) for (const o of expandOccurrences(session, window)) instants.push(Date.parse(o.start));
  return instants;
}

function theirs(input) {
  const instants = [];
  for (const { ics } of input) {
    for (const z of new RRuleTemporal({ rruleString: ics }).between(termFrom, termTo, true)) instants.push(z.epochMilliseconds);
  }
  return instants;
}

export default async function recurrenceBench() {
  const input = series();
  const a = ours(input);
  const b = theirs(input);
  if (a.length !== b.length || a.some((t, i) => t !== b[i])) {
    const i = a.findIndex((t, j) => t !== b[j]);
    throw new Error(`engines disagree: ${a.length} vs ${b.length} instants; first difference at ${i}: ${new Date(a[i]).toISOString()} vs ${new Date(b[i]).toISOString()}`);
  }
  const { ours: mine, baseline } = await compare(() => ours(input), () => theirs(input), { minTime: 1000 });
  return [
    row('recurrence: 500 weekly series × 15-week term (ms)', mine, 'ms', baseline, '≤ 1.0× rrule-temporal'),
    row('recurrence: occurrences expanded per run', a.length, 'count'),
  ];
}
