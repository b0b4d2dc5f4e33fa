// Recurrence expansion against rrule-temporal (a Temporal-based RRULE engine), on several workloads, in
// the same run. The baseline runs as its users would run it at its fastest: a global Temporal polyfill
// (temporal-polyfill, loaded before rrule-temporal) and each rule parsed once, outside the timed code;
// only `between()` is timed. Our side is timed from the catalog's session (rule parsing included). Both
// must produce the same instants before anything is timed.
import { Temporal } from 'temporal-polyfill';
import { compare, row } from '../../../bench/lib.mjs';
import { expandOccurrences } from '../dist/index.js';

// The polyfill's Temporal as the global rrule-temporal looks for. Not 'temporal-polyfill/global': that
// also wraps Intl.DateTimeFormat for Temporal objects, which slows every Intl user in the process (luxon,
// so our side) by three to four times and would measure the wrapper, not the engines.
globalThis.Temporal ??= Temporal;
const { RRuleTemporal } = await import('rrule-temporal');

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR'];
const pad = (n) => String(n).padStart(2, '0');
const compact = (local) => `${local.replaceAll('-', '').replace(':', '')}00`;

/**
 * `count` series of one rule shape in `zone`: weekday i mod 5, start times between 08:00 and 17:55, 60 or
 * 90 minutes, every fourth with two EXDATEs (when `exdates` is given).
 */
function workload({ count, zone, firstMonday, rule, exdates }) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const day = i % 5;
    const minutes = 8 * 60 + ((i * 37) % 120) * 5;
    const [h, m] = [Math.floor(minutes / 60), minutes % 60];
    const date = `${firstMonday.slice(0, 8)}${pad(Number(firstMonday.slice(8)) + day)}`;
    const length = i % 3 === 0 ? 90 : 60;
    const endMinutes = minutes + length;
    const rrule = rule(DAYS[day]);
    const ex = exdates && i % 4 === 0 ? exdates(day).map((d) => `${d}T${pad(h)}:${pad(m)}`) : [];
    const session = {
      id: `s${i}`,
      start: `${date}T${pad(h)}:${pad(m)}`,
      end: `${date}T${pad(Math.floor(endMinutes / 60))}:${pad(endMinutes % 60)}`,
      timeZone: zone,
      recurrence: { rrule, rdates: [], exdates: ex },
      overrides: [],
      status: 'scheduled',
    };
    const ics = [`DTSTART;TZID=${zone}:${compact(`${date}T${pad(h)}:${pad(m)}`)}`, `RRULE:${rrule}`, ...ex.map((x) => `EXDATE;TZID=${zone}:${compact(x)}`)].join('\n');
    out.push({ session, rule: new RRuleTemporal({ rruleString: ics }) });
  }
  return out;
}

const WORKLOADS = [
  {
    name: '500 weekly series × 15-week term, America/New_York',
    window: { from: '2026-01-12T00:00:00-05:00', to: '2026-04-27T00:00:00-04:00' },
    input: () => workload({ count: 500, zone: 'America/New_York', firstMonday: '2026-01-12', rule: (d) => `FREQ=WEEKLY;BYDAY=${d};COUNT=15`, exdates: (day) => [`2026-03-${pad(16 + day)}`, `2026-02-${pad(16 + day)}`] }),
  },
  {
    name: '500 weekly series × 15 weeks, Europe/London',
    window: { from: '2026-01-12T00:00:00Z', to: '2026-04-27T00:00:00+01:00' },
    input: () => workload({ count: 500, zone: 'Europe/London', firstMonday: '2026-01-12', rule: (d) => `FREQ=WEEKLY;BYDAY=${d};COUNT=15`, exdates: (day) => [`2026-04-${pad(6 + day)}`, `2026-02-${pad(16 + day)}`] }),
  },
  {
    name: '100 daily series × one year, Europe/Berlin',
    window: { from: '2026-01-01T00:00:00+01:00', to: '2027-01-01T00:00:00+01:00' },
    input: () => workload({ count: 100, zone: 'Europe/Berlin', firstMonday: '2026-01-05', rule: () => 'FREQ=DAILY;UNTIL=20261231T225959Z' }),
  },
  {
    name: '200 monthly series (second weekday) × one year, America/Los_Angeles',
    // June 2026 starts on a Monday, so the 8th to the 12th are each the second of their weekday.
    window: { from: '2026-06-01T00:00:00-07:00', to: '2027-06-01T00:00:00-07:00' },
    input: () => workload({ count: 200, zone: 'America/Los_Angeles', firstMonday: '2026-06-08', rule: (d) => `FREQ=MONTHLY;BYDAY=2${d};COUNT=12` }),
  },
];

function ours(input, window) {
  const instants = [];
  for (const { session } of input) for (const o of expandOccurrences(session, window)) instants.push(Date.parse(o.start));
  return instants;
}

function theirs(input, from, to) {
  const instants = [];
  for (const { rule } of input) for (const z of rule.between(from, to, true)) instants.push(z.epochMilliseconds);
  return instants;
}

export default async function recurrenceBench() {
  const rows = [];
  for (const w of WORKLOADS) {
    const input = w.input();
    const from = new Date(w.window.from);
    const to = new Date(w.window.to);
    const a = ours(input, w.window);
    const b = theirs(input, from, to);
    if (a.length !== b.length || a.some((t, i) => t !== b[i])) {
      const i = a.findIndex((t, j) => t !== b[j]);
      throw new Error(`${w.name}: engines disagree: ${a.length} vs ${b.length} instants; first difference at ${i}: ${new Date(a[i]).toISOString()} vs ${new Date(b[i]).toISOString()}`);
    }
    const { ours: mine, baseline } = await compare(() => ours(input, w.window), () => theirs(input, from, to), { minTime: 800 });
    rows.push(row(`recurrence: ${w.name} (ms)`, mine, 'ms', baseline, '≤ 1.0× rrule-temporal'));
    rows.push(row(`recurrence: ${w.name}: occurrences`, a.length, 'count'));
  }
  return rows;
}
