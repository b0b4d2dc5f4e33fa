// The RRULE examples of RFC 5545 §3.8.5.3, expanded through the public engine exactly as a catalog session
// would be: DTSTART;TZID=America/New_York, 09:00 unless the example says otherwise. Every example of the
// section is here; rrule expresses all of them. One example's published result disagrees with its own UNTIL
// (see "every 3 hours"), and the engine follows the normative UNTIL.
import { describe, expect, it } from 'vitest';
import { SessionSchema } from '../session/session.schema.js';
import { expandOccurrences } from './expand.js';

const ZONE = 'America/New_York';

/** `19970902` → 09:00 that day; `19970902T1530` → that time. */
function local(token: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2}))?$/.exec(token);
  if (!m) throw new Error(`bad token ${token}`);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '09'}:${m[5] ?? '00'}`;
}

function expand(start: string, rrule: string, options: { exdates?: string[]; to?: string } = {}) {
  const s = local(start);
  const session = SessionSchema.parse({
    id: 'rfc',
    start: s,
    end: s.replace(/T(\d{2}):(\d{2})$/, (_m, h: string, mi: string) => `T${h}:${mi === '00' ? '30' : '59'}`),
    timeZone: ZONE,
    recurrence: { rrule, exdates: (options.exdates ?? []).map(local) },
  });
  return expandOccurrences(session, { from: '1996-01-01T00:00:00Z', to: options.to ?? '2011-01-01T00:00:00Z' });
}

const starts = (start: string, rrule: string, options?: { exdates?: string[]; to?: string }) => expand(start, rrule, options).map((o) => o.localStart);
const days = (list: string) => list.split(/\s+/).filter(Boolean).map(local);

const JANUARIES = [1998, 1999, 2000].flatMap((y) => Array.from({ length: 31 }, (_, d) => `${y}01${String(d + 1).padStart(2, '0')}`)).join(' ');
const SEP2_TO_DEC23 = (() => {
  const out: string[] = [];
  for (const [month, first, last] of [[9, 2, 30], [10, 1, 31], [11, 1, 30], [12, 1, 23]] as const) {
    for (let d = first; d <= last; d++) out.push(`1997${String(month).padStart(2, '0')}${String(d).padStart(2, '0')}`);
  }
  return out.join(' ');
})();

// [what the RFC calls it, DTSTART, RRULE, the RFC's result (a prefix of it for rules that run forever), window end]
const EXAMPLES: [string, string, string, string, string?][] = [
  ['Daily for 10 occurrences', '19970902', 'FREQ=DAILY;COUNT=10', '19970902 19970903 19970904 19970905 19970906 19970907 19970908 19970909 19970910 19970911'],
  ['Daily until December 24, 1997', '19970902', 'FREQ=DAILY;UNTIL=19971224T000000Z', SEP2_TO_DEC23],
  ['Every other day - forever', '19970902', 'FREQ=DAILY;INTERVAL=2', '19970902 19970904 19970906 19970908 19970910 19970912 19970914 19970916 19970918 19970920 19970922 19970924 19970926 19970928 19970930 19971002 19971004 19971006 19971008 19971010 19971012 19971014 19971016 19971018 19971020 19971022 19971024 19971026 19971028 19971030 19971101 19971103', '1997-11-04T00:00:00-05:00'],
  ['Every 10 days, 5 occurrences', '19970902', 'FREQ=DAILY;INTERVAL=10;COUNT=5', '19970902 19970912 19970922 19971002 19971012'],
  ['Every day in January, for 3 years (yearly form)', '19980101', 'FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA', JANUARIES],
  ['Every day in January, for 3 years (daily form)', '19980101', 'FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1', JANUARIES],
  ['Weekly for 10 occurrences', '19970902', 'FREQ=WEEKLY;COUNT=10', '19970902 19970909 19970916 19970923 19970930 19971007 19971014 19971021 19971028 19971104'],
  ['Weekly until December 24, 1997', '19970902', 'FREQ=WEEKLY;UNTIL=19971224T000000Z', '19970902 19970909 19970916 19970923 19970930 19971007 19971014 19971021 19971028 19971104 19971111 19971118 19971125 19971202 19971209 19971216 19971223'],
  ['Every other week - forever', '19970902', 'FREQ=WEEKLY;INTERVAL=2;WKST=SU', '19970902 19970916 19970930 19971014 19971028 19971111 19971125 19971209 19971223 19980106 19980120 19980203 19980217', '1998-02-18T00:00:00-05:00'],
  ['Weekly on Tuesday and Thursday for five weeks (UNTIL)', '19970902', 'FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH', '19970902 19970904 19970909 19970911 19970916 19970918 19970923 19970925 19970930 19971002'],
  ['Weekly on Tuesday and Thursday for five weeks (COUNT)', '19970902', 'FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH', '19970902 19970904 19970909 19970911 19970916 19970918 19970923 19970925 19970930 19971002'],
  ['Every other week on Monday, Wednesday, and Friday until December 24, 1997', '19970901', 'FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR', '19970901 19970903 19970905 19970915 19970917 19970919 19970929 19971001 19971003 19971013 19971015 19971017 19971027 19971029 19971031 19971110 19971112 19971114 19971124 19971126 19971128 19971208 19971210 19971212 19971222'],
  ['Every other week on Tuesday and Thursday, for 8 occurrences', '19970902', 'FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH', '19970902 19970904 19970916 19970918 19970930 19971002 19971014 19971016'],
  ['Monthly on the first Friday for 10 occurrences', '19970905', 'FREQ=MONTHLY;COUNT=10;BYDAY=1FR', '19970905 19971003 19971107 19971205 19980102 19980206 19980306 19980403 19980501 19980605'],
  ['Monthly on the first Friday until December 24, 1997', '19970905', 'FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR', '19970905 19971003 19971107 19971205'],
  ['Every other month on the first and last Sunday of the month for 10 occurrences', '19970907', 'FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU', '19970907 19970928 19971102 19971130 19980104 19980125 19980301 19980329 19980503 19980531'],
  ['Monthly on the second-to-last Monday of the month for 6 months', '19970922', 'FREQ=MONTHLY;COUNT=6;BYDAY=-2MO', '19970922 19971020 19971117 19971222 19980119 19980216'],
  ['Monthly on the third-to-the-last day of the month, forever', '19970928', 'FREQ=MONTHLY;BYMONTHDAY=-3', '19970928 19971029 19971128 19971229 19980129 19980226', '1998-03-01T00:00:00-05:00'],
  ['Monthly on the 2nd and 15th of the month for 10 occurrences', '19970902', 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15', '19970902 19970915 19971002 19971015 19971102 19971115 19971202 19971215 19980102 19980115'],
  ['Monthly on the first and last day of the month for 10 occurrences', '19970930', 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1', '19970930 19971001 19971031 19971101 19971130 19971201 19971231 19980101 19980131 19980201'],
  ['Every 18 months on the 10th thru 15th of the month for 10 occurrences', '19970910', 'FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15', '19970910 19970911 19970912 19970913 19970914 19970915 19990310 19990311 19990312 19990313'],
  ['Every Tuesday, every other month', '19970902', 'FREQ=MONTHLY;INTERVAL=2;BYDAY=TU', '19970902 19970909 19970916 19970923 19970930 19971104 19971111 19971118 19971125 19980106 19980113 19980120 19980127 19980303 19980310 19980317 19980324 19980331', '1998-04-01T00:00:00-05:00'],
  ['Yearly in June and July for 10 occurrences', '19970610', 'FREQ=YEARLY;COUNT=10;BYMONTH=6,7', '19970610 19970710 19980610 19980710 19990610 19990710 20000610 20000710 20010610 20010710'],
  ['Every other year on January, February, and March for 10 occurrences', '19970310', 'FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3', '19970310 19990110 19990210 19990310 20010110 20010210 20010310 20030110 20030210 20030310'],
  ['Every third year on the 1st, 100th, and 200th day for 10 occurrences', '19970101', 'FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200', '19970101 19970410 19970719 20000101 20000409 20000718 20030101 20030410 20030719 20060101'],
  ['Every 20th Monday of the year, forever', '19970519', 'FREQ=YEARLY;BYDAY=20MO', '19970519 19980518 19990517', '2000-01-01T00:00:00Z'],
  ['Monday of week number 20, forever', '19970512', 'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO', '19970512 19980511 19990517', '2000-01-01T00:00:00Z'],
  ['Every Thursday in March, forever', '19970313', 'FREQ=YEARLY;BYMONTH=3;BYDAY=TH', '19970313 19970320 19970327 19980305 19980312 19980319 19980326 19990304 19990311 19990318 19990325', '2000-01-01T00:00:00Z'],
  ['Every Thursday, but only during June, July, and August, forever', '19970605', 'FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8', '19970605 19970612 19970619 19970626 19970703 19970710 19970717 19970724 19970731 19970807 19970814 19970821 19970828 19980604 19980611 19980618 19980625 19980702 19980709 19980716 19980723 19980730 19980806 19980813 19980820 19980827 19990603 19990610 19990617 19990624 19990701 19990708 19990715 19990722 19990729 19990805 19990812 19990819 19990826', '2000-01-01T00:00:00Z'],
  ['The first Saturday that follows the first Sunday of the month, forever', '19970913', 'FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13', '19970913 19971011 19971108 19971213 19980110 19980207 19980307 19980411 19980509 19980613', '1998-07-01T00:00:00Z'],
  ['Every 4 years, the first Tuesday after a Monday in November, forever (U.S. Presidential Election day)', '19961105', 'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8', '19961105 20001107 20041102', '2005-01-01T00:00:00Z'],
  ['The third instance into the month of one of Tuesday, Wednesday, or Thursday, for the next 3 months', '19970904', 'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3', '19970904 19971007 19971106'],
  ['The second-to-last weekday of the month', '19970929', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2', '19970929 19971030 19971127 19971230 19980129 19980226 19980330', '1998-04-01T00:00:00-05:00'],
  ['Every 15 minutes for 6 occurrences', '19970902', 'FREQ=MINUTELY;INTERVAL=15;COUNT=6', '19970902T0900 19970902T0915 19970902T0930 19970902T0945 19970902T1000 19970902T1015'],
  ['Every hour and a half for 4 occurrences', '19970902', 'FREQ=MINUTELY;INTERVAL=90;COUNT=4', '19970902T0900 19970902T1030 19970902T1200 19970902T1330'],
  ['WKST=MO: days generated depend on the week start', '19970805', 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO', '19970805 19970810 19970819 19970824'],
  ['WKST=SU: changing only WKST yields different results', '19970805', 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU', '19970805 19970817 19970819 19970831'],
  ['An invalid date (February 30) is ignored', '20070115', 'FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5', '20070115 20070130 20070215 20070315 20070330'],
];

describe('RFC 5545 §3.8.5.3 examples (America/New_York)', () => {
  it.each(EXAMPLES)('%s', (_what, start, rrule, expected, to) => {
    expect(starts(start, rrule, to ? { to } : {})).toEqual(days(expected));
  });

  it('Every Friday the 13th, forever (DTSTART excluded with EXDATE, as in the RFC)', () => {
    expect(starts('19970902', 'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13', { exdates: ['19970902'], to: '2001-01-01T00:00:00Z' })).toEqual(
      days('19980213 19980313 19981113 19990813 20001013'),
    );
  });

  it('Every 20 minutes from 9:00 AM to 4:40 PM every day, in both of the RFC forms', () => {
    const day = (d: string) => [9, 10, 11, 12, 13, 14, 15, 16].flatMap((h) => [0, 20, 40].map((m) => `1997-09-0${d}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`));
    const to = '1997-09-04T00:00:00-04:00';
    expect(starts('19970902', 'FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40', { to })).toEqual([...day('2'), ...day('3')]);
    expect(starts('19970902', 'FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16', { to })).toEqual([...day('2'), ...day('3')]);
  });

  it('Every 3 hours from 9:00 AM to 5:00 PM: UNTIL=19970902T170000Z is 13:00 EDT, so 15:00 is past it', () => {
    // The RFC lists 09:00, 12:00 and 15:00, which its own UNTIL (a UTC instant) contradicts.
    expect(starts('19970902', 'FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z')).toEqual(['1997-09-02T09:00', '1997-09-02T12:00']);
    expect(starts('19970902', 'FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z')).toEqual(['1997-09-02T09:00', '1997-09-02T12:00', '1997-09-02T15:00']);
  });

  it('keeps 9:00 local across the 1997 fall-back: EDT (-04:00) until October 25, EST (-05:00) from October 26', () => {
    const out = expand('19970902', 'FREQ=DAILY;UNTIL=19971224T000000Z');
    const byDay = new Map(out.map((o) => [o.localStart.slice(0, 10), o.start]));
    expect(byDay.get('1997-09-02')).toBe('1997-09-02T09:00:00.000-04:00');
    expect(byDay.get('1997-10-25')).toBe('1997-10-25T09:00:00.000-04:00');
    expect(byDay.get('1997-10-26')).toBe('1997-10-26T09:00:00.000-05:00');
    expect(byDay.get('1997-12-23')).toBe('1997-12-23T09:00:00.000-05:00');
    expect(out.every((o) => o.localEnd === o.localStart.replace('T09:00', 'T09:30'))).toBe(true);
  });

  it('reads a UTC UNTIL as an instant: 20000131T140000Z is 09:00 EST, so January 31 2000 is included and 13:59:59Z excludes it', () => {
    expect(starts('19980101', 'FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1').at(-1)).toBe('2000-01-31T09:00');
    expect(starts('19980101', 'FREQ=DAILY;UNTIL=20000131T135959Z;BYMONTH=1').at(-1)).toBe('2000-01-30T09:00');
  });
});
