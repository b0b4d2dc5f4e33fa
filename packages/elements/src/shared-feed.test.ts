/** Widgets of one page that show the same feed load it once. */
import { afterEach, expect, it } from 'vitest';
import './define/all.js';
import { SAMPLE_NOW, sampleFeed } from '../test/sample-feed.js';
import { json, stubFetch, waitFor } from '../test/helpers.js';

afterEach(() => document.body.replaceChildren());

it('a workshop list, an RSVP form and a resource list on one feed make one request', async () => {
  const stub = stubFetch((url) => (url.endsWith('/mentoring/feed.json') ? json(sampleFeed()) : json({}, 404)));
  try {
    document.body.innerHTML = `
      <mk-workshop-list src="/mentoring/feed.json" now="${SAMPLE_NOW.toISOString()}"></mk-workshop-list>
      <mk-rsvp-form src="/mentoring/feed.json" workshop-id="new-semester" now="${SAMPLE_NOW.toISOString()}"></mk-rsvp-form>
      <mk-resource-list src="/mentoring/feed.json"></mk-resource-list>`;
    const [list, form, resources] = [...document.body.children] as HTMLElement[];
    await waitFor(() => list!.shadowRoot?.querySelector('[part~="item"], li') && form!.shadowRoot?.querySelector('form') && resources!.shadowRoot?.querySelector('[part="empty"], mk-resource-card'));
    expect(stub.calls.filter((c) => c.url.endsWith('/mentoring/feed.json'))).toHaveLength(1);
  } finally {
    stub.restore();
  }
});
