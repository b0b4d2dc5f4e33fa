/**
 * What the demo pages do beyond embedding the widgets, as a university web team could:
 *
 * - `?on=2022-10-05` shows the page as it read on that day. The seed pages are real, and most of their
 *   sessions are long past, so by default the widgets show what a visitor sees today; with `on`, every
 *   time-aware widget takes noon (UTC) of that day as its clock, a banner says so, and links between the
 *   demo pages keep the day.
 * - `?workshop=…&occurrence=…` (what the workshop list's RSVP links add) points the page's RSVP form
 *   at that session.
 *
 * Loaded as a module before the widgets' bundle, so the attributes are in place when the elements
 * upgrade.
 */
const params = new URLSearchParams(location.search);
const on = params.get('on');

if (on !== null) {
  const banner = document.createElement('p');
  banner.className = 'clock-banner';
  banner.setAttribute('role', 'status');
  const at = /^\d{4}-\d{2}-\d{2}$/.test(on) ? new Date(`${on}T12:00:00Z`) : undefined;
  if (at && !Number.isNaN(at.getTime()) && at.toISOString().startsWith(on)) {
    for (const el of document.querySelectorAll('mk-workshop-list, mk-rsvp-form, mk-curriculum')) el.setAttribute('now', at.toISOString());
    const day = new Intl.DateTimeFormat(document.documentElement.lang || 'en', { dateStyle: 'full', timeZone: 'UTC' }).format(at);
    const back = Object.assign(document.createElement('a'), { href: location.pathname, textContent: 'Back to today' });
    banner.append(`Showing this page as it read on ${day}: the widgets on it take that day as today. `, back);
    // Keep the day when moving between the demo's pages and when following an RSVP link.
    for (const a of document.querySelectorAll('.nav a')) {
      const url = new URL(a.href);
      url.searchParams.set('on', on);
      a.href = url.href;
    }
    for (const list of document.querySelectorAll('mk-workshop-list[rsvp-href]')) {
      const url = new URL(list.getAttribute('rsvp-href'), location.href);
      url.searchParams.set('on', on);
      list.setAttribute('rsvp-href', url.href);
    }
  } else {
    banner.classList.add('error');
    banner.textContent = `“on=${on}” in the address is not a date: write it as YYYY-MM-DD, for example ?on=2022-10-05. Showing the page as it reads today.`;
  }
  document.querySelector('.page')?.prepend(banner);
}

const workshop = params.get('workshop');
if (workshop) {
  for (const form of document.querySelectorAll('mk-rsvp-form')) {
    form.setAttribute('workshop-id', workshop);
    const occurrence = params.get('occurrence');
    if (occurrence) form.setAttribute('occurrence-id', occurrence);
    else form.removeAttribute('occurrence-id');
  }
}

// The widgets grow the page as their feeds arrive, after the browser has scrolled to the address's
// fragment (`#rsvp` from an RSVP link): scroll there again once they have all rendered, unless the
// visitor has scrolled meanwhile.
const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
if (target) {
  let moved = false;
  for (const type of ['wheel', 'touchmove', 'keydown']) addEventListener(type, () => (moved = true), { once: true, passive: true });
  const widgets = [...document.querySelectorAll('mk-workshop-list, mk-rsvp-form, mk-curriculum, mk-resource-list')];
  const settled = async (el) => {
    await customElements.whenDefined(el.localName);
    for (let i = 0; i < 50; i++) {
      await el.updateComplete;
      if (!el.shadowRoot?.querySelector('[aria-busy="true"]')) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  Promise.all(widgets.map(settled)).then(() => {
    if (!moved) target.scrollIntoView();
  });
}
