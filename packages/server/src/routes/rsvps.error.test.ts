import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST, rsvpBody } from '../../test/fixtures.js';
import { startHarness, type Harness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ capacity: 1, waitlist: false });
});
afterAll(() => h?.server.close());

const count = async () => (await h.admin('/admin/registrations')).body.registrations.length as number;

describe('POST /rsvps refuses clearly, and stores nothing', () => {
  it('names each invalid field', async () => {
    const res = await h.post('/rsvps', rsvpBody({}, { email: 'not-an-email', role: '' }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid');
    expect(res.body.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'body.person.email', message: expect.stringMatching(/e-mail/) },
        { path: 'body.person.role', message: 'role is required' },
      ]),
    );
  });

  it('answers schema violations with the path', async () => {
    const res = await h.post('/rsvps', { ...rsvpBody(), person: { name: 5 } });
    expect(res.status).toBe(422);
    expect(res.body.error.issues[0].path).toBe('body.person.name');
    const unknownField = await h.post('/rsvps', { ...rsvpBody(), extra: true });
    expect(unknownField.status).toBe(422);
  });

  it('refuses a body that is not JSON, or not declared as JSON', async () => {
    const broken = await h.server.request('/rsvps', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k-12345678' }, body: '{"workshopId":' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: 'bad-request', message: 'The body is not valid JSON.' } });
    const form = await h.server.request('/rsvps', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': 'k-12345678' }, body: 'a=b' });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ error: { code: 'unsupported-media-type' } });
  });

  it('requires an Idempotency-Key', async () => {
    const res = await h.server.request('/rsvps', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(rsvpBody()) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'idempotency-key-required' } });
    expect((await h.post('/rsvps', rsvpBody(), 'short')).status).toBe(400);
  });

  it('refuses the ineligible with core’s reason and the policy’s words', async () => {
    const res = await h.post('/rsvps', rsvpBody({}, { role: 'undergraduate' }));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'ineligible', message: 'You must be a graduate student or postdoc.' });
    expect(res.body.reason.code).toBe('ineligible');
  });

  it('words core’s reason in the form’s language', async () => {
    const es = await h.post('/rsvps', rsvpBody({ locale: 'es-MX' }, { role: 'undergraduate' }));
    expect(es.status).toBe(422);
    expect(es.body.reason.message).toMatch(/^Esto requiere que tu puesto sea .*; nos indicaste que es Undergraduate student\.$/);
    const en = await h.post('/rsvps', rsvpBody({ locale: 'en' }, { role: 'undergraduate' }));
    expect(en.body.reason.message).toMatch(/^This is for people whose role is .*; you told us your role is Undergraduate student\.$/);
  });

  it('refuses an unknown workshop or session, pointing at the field', async () => {
    expect((await h.post('/rsvps', rsvpBody({ workshopId: 'nope' }))).body.error.issues[0].path).toBe('body.workshopId');
    expect((await h.post('/rsvps', rsvpBody({ occurrenceId: 'first-s@2030-01-01T00:00' }))).body.error.issues[0].path).toBe('body.occurrenceId');
  });

  it('catches automated sends: the honeypot and a form filled too fast', async () => {
    expect((await h.post('/rsvps', rsvpBody({ website: 'http://spam.example' }))).status).toBe(422);
    const fast = await h.post('/rsvps', rsvpBody({ elapsedMs: 300 }));
    expect(fast.status).toBe(422);
    expect(fast.body.error.code).toBe('too-fast');
    expect((await h.post('/rsvps', rsvpBody({ elapsedMs: undefined }))).body.error.code).toBe('too-fast');
  });

  it('answers 409 when the session is full and there is no waiting list, and after the window closed', async () => {
    expect((await h.post('/rsvps', rsvpBody())).status).toBe(201);
    const full = await h.post('/rsvps', rsvpBody());
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('full');
    const past = await h.post('/rsvps', rsvpBody({ workshopId: 'past', occurrenceId: 'past-s@2026-01-20T12:00' }, { role: undefined as never, field: undefined as never }));
    expect(past.status).toBe(409);
    expect(past.body.error.code).toBe('closed');
  });

  it('holds one registration per person and occurrence, whatever the e-mail’s case', async () => {
    const h2 = await startHarness({ capacity: 5 });
    try {
      expect((await h2.post('/rsvps', rsvpBody({}, { email: 'Dup@Example.edu' }))).status).toBe(201);
      const again = await h2.post('/rsvps', rsvpBody({}, { email: ' dup@example.EDU ' }));
      expect(again.status).toBe(422);
      expect(again.body.error.code).toBe('duplicate');
    } finally {
      await h2.server.close();
    }
  });

  it('stored exactly the one accepted RSVP through all of the above', async () => {
    expect(await count()).toBe(1);
  });

  it('answers unknown paths and bad status queries with JSON', async () => {
    const missing = await h.get('/nowhere');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not-found');
    expect((await h.get('/rsvps/status?workshop=first')).status).toBe(422);
    expect((await h.get(`/rsvps/status?workshop=x&occurrence=${encodeURIComponent(FIRST.occurrenceId)}`)).status).toBe(404);
  });
});
