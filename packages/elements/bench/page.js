// Runs inside Chromium for elements.bench.mjs: the widget from the CDN bundle vs a hand-written DOM
// baseline building the same markup with createElement, in a shadow root with the same styles: the same
// elements, attributes and text, hidden optional lines included, with the same formatting work and event
// listeners. `sameMarkup` checks that before anything is timed, so the baseline cannot drift from the
// widget. It is written for the benchmark feed (large-feed.mjs), not for every feed.
const feed = await (await fetch('feed.json')).json();
const NOW = new Date(feed.generatedAt);
const VIEWER = 'Europe/Berlin';
await customElements.whenDefined('mk-workshop-list');
const List = customElements.get('mk-workshop-list');
const sheets = List.elementStyles.map((s) => s.styleSheet);

const FORMATS = {
  range: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
  date: { year: 'numeric', month: 'long', day: 'numeric' },
  offset: { timeZoneName: 'longOffset' },
  month: { month: 'short' },
  day: { day: 'numeric' },
  weekday: { weekday: 'short' },
};
const formatters = new Map();
/** The formatter of a kind in a zone, made once (constructing them is the expensive part). */
const dtf = (kind, timeZone) => {
  const key = `${kind}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat('en', { ...FORMATS[kind], timeZone })));
  return f;
};
const layout = (el) => el.getBoundingClientRect().height;
const range = (o, timeZone) => dtf('range', timeZone).formatRange(new Date(o.start), new Date(o.end));
const date = (iso, timeZone) => dtf('date', timeZone).format(new Date(iso));
const offset = (iso, timeZone) => dtf('offset', timeZone).formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName').value;
const duration = new Intl.DurationFormat('en', { style: 'short' });
const MODALITY = { online: 'Online', 'in-person': 'In person', hybrid: 'Hybrid' };
const ROLE = { facilitator: 'Facilitator', panelist: 'Panelist' };

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) el.append(c);
  return el;
}
/** An element that is always there and hidden while empty, as the widget renders optional lines. */
const optional = (tag, attrs, ...children) => {
  const el = h(tag, attrs, ...children);
  el.hidden = children.every((c) => c === '' || c === undefined);
  return el;
};

function baselineSession(w, o) {
  const t = NOW.getTime();
  const where = [MODALITY[o.location.kind], o.location.kind !== 'in-person' ? o.location.platform : undefined, [o.location.venue, o.location.room].filter(Boolean).join(', ')].filter(Boolean).join(' · ');
  const sameClock = o.timeZone === VIEWER || (offset(o.start, o.timeZone) === offset(o.start, VIEWER) && offset(o.end, o.timeZone) === offset(o.end, VIEWER));
  const li = h('li', { class: 'session', part: 'session' },
    optional('span', { class: 'label' }),
    h('span', { class: 'time', part: 'time' }, range(o, o.timeZone)),
    optional('span', { class: 'local-time', part: 'local-time' }, sameClock ? '' : `Your time: ${range(o, VIEWER)}`),
    optional('span', { class: 'where' }, where));
  if (o.status !== 'scheduled') {
    li.append(h('span', null, h('span', { class: `badge ${o.status === 'cancelled' ? 'danger' : 'warning'}`, part: 'badge' }, o.status === 'cancelled' ? 'Cancelled' : 'Postponed'), ' ', optional('span', { class: 'status-note' })));
  }
  if (Date.parse(o.end) <= t || o.status === 'cancelled') return li;
  const when = date(o.start, o.timeZone);
  const opens = Date.parse(o.rsvp.opens);
  const phase = Date.parse(o.rsvp.closes) <= t || Date.parse(o.start) <= t ? 'closed' : opens > t ? 'not-yet-open' : 'open';
  const note = phase === 'closed' ? 'RSVP closed' : phase === 'open' ? `RSVP by ${date(o.rsvp.closes, o.timeZone)}` : `RSVP opens ${date(o.rsvp.opens, o.timeZone)}`;
  const actions = h('div', { class: 'actions', part: 'actions' });
  if (phase !== 'closed') {
    const button = h('button', { type: 'button', class: 'button', part: 'rsvp-button' }, 'RSVP', h('span', { class: 'visually-hidden' }, `: ${w.title}, ${when}`));
    button.addEventListener('click', () => window.dispatchEvent(new CustomEvent('bench-rsvp', { detail: { workshopId: w.id, occurrenceId: o.id } })));
    actions.append(button);
  }
  const calendar = h('details', { class: 'calendar', part: 'calendar' }, h('summary', null, 'Add to calendar', h('span', { class: 'visually-hidden' }, `: ${w.title}, ${when}`)));
  calendar.addEventListener('toggle', () => calendar.open);
  actions.append(calendar, optional('span', { class: 'rsvp-note' }, note));
  li.append(actions);
  return li;
}

function baselineItem(w, occs, level) {
  const first = occs[0];
  const head = h('div', { class: 'head' }, h('h3', { class: 'title', part: 'title', ...(level === 3 ? {} : { 'aria-level': String(level) }) }, h('a', null, w.title)));
  if (w.kind === 'request-only') head.append(h('span', { class: 'badge accent', part: 'badge' }, 'On request'));
  const meta = [...w.programs.map((p) => p.title), ...w.formats.map((f) => duration.format(f.durationMinutes >= 60 ? { hours: Math.floor(f.durationMinutes / 60), minutes: f.durationMinutes % 60 } : { minutes: f.durationMinutes })), MODALITY[w.modality]].join(' · ');
  const body = h('div', { class: 'body' }, head,
    optional('p', { class: 'meta', part: 'meta' }, meta),
    optional('p', { class: 'summary' }, w.summary),
    h('p', { class: 'audience' }, h('span', { class: 'label' }, 'For:'), ` ${w.audiences.map((a) => a.name).join(', ')}`),
  );
  if (w.kind === 'request-only') {
    const r = w.request;
    body.append(h('div', { class: 'request', part: 'request' },
      h('p', { class: 'label' }, 'How to request'),
      h('p', null, `Who may request: ${r.whoText}`),
      h('p', null, h('a', { href: `mailto:${r.email}?subject=${encodeURIComponent(w.title)}` }, `Email ${r.email}`))));
  } else {
    body.append(h('ul', { class: 'sessions', part: 'sessions', role: 'list' }, ...occs.map((o) => baselineSession(w, o))));
  }
  body.append(
    h('details', { class: 'objectives', part: 'objectives' }, h('summary', null, `Learning objectives (${w.objectives.length})`), optional('p', null), h('ol', null, ...w.objectives.map((o) => h('li', null, o.statement)))),
    h('ul', { class: 'presenters', part: 'presenters', 'aria-label': 'Presenters' }, ...w.presenters.map((p) => h('li', null, h('a', { class: 'label' }, p.name), p.affiliation ? `, ${p.affiliation}` : '', ' ', h('span', { class: 'role' }, `(${ROLE[p.role]})`)))),
  );
  const leaf = h('div', { class: 'leaf', part: 'date', 'aria-hidden': 'true' },
    ...['month', 'day', 'weekday'].map((kind) => h('span', { class: kind }, first ? dtf(kind, first.timeZone).format(new Date(first.start)) : '')));
  leaf.hidden = !first;
  const classes = ['item', ...(occs.length ? [] : ['undated']), ...(occs.length && occs.every((o) => o.status === 'cancelled') ? ['cancelled'] : [])];
  return h('li', { class: classes.join(' '), part: 'item', 'data-workshop': w.id }, leaf, body);
}

/** The baseline's shadow root, as rendered by the last `renderBaseline` (for `sameMarkup`). */
let baselineRoot;

window.renderBaseline = () => {
  const t0 = performance.now();
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets;
  const t = NOW.getTime();
  const dated = [];
  const onRequest = [];
  for (const w of feed.workshops) {
    if (w.kind === 'request-only') onRequest.push(w);
    else {
      const occs = w.occurrences.filter((o) => Date.parse(o.end) > t);
      if (occs.length) dated.push({ w, occs });
    }
  }
  dated.sort((a, b) => Date.parse(a.occs[0].start) - Date.parse(b.occs[0].start));
  onRequest.sort((a, b) => a.title.localeCompare(b.title));
  const count = new Intl.NumberFormat('en').format(dated.length + onRequest.length);
  root.append(
    h('p', { class: 'count', part: 'count', role: 'status' }, `${count} workshops`),
    h('ul', { class: 'list', part: 'list', role: 'list' }, ...dated.map(({ w, occs }) => baselineItem(w, occs, 3))),
    h('p', { class: 'section-title', part: 'section-title', role: 'heading', 'aria-level': '3' }, 'Available on request'),
    h('ul', { class: 'list', part: 'list', role: 'list' }, ...onRequest.map((w) => baselineItem(w, [], 4))),
  );
  document.body.append(host);
  layout(host);
  const elapsed = performance.now() - t0;
  host.remove();
  baselineRoot = root;
  return elapsed;
};

/**
 * A tree's markup for comparison: elements with their attributes (class tokens sorted), text with
 * whitespace collapsed; comments (Lit's markers) and whitespace-only text between tags left out.
 */
function markup(node) {
  let out = '';
  let text = '';
  const flush = () => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t) out += t;
    text = '';
  };
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) text += child.data;
    else if (child.nodeType === Node.ELEMENT_NODE) {
      flush();
      const attrs = [...child.attributes].map((a) => `${a.name}="${a.name === 'class' ? a.value.split(/\s+/).filter(Boolean).sort().join(' ') : a.value}"`).sort();
      out += `<${child.localName}${attrs.map((a) => ` ${a}`).join('')}>${markup(child)}</${child.localName}>`;
    }
  }
  flush();
  return out;
}

/** Where the widget's and the baseline's markup first differ (null when they are the same). */
window.sameMarkup = async () => {
  const el = document.createElement('mk-workshop-list');
  Object.assign(el, { now: NOW, viewerTimeZone: VIEWER, hideFilters: true, catalog: feed });
  document.body.append(el);
  await el.updateComplete;
  const ours = markup(el.shadowRoot);
  el.remove();
  window.renderBaseline();
  const theirs = markup(baselineRoot);
  if (ours === theirs) return null;
  let i = 0;
  while (ours[i] === theirs[i]) i++;
  return { widget: ours.slice(Math.max(0, i - 200), i + 200), baseline: theirs.slice(Math.max(0, i - 200), i + 200) };
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

/**
 * Time until the widget shows its first screen of entries, laid out (the rest follows in slices): what a
 * reader waits for. The baseline builds everything in one task, so its first screen is its whole render.
 */
window.firstScreenOurs = async () => {
  const t0 = performance.now();
  const el = document.createElement('mk-workshop-list');
  Object.assign(el, { now: NOW, viewerTimeZone: VIEWER, hideFilters: true, catalog: feed });
  document.body.append(el);
  await new Promise((resolve) => {
    const seen = new MutationObserver(() => {
      if (!el.shadowRoot.querySelector('.item')) return;
      seen.disconnect();
      resolve();
    });
    seen.observe(el.shadowRoot, { childList: true, subtree: true });
  });
  layout(el);
  const elapsed = performance.now() - t0;
  await el.updateComplete;
  el.remove();
  return elapsed;
};

/**
 * Main-thread blocking while a page shows 1,000 workshops: long tasks (over 50 ms) from adding the
 * widget (or the baseline's markup) until every entry is rendered and laid out. Total blocking time is
 * the sum of each long task's time over 50 ms.
 */
async function blocking(render) {
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  await new Promise((r) => setTimeout(r, 50));
  const cleanup = await render();
  // Long-task entries arrive after their task: give them time to be reported.
  await new Promise((r) => setTimeout(r, 200));
  observer.disconnect();
  cleanup();
  return { tbt: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0), longest: Math.max(0, ...tasks) };
}

window.blockingOurs = () =>
  blocking(async () => {
    const el = document.createElement('mk-workshop-list');
    Object.assign(el, { now: NOW, viewerTimeZone: VIEWER, hideFilters: true, catalog: feed });
    document.body.append(el);
    await el.updateComplete;
    layout(el);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return () => el.remove();
  });

window.blockingBaseline = () =>
  blocking(async () => {
    window.renderBaseline();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return () => {};
  });

/** Median time from setting a filter to the updated, laid-out render, over `rounds` changes. */
const FILTER_STEPS = [{ audience: 'a2' }, { audience: '' }, { search: 'strategies' }, { search: '' }, { modality: 'hybrid' }, { modality: '' }];

/**
 * Times `rounds` filter changes (cycling through FILTER_STEPS), each from setting the filter to the
 * laid-out result; returns the times and how many workshops each of the first steps shows.
 */
async function timeFilters(rounds, apply) {
  const samples = [];
  const shown = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const count = await apply(FILTER_STEPS[i % FILTER_STEPS.length]);
    samples.push(performance.now() - t0);
    if (i < FILTER_STEPS.length) shown.push(count);
  }
  return { samples, shown };
}

window.filterOurs = async (rounds) => {
  const el = document.createElement('mk-workshop-list');
  el.now = NOW;
  el.viewerTimeZone = VIEWER;
  el.catalog = feed;
  document.body.append(el);
  await el.updateComplete;
  layout(el);
  const result = await timeFilters(rounds, async (step) => {
    Object.assign(el, step);
    await el.updateComplete;
    layout(el);
    return el.shadowRoot.querySelectorAll('.item:not([hidden])').length;
  });
  el.remove();
  return result;
};

const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * The same filter changes on the baseline's markup, by hand: each item's searchable text and sets are
 * computed once, and a change toggles `hidden` on every item and rewrites the count. (The widget also
 * keeps its filter form in step, a dozen elements; the baseline has none.)
 */
window.filterBaseline = async (rounds) => {
  window.renderBaseline();
  const host = baselineRoot.host;
  document.body.append(host);
  layout(host);
  const byId = new Map(feed.workshops.map((w) => [w.id, w]));
  const items = [...baselineRoot.querySelectorAll('.item')].map((li) => {
    const w = byId.get(li.dataset.workshop);
    const text = fold([w.title, w.summary, ...w.audiences.map((a) => a.name), ...w.presenters.map((p) => `${p.name} ${p.affiliation ?? ''}`), ...w.objectives.map((o) => o.statement), ...w.themes.map((t) => t.title), ...w.programs.map((p) => p.title)].join('\n'));
    return { li, text, audiences: new Set(w.audiences.map((a) => a.id)), modality: w.modality };
  });
  const count = baselineRoot.querySelector('.count');
  const [datedList, onRequestList] = baselineRoot.querySelectorAll('.list');
  const sectionTitle = baselineRoot.querySelector('.section-title');
  const numbers = new Intl.NumberFormat('en');
  const filters = { audience: '', search: '', modality: '' };
  const result = await timeFilters(rounds, (step) => {
    Object.assign(filters, step);
    const terms = fold(filters.search).split(/\s+/).filter(Boolean);
    let n = 0;
    let onRequest = 0;
    for (const item of items) {
      const show = (!filters.audience || item.audiences.has(filters.audience)) && (!filters.modality || item.modality === filters.modality) && terms.every((t) => item.text.includes(t));
      item.li.hidden = !show;
      if (show) n++;
      if (show && item.li.parentElement === onRequestList) onRequest++;
    }
    datedList.hidden = n === onRequest;
    sectionTitle.hidden = onRequestList.hidden = onRequest === 0;
    count.textContent = `${numbers.format(n)} ${n === 1 ? 'workshop' : 'workshops'}`;
    layout(host);
    return n;
  });
  host.remove();
  return result;
};
window.benchReady = true;
