/**
 * A deterministic feed of `n` workshops for benchmarks and scale tests: varied audiences, themes,
 * programs, formats and modalities, one or two sessions each spread over a year from `now`.
 * @param {number} n
 * @param {Date} now
 */
export function largeFeed(n, now) {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const audiences = ['Faculty', 'Postdocs', 'Graduate students', 'Research officers', 'Department chairs', 'Staff'].map((name, i) => ({ id: `a${i}`, name }));
  const themes = ['Aligning expectations', 'Effective communication', 'Equity and inclusion', 'Fostering independence', 'Assessing understanding', 'Career development', 'Wellbeing', 'Ethics'].map((title, i) => ({ id: `t${i}`, title, curriculum: 'em' }));
  const programs = ['Advancing Mentorship Practices', 'Mentoring-Up Training', 'Chairs Forum', 'Postdoc Academy'].map((title, i) => ({ id: `p${i}`, title }));
  const zones = ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Europe/London'];
  const words = 'mentoring research mentee relationship strategies expectations feedback career independence inclusion communication goals plan'.split(' ');
  const sentence = (k) => Array.from({ length: k }, () => pick(words)).join(' ');
  const day = 86_400_000;
  const workshops = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 50 === 49 ? 'request-only' : 'scheduled';
    const minutes = pick([60, 90]);
    const modality = pick(['online', 'in-person', 'hybrid']);
    const occurrences = [];
    if (kind === 'scheduled') {
      const count = rand() < 0.2 ? 2 : 1;
      for (let k = 0; k < count; k++) {
        const start = new Date(now.getTime() + Math.floor((rand() * 400 - 35) * day / 3_600_000) * 3_600_000);
        const end = new Date(start.getTime() + minutes * 60_000);
        const zone = pick(zones);
        const iso = (d) => d.toISOString();
        occurrences.push({
          id: `w${i}-o${k}`,
          sessionId: 's1',
          start: iso(start),
          end: iso(end),
          timeZone: zone,
          localStart: iso(start).slice(0, 16),
          localEnd: iso(end).slice(0, 16),
          status: rand() < 0.05 ? 'cancelled' : 'scheduled',
          location: modality === 'online' ? { kind: 'online', platform: 'Zoom' } : { kind: modality, venue: `Hall ${i % 17}`, room: String(100 + (i % 40)), ...(modality === 'hybrid' ? { platform: 'Zoom' } : {}) },
          rsvp: { opens: iso(new Date(start.getTime() - 30 * day)), closes: iso(new Date(start.getTime() - day)), tierOpens: {} },
        });
      }
      occurrences.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    }
    workshops.push({
      id: `w${i}`,
      kind,
      title: `Workshop ${i}: ${sentence(4)}`,
      summary: `A ${minutes}-minute session on ${sentence(10)}.`,
      programs: [pick(programs)],
      audiences: [pick(audiences), ...(rand() < 0.3 ? [pick(audiences)] : [])].filter((a, j, all) => all.findIndex((b) => b.id === a.id) === j),
      objectives: Array.from({ length: 3 }, () => ({ statement: `Participants ${sentence(8)}.` })),
      themes: [pick(themes)],
      presenters: [{ role: 'facilitator', name: `Dr. Presenter ${i % 97}`, affiliation: 'Center for Teaching and Learning' }, { role: 'panelist', name: `Prof. Panel ${i % 53}` }],
      hosts: [],
      formats: [{ durationMinutes: minutes }],
      modality,
      notes: [],
      occurrences,
      ...(kind === 'request-only' ? { request: { method: 'email', email: 'mentoring@example.edu', whoText: 'Department chairs' } } : {}),
    });
  }
  return {
    version: 1,
    generatedAt: now.toISOString(),
    window: { from: new Date(now.getTime() - 365 * day).toISOString(), to: new Date(now.getTime() + 400 * day).toISOString() },
    catalog: { id: 'bench', title: 'Bench', language: 'en', defaultTimeZone: 'America/New_York' },
    vocabularies: { roles: [], fields: [] },
    programs,
    audiences,
    workshops,
    resources: [],
    curricula: [],
  };
}
