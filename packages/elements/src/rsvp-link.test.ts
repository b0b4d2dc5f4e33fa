/** RSVP from the list with no script on the page: a declarative link to a form on the page or on another page. */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { userEvent } from 'vitest/browser';
import './define/all.js';
import type { MkRsvpForm } from './components/rsvp-form/rsvp-form.component.js';
import { SAMPLE_NOW, sampleFeed } from '../test/sample-feed.js';
import { $, $$, captureWarnings, expectAccessible, json, stubFetch, text, waitFor } from '../test/helpers.js';

afterEach(() => document.body.replaceChildren());

function page(html: string) {
  const stub = stubFetch((url) => (url.endsWith('/mentoring/feed.json') ? json(sampleFeed()) : json({}, 404)));
  onTestFinished(() => {
    stub.restore();
  });
  document.body.innerHTML = html;
  return stub;
}

const NOW = SAMPLE_NOW.toISOString();

describe('<mk-workshop-list rsvp-form>', () => {
  it('points the named form at the pressed session, shows it and moves focus to it (keyboard only)', async () => {
    const stub = page(`
      <mk-workshop-list src="/mentoring/feed.json" now="${NOW}" rsvp-form="rsvp"></mk-workshop-list>
      <mk-rsvp-form id="rsvp" src="/mentoring/feed.json" endpoint="/rsvp" now="${NOW}" hidden></mk-rsvp-form>`);
    const list = document.querySelector('mk-workshop-list')!;
    const form = document.querySelector<MkRsvpForm>('mk-rsvp-form')!;
    await waitFor(() => $$(list, '[part="rsvp-button"]').length > 0);
    expect(form.hidden).toBe(true);
    const button = $$<HTMLButtonElement>(list, '[part="rsvp-button"]')[0]!;
    expect(button.localName).toBe('button');
    button.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => form.shadowRoot?.querySelector('[part="title"]'));
    await form.updateComplete;
    expect(form.hidden).toBe(false);
    expect(text($(form, '[part="title"]'))).toBe('Preparing for a New Semester of Mentoring');
    expect(form.occurrenceId).toBe('new-semester-2026-01-08');
    expect(form.shadowRoot!.activeElement).toBe($(form, '[part="title"]'));
    // Tab goes on into the form's fields.
    await userEvent.keyboard('{Tab}');
    expect(form.shadowRoot!.activeElement?.id).toBe('f-name');
    // The list and the form share the feed's one request.
    expect(stub.calls.filter((c) => c.url.endsWith('/mentoring/feed.json'))).toHaveLength(1);
    await expectAccessible(form);
  });

  it('gives the form the list’s feed when the form has none of its own', async () => {
    page(`
      <mk-workshop-list src="/mentoring/feed.json" now="${NOW}" rsvp-form="rsvp"></mk-workshop-list>
      <mk-rsvp-form id="rsvp" now="${NOW}"></mk-rsvp-form>`);
    const list = document.querySelector('mk-workshop-list')!;
    const form = document.querySelector<MkRsvpForm>('mk-rsvp-form')!;
    await waitFor(() => $$(list, '[part="rsvp-button"]').length > 0);
    $$(list, '[part="rsvp-button"]')[1]!.click();
    await waitFor(() => text(form.shadowRoot?.querySelector('[part="title"]')) === 'Mentoring Up: Aligning Expectations');
    // Role choices come from the feed's vocabulary.
    await form.updateComplete;
    expect($$<HTMLOptionElement>(form, '#f-role option').map((o) => o.textContent)).toContain('Postdoctoral scholar');
  });

  it('uses the page’s only form without rsvp-form; a page may take over by cancelling mk-rsvp-request', async () => {
    page(`
      <mk-workshop-list src="/mentoring/feed.json" now="${NOW}"></mk-workshop-list>
      <mk-rsvp-form src="/mentoring/feed.json" now="${NOW}"></mk-rsvp-form>`);
    const list = document.querySelector('mk-workshop-list')!;
    const form = document.querySelector<MkRsvpForm>('mk-rsvp-form')!;
    await waitFor(() => $$(list, '[part="rsvp-button"]').length > 0);
    const cancel = (e: Event) => e.preventDefault();
    list.addEventListener('mk-rsvp-request', cancel, { once: true });
    $$(list, '[part="rsvp-button"]')[0]!.click();
    await form.updateComplete;
    expect(form.workshopId).toBeUndefined();
    $$(list, '[part="rsvp-button"]')[0]!.click();
    await waitFor(() => form.workshopId === 'new-semester');
  });

  it('tells the web team in the console when the named form is missing', async () => {
    const warnings = captureWarnings();
    page(`<mk-workshop-list src="/mentoring/feed.json" now="${NOW}" rsvp-form="nope"></mk-workshop-list>`);
    const list = document.querySelector('mk-workshop-list')!;
    await waitFor(() => $$(list, '[part="rsvp-button"]').length > 0);
    $$(list, '[part="rsvp-button"]')[0]!.click();
    expect(warnings).toEqual(['mentorkit: <mk-workshop-list rsvp-form="nope"> found no <mk-rsvp-form id="nope"> on the page']);
  });
});

describe('<mk-rsvp-form> on the page an rsvp-href links to', () => {
  it('takes the workshop and session from ?workshop=…&occurrence=…', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?workshop=mentoring-up-expectations&occurrence=mentoring-up-expectations-2026-03-04`);
    onTestFinished(() => history.replaceState(null, '', before));
    page(`<mk-rsvp-form src="/mentoring/feed.json" now="${NOW}"></mk-rsvp-form>`);
    const form = document.querySelector<MkRsvpForm>('mk-rsvp-form')!;
    await waitFor(() => form.shadowRoot?.querySelector('[part="title"]'));
    expect(text($(form, '[part="title"]'))).toBe('Mentoring Up: Aligning Expectations');
    expect(form.occurrenceId).toBe('mentoring-up-expectations-2026-03-04');
  });
});
