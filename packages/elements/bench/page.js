// Runs inside Chromium for elements.bench.mjs: the widget from the CDN bundle vs a hand-written DOM
// baseline building the same markup with createElement, in a shadow root with the same styles.
const feed = await (await fetch('/feed.json')).json();
const NOW = new Date(feed.generatedAt);
const VIEWER = 'Europe/Berlin';
await customElements.whenDefined('mk-workshop-list');
const List = customElements.get('mk-workshop-list');
const sheets = List.elementStyles.map((s) => s.styleSheet);

const formatters = new Map();
const dtf = (options) => {
  const key = JSON.stringify(options);
  if (!formatters.has(key)) formatters.set(key, new Intl.DateTimeFormat('en', options));
  return formatters.get(key);
};
const RANGE = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
const layout = (el) => el.getBoundingClientRect().height;

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) el.append(c);
  return el;
}

function baselineItem(w) {
  const t = NOW.getTime();
  const occs = w.occurrences.filter((o) => Date.parse(o.end) > t);
  const first = occs[0];
  const body = h('div', { class: 'body' },
    h('div', { class: 'head' }, h('h3', { class: 'title', part: 'title' }, w.title)),
    h('p', { class: 'meta', part: 'meta' }, ...w.programs.map((p) => h('span', null, p.title)), h('span', null, `${w.formats[0].durationMinutes} min`), h('span', null, w.modality)),
    h('p', { class: 'summary' }, w.summary),
    h('p', { class: 'audience' }, h('span', { class: 'label' }, 'For:'), ' ', w.audiences.map((a) => a.name).join(', ')),
  );
  if (occs.length) {
    body.append(h('ul', { class: 'sessions', part: 'sessions', role: 'list' }, ...occs.map((o) => {
      const start = new Date(o.start);
      const end = new Date(o.end);
      return h('li', { class: 'session', part: 'session' },
        h('span', { class: 'time', part: 'time' }, dtf({ ...RANGE, timeZone: o.timeZone }).formatRange(start, end)),
        h('span', { class: 'local-time', part: 'local-time' }, `Your time: ${dtf({ ...RANGE, timeZone: VIEWER }).formatRange(start, end)}`),
        h('span', { class: 'where' }, o.location.kind),
        h('div', { class: 'actions', part: 'actions' },
          h('button', { type: 'button', class: 'button', part: 'rsvp-button' }, 'RSVP', h('span', { class: 'visually-hidden' }, `: ${w.title}`)),
          h('details', { class: 'calendar', part: 'calendar' }, h('summary', null, 'Add to calendar')),
          h('span', { class: 'rsvp-note' }, `RSVP by ${dtf({ year: 'numeric', month: 'long', day: 'numeric', timeZone: o.timeZone }).format(new Date(o.rsvp.closes))}`)));
    })));
  }
  body.append(
    h('details', { class: 'objectives', part: 'objectives' }, h('summary', null, `Learning objectives (${w.objectives.length})`), h('ol', null, ...w.objectives.map((o) => h('li', null, o.statement)))),
    h('ul', { class: 'presenters', part: 'presenters' }, ...w.presenters.map((p) => h('li', null, h('span', { class: 'label' }, p.name), p.affiliation ? `, ${p.affiliation}` : '', ' ', h('span', { class: 'role' }, `(${p.role})`)))),
  );
  const leaf = first
    ? h('div', { class: 'leaf', part: 'date', 'aria-hidden': 'true' },
        h('span', { class: 'month' }, dtf({ month: 'short', timeZone: first.timeZone }).format(new Date(first.start))),
        h('span', { class: 'day' }, dtf({ day: 'numeric', timeZone: first.timeZone }).format(new Date(first.start))),
        h('span', { class: 'weekday' }, dtf({ weekday: 'short', timeZone: first.timeZone }).format(new Date(first.start))))
    : null;
  return h('li', { class: 'item', part: 'item' }, leaf, body);
}

window.renderBaseline = () => {
  const t0 = performance.now();
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets;
  const t = NOW.getTime();
  const upcoming = feed.workshops.filter((w) => w.occurrences.some((o) => Date.parse(o.end) > t));
  upcoming.sort((a, b) => Date.parse(a.occurrences.find((o) => Date.parse(o.end) > t).start) - Date.parse(b.occurrences.find((o) => Date.parse(o.end) > t).start));
  const list = h('ul', { class: 'list', part: 'list', role: 'list' }, ...upcoming.map(baselineItem));
  root.append(h('p', { class: 'count', part: 'count', role: 'status' }, `${upcoming.length} workshops`), list);
  document.body.append(host);
  layout(host);
  const elapsed = performance.now() - t0;
  host.remove();
  return elapsed;
};

window.renderOurs = async () => {
  const t0 = performance.now();
  const el = document.createElement('mk-workshop-list');
  el.now = NOW;
  el.viewerTimeZone = VIEWER;
  el.hideFilters = true;
  el.catalog = feed;
  document.body.append(el);
  await el.updateComplete;
  layout(el);
  const elapsed = performance.now() - t0;
  el.remove();
  return elapsed;
};

/** Median time from setting a filter to the updated, laid-out render, over `rounds` changes. */
window.filterOurs = async (rounds) => {
  const el = document.createElement('mk-workshop-list');
  el.now = NOW;
  el.viewerTimeZone = VIEWER;
  el.catalog = feed;
  document.body.append(el);
  await el.updateComplete;
  const samples = [];
  const steps = [{ audience: 'a2' }, { audience: '' }, { search: 'strategies' }, { search: '' }, { modality: 'hybrid' }, { modality: '' }];
  for (let i = 0; i < rounds; i++) {
    const step = steps[i % steps.length];
    const t0 = performance.now();
    Object.assign(el, step);
    await el.updateComplete;
    layout(el);
    samples.push(performance.now() - t0);
  }
  el.remove();
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], max: samples.at(-1), items: feed.workshops.length };
};
window.benchReady = true;
