/**
 * The demo's RSVP path as a visitor walks it in Chromium, against the real RSVP service on its embedded
 * database: an eligible person's request is recorded, an ineligible one is refused with the reason, a full
 * session waitlists, and a cancellation from the manage page moves the next person up.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '@mentorkit/server';
import { startDemo } from '../serve.mjs';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';

let browser: Browser;
let demo: Awaited<ReturnType<typeof startDemo>>;
const dataDir = mkdtempSync(join(tmpdir(), 'mk-demo-'));

beforeAll(async () => {
  if (!existsSync(new URL('../dist/index.html', import.meta.url))) throw new Error('apps/demo/dist is missing: run the build first (pnpm build)');
  demo = await startDemo({ port: 0, dataDir, logger: silentLogger });
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${demo.url}/${path}`);
  await page.locator('mk-rsvp-form').getByLabel(/Full name/).waitFor();
  return page;
}

/** Fills the form as a person would and sends it (after the minimum time a person takes to fill a form). */
async function rsvp(page: Page, person: { name: string; email: string; role: string; field?: string }): Promise<string> {
  const form = page.locator('mk-rsvp-form');
  await form.getByLabel(/Full name/).fill(person.name);
  await form.getByLabel(/^Email/).fill(person.email);
  await form.getByLabel(/^Role/).selectOption(person.role);
  if (person.field) await form.getByLabel(/^Field or discipline/).selectOption(person.field);
  await page.waitForTimeout(2_100);
  await form.getByRole('button', { name: /^(Send RSVP|Join the waitlist)$/ }).click();
  const result = form.locator('.result, .error-summary').first();
  await result.waitFor();
  return (await result.innerText()).replace(/\s+/g, ' ');
}

describe('the Mentoring Up page, as it read on 5 October 2022', () => {
  it('records an eligible person’s request, to be allocated when RSVP closes', async () => {
    const page = await open('mentoring-up.html?on=2022-10-05');
    const text = await rsvp(page, { name: 'Grace Hopper', email: 'grace@example.edu', role: 'postdoc', field: 'biosciences' });
    expect(text).toMatch(/Your request is received/);
    expect(text).toMatch(/Manage or cancel your RSVP/);
    await page.close();
  });

  it('refuses an undergraduate with the policy’s reason, in the form and at the service', async () => {
    const page = await open('mentoring-up.html?on=2022-10-05');
    const text = await rsvp(page, { name: 'Alan Turing', email: 'alan@example.edu', role: 'undergraduate', field: 'biosciences' });
    expect(text).toMatch(/You must be a graduate student or postdoc/);
    // The service decides for itself: the same person sent without the form is refused with the reason.
    const answer = await page.evaluate(async () => {
      const feed = (await (await fetch('feeds/mentoring-up/feed.json')).json()) as { workshops: { id: string; occurrences: { id: string }[] }[] };
      const occurrence = feed.workshops.find((w) => w.id === 'mu-aligning-expectations')!.occurrences[0]!.id;
      const res = await fetch('api/rsvps', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ workshopId: 'mu-aligning-expectations', occurrenceId: occurrence, person: { name: 'Alan Turing', email: 'alan@example.edu', role: 'undergraduate', field: 'biosciences' }, answers: {}, elapsedMs: 30_000 }),
      });
      return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toEqual({ code: 'ineligible', message: 'You must be a graduate student or postdoc.' });
    await page.close();
  });
});

describe('the practice session', () => {
  it('fills two seats, waitlists the third person, and promotes them when someone cancels', async () => {
    const manage: string[] = [];
    for (const [i, expected] of [/You are registered/, /You are registered/, /You are on the waitlist.*Your place on the waitlist: 1/].entries()) {
      const page = await open('try-rsvp.html');
      // Seats come from the service's live status.
      if (i === 0) await page.locator('mk-rsvp-form').getByText('2 seats left.').waitFor();
      expect(await rsvp(page, { name: `Person ${i}`, email: `person${i}@example.edu`, role: 'graduate-student' })).toMatch(expected);
      manage.push((await page.locator('mk-rsvp-form').getByRole('link', { name: 'Manage or cancel your RSVP' }).getAttribute('href'))!);
      await page.close();
    }
    expect(manage[0]).toMatch(new RegExp(`^${demo.url}/api/manage#`));

    const first = await browser.newPage();
    first.on('dialog', (dialog) => void dialog.accept());
    await first.goto(manage[0]!);
    await expect.poll(() => first.locator('#sessions').innerText()).toMatch(/Confirmed/);
    await first.getByRole('button', { name: 'Cancel my RSVP' }).click();
    await expect.poll(() => first.locator('#sessions').innerText()).toMatch(/Cancelled/);
    await first.screenshot({ path: join(dataDir, 'manage.png') });

    const third = await browser.newPage();
    await third.goto(manage[2]!);
    await expect.poll(() => third.locator('#sessions').innerText()).toMatch(/Confirmed/);
    await third.close();
    await first.close();

    const status = await fetch(`${demo.url}/api/rsvps/status?workshop=practice-session&occurrence=${encodeURIComponent('practice-session-1@2022-10-26T12:00')}`);
    expect(await status.json()).toMatchObject({ capacity: 2, confirmed: 2, waitlisted: 0 });
  });
});
