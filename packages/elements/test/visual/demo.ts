/** A page for design review: the widgets on a plain university-like page, in a theme from the query. */
import '../../src/define/all.js';
import { SAMPLE_NOW, sampleFeed } from '../sample-feed.js';

const params = new URLSearchParams(location.search);
const theme = params.get('theme') ?? 'light';
/** The host page's scheme: `host=dark` or `host=light`, else the theme's (`theme=unset` leaves the attribute off). */
const host = params.get('host') ?? (theme === 'dark' ? 'dark' : 'light');
const widget = params.get('widget') ?? 'list';
document.documentElement.lang = params.get('lang') ?? 'en';
document.body.style.cssText = `margin:0;padding:32px;background:${host === 'dark' ? '#101418' : '#f7f7f5'};color:${host === 'dark' ? '#eee' : '#222'};font-family:Georgia,serif`;
const setTheme = (el: HTMLElement) => {
  if (theme !== 'unset') el.setAttribute('theme', theme);
};

if (widget === 'list') {
  const list = document.createElement('mk-workshop-list');
  setTheme(list);
  list.now = SAMPLE_NOW;
  list.viewerTimeZone = 'Europe/Berlin';
  list.catalog = sampleFeed();
  list.style.cssText = 'max-width:780px';
  if (params.get('view')) list.setAttribute('view', params.get('view')!);
  document.body.append(list);
  void list.updateComplete.then(() => {
    list.shadowRoot!.querySelector<HTMLDetailsElement>('details.objectives')?.setAttribute('open', '');
    list.shadowRoot!.querySelector<HTMLDetailsElement>('details.calendar')?.setAttribute('open', '');
  });
} else {
  const form = document.createElement('mk-rsvp-form');
  setTheme(form);
  form.catalog = sampleFeed();
  form.workshopId = params.get('workshop') ?? 'mentoring-up-expectations';
  form.now = new Date(params.get('now') ?? '2026-01-21T00:00:00Z');
  form.viewerTimeZone = 'America/New_York';
  document.body.append(form);
  void form.updateComplete.then(async () => {
    const role = form.shadowRoot!.querySelector<HTMLSelectElement>('#f-role');
    if (role) {
      role.value = 'graduate-student';
      role.dispatchEvent(new Event('change'));
    }
    await form.updateComplete;
    if (params.get('submit')) form.shadowRoot!.querySelector<HTMLElement>('[part="submit"]')?.click();
  });
}
