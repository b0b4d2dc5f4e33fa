import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseFeed } from '@mentorkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, countOf, demoCatalogs, fixtures, tempDir, type CliResult } from './support/cli.js';

const NOW = '2026-03-01T12:00:00Z';
const site = join(fixtures, 'site.yaml');
const dir = await tempDir();
const out = join(dir, 'site');

async function files(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name))).sort();
}
const read = (path: string): Promise<string> => readFile(join(out, path), 'utf8');
/** iCalendar folds long lines (RFC 5545 §3.1); unfold before searching. */
const unfold = (ics: string): string => ics.replace(/\r\n[ \t]/g, '');
const squash = (s: string): string => s.replace(/\s+/g, ' ');

let built: CliResult;
beforeAll(async () => {
  built = await cli(['build', site, '--out', out, '--now', NOW]);
});

describe('mentorkit build', () => {
  it('writes every output and says what it wrote, with sizes', async () => {
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    expect(await files(out)).toEqual([
      'audiences/mentors.ics',
      'audiences/trainees.ics',
      'calendar.ics',
      'case/entering-mentoring.json',
      'fallback/curriculum-entering-mentoring.html',
      'fallback/hide-title/program-mentoring-practices.html',
      'fallback/hide-title/program-mentoring-up.html',
      'fallback/program-mentoring-practices.html',
      'fallback/program-mentoring-up.html',
      'fallback/resource-list.html',
      'fallback/workshop-list.html',
      'feed.json',
      'jsonld.json',
      'programs/mentoring-practices.ics',
      'programs/mentoring-up.ics',
      'workshops/past-panel.jsonld',
      'workshops/to-go.jsonld',
      'workshops/twice-a-year.jsonld',
      'workshops/weekly-series.jsonld',
      'workshops/west-coast.jsonld',
    ]);
    expect(built.stdout).toMatch(/^wrote 20 files \(\d+(\.\d)? kB\) to \S+ in \d+\.\d s$/m);
    expect(built.stdout).toMatch(/^ {2}feed\.json\s+\d+(\.\d)? (B|kB)$/m);
    expect(built.stdout).toMatch(/^ {2}workshops\/west-coast\.jsonld\s+\d+(\.\d)? (B|kB)$/m);
  });

  it('writes a feed that core’s parseFeed accepts, with the default window of a year either side of --now', async () => {
    const parsed = parseFeed(JSON.parse(await read('feed.json')));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.feed.generatedAt).toBe('2026-03-01T12:00:00.000Z');
    expect(parsed.feed.window).toEqual({ from: '2025-03-01T12:00:00.000Z', to: '2027-03-01T12:00:00.000Z' });
    expect(parsed.feed.workshops.map((w) => w.id)).toEqual(['past-panel', 'weekly-series', 'west-coast', 'twice-a-year', 'to-go']);
    expect(parsed.feed.workshops.find((w) => w.id === 'weekly-series')?.occurrences).toHaveLength(4);
  });

  it('writes calendars of the whole catalog, per program and per audience', async () => {
    const all = unfold(await read('calendar.ics'));
    expect(all.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(countOf(all, /^BEGIN:VEVENT\r$/m)).toBeGreaterThanOrEqual(3);
    for (const title of ['Mentoring across differences (panel)', 'Mentoring Up on the West Coast']) expect(all).toContain(title);

    const up = unfold(await read('programs/mentoring-up.ics'));
    expect(up).toContain('SUMMARY:Mentoring Up on the West Coast');
    expect(up).not.toContain('Mentoring across differences');
    expect(up).toContain('Mentoring Up');

    const mentors = unfold(await read('audiences/mentors.ics'));
    expect(mentors).toContain('Mentoring across differences'); // its own audience
    expect(mentors).toContain('Entering Mentoring series'); // no audience of its own: its program's
    expect(mentors).not.toContain('West Coast');
  });

  it('writes JSON-LD per workshop and for the whole catalog', async () => {
    const one = JSON.parse(await read('workshops/west-coast.jsonld'));
    expect(one['@context']).toBe('https://schema.org');
    const events = one['@graph'].filter((n: { '@type': string }) => n['@type'] === 'EducationEvent');
    expect(events.map((e: { name: string; startDate: string }) => [e.name, e.startDate])).toEqual([['Mentoring Up on the West Coast', '2026-05-06T10:00:00-07:00']]);
    const graph = JSON.parse(await read('jsonld.json'));
    expect(graph['@context']).toBe('https://schema.org');
    const names = new Set(graph['@graph'].map((n: { name?: string }) => n.name));
    for (const title of ['Mentoring across differences (panel)', 'Mentoring Up on the West Coast', 'Mentoring compact']) expect(names).toContain(title);
  });

  it('makes JSON-LD ids absolute under --base-url', async () => {
    const target = join(dir, 'based');
    const base = 'https://www.test-university.edu/mentoring/';
    expect((await cli(['build', site, '--out', target, '--now', NOW, '--base-url', base])).code).toBe(0);
    const graph = JSON.parse(await readFile(join(target, 'workshops/west-coast.jsonld'), 'utf8'));
    const ids = graph['@graph'].map((n: { '@id'?: string }) => n['@id']).filter(Boolean);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id.startsWith(base)).toBe(true);
  });

  it('writes workshop HTML that escapes catalog text, splits upcoming from past, and shows dates in the event’s zone', async () => {
    const file = await read('fallback/workshop-list.html');
    // One script element, JSON-LD, first; the catalog's "<script>" title is escaped in it and in the HTML.
    expect(countOf(file, /<script/gi)).toBe(1);
    expect(countOf(file, /<\/script/gi)).toBe(1);
    expect(file.startsWith('<script type="application/ld+json">')).toBe(true);
    const page = file.replace(/^<script type="application\/ld\+json">[^]*?<\/script>\n/, '');
    expect(page).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Entering Mentoring series');
    expect(page).toContain('Four weekly sessions &amp; a &quot;capstone&quot;.');
    const upcoming = page.indexOf('<h2>Upcoming workshops</h2>');
    const past = page.indexOf('<h2>Past workshops</h2>');
    const unscheduled = page.indexOf('<h2>Not currently scheduled</h2>');
    const onRequest = page.indexOf('<h2>Offered on request</h2>');
    expect(upcoming).toBeGreaterThan(-1);
    expect(past).toBeGreaterThan(upcoming);
    expect(unscheduled).toBeGreaterThan(past);
    expect(onRequest).toBeGreaterThan(unscheduled);
    expect(page.slice(unscheduled, onRequest)).toContain('<p class="mk-schedule">Offered twice a year; dates follow.</p>');
    expect(page.indexOf('West Coast')).toBeLessThan(past);
    expect(page.indexOf('Mentoring across differences')).toBeGreaterThan(past);
    expect(page.indexOf('Workshops to go')).toBeGreaterThan(onRequest);
    const text = squash(page);
    expect(text).toMatch(/<time datetime="2026-05-06T10:00:00(\.000)?-07:00">Wednesday, May 6, 2026, 10:00 – 11:00 AM PDT<\/time>/);
    expect(text).toMatch(/<strong>Cancelled:<\/strong> <del><time datetime="2026-04-21T15:00:00(\.000)?-04:00">Tuesday, April 21, 2026, 3:00 – 4:30 PM EDT<\/time><\/del>/);
    expect(text).toContain('<a href="https://video.test-university.edu/panel">Recording</a> (institutional login; Panopto)');
    expect(text).toContain('<a href="mailto:mentoring@test-university.edu">mentoring@test-university.edu</a>');
  });

  it('carries the JSON-LD of the workshops and of the resources in their fallbacks, safe inside the script element', async () => {
    const scriptOf = (html: string): string => /^<script type="application\/ld\+json">([^]*?)<\/script>\n/.exec(html)![1]!;
    const workshops = scriptOf(await read('fallback/workshop-list.html'));
    expect(workshops).not.toMatch(/[<>&\u2028\u2029]/);
    const graph = JSON.parse(workshops) as { '@graph': Array<{ '@type': string; name: string; subEvent?: unknown[] }> };
    expect(graph['@graph'].map((n) => n['@type'])).not.toContain('LearningResource');
    expect(graph['@graph'].map((n) => n.name)).toContain("<script>alert('x')</script> Entering Mentoring series");
    const series = graph['@graph'].filter((n) => n['@type'] === 'EventSeries');
    expect(series.length).toBeGreaterThan(0);
    for (const s of series) expect(s.subEvent?.length).toBeGreaterThan(0);
    const resources = JSON.parse(scriptOf(await read('fallback/resource-list.html'))) as { '@graph': Array<{ name: string }> };
    expect(resources['@graph'].map((n) => n.name)).toContain('Mentoring compact');
    // The files, too, are written to be pasted into a script element.
    for (const file of ['jsonld.json', 'workshops/weekly-series.jsonld']) expect(await read(file)).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('writes a CASE package per curriculum that "mentorkit import" turns back into the same curriculum', async () => {
    const pkg = JSON.parse(await read('case/entering-mentoring.json')) as { CFDocument: { title: string }; CFItems: Array<{ fullStatement: string }> };
    expect(pkg.CFDocument.title).toBe('Entering Mentoring');
    const target = join(dir, 'imported.yaml');
    const imported = await cli(['import', join(out, 'case/entering-mentoring.json'), '--out', target, '--time-zone', 'America/Chicago']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^wrote \S+imported\.yaml: \d+ themes, \d+ objectives$/m);
    const checked = await cli(['check', target]);
    expect(checked.stdout + checked.stderr).toContain('no problems');
    expect(checked.code).toBe(0);
    const yaml = await readFile(target, 'utf8');
    expect(yaml).toContain('Define independence for <your> field & discipline.');
    expect(yaml).toContain('ordering: sequence');
    // Twice: refused without --force.
    expect((await cli(['import', join(out, 'case/entering-mentoring.json'), '--out', target])).code).toBe(2);
  });

  it('refuses to import what is not a CASE package, saying why', async () => {
    const bad = join(dir, 'not-case.json');
    await writeFile(bad, JSON.stringify({ CFDocument: { title: 'x' } }));
    const result = await cli(['import', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a CASE package');
    expect(result.stderr).toContain('CFDocument.identifier');
  });

  it('writes each program’s own content as HTML, and never prints a time the catalog marks unknown', async () => {
    const program = squash(await read('fallback/program-mentoring-up.html'));
    expect(program).toContain('<section class="mk-fallback mk-fallback-program" lang="en">');
    expect(program).toMatch(/<h2>(<a href="[^"]+">)?Mentoring Up/);
    const target = join(dir, 'demo-advancing');
    const demo = await cli(['build', join(demoCatalogs, 'advancing-mentorship.yaml'), '--out', target, '--now', '2025-01-15T12:00:00Z', '--from', '2020-01-01', '--to', '2028-01-01', '--accept', 'placeholder-text']);
    expect(demo.code, demo.stderr).toBe(0);
    const list = squash(await readFile(join(target, 'fallback/workshop-list.html'), 'utf8'));
    // Mentoring Monday Conversations: dates known, times not.
    expect(list).toContain('<time datetime="2025-02-06">Thursday, February 6, 2025</time>, time to be announced');
    expect(list).not.toMatch(/February 6, 2025, \d/);
    const columbia = squash(await readFile(join(target, 'fallback/program-advancing-mentorship-practices.html'), 'utf8'));
    // The introduction in its paragraphs.
    expect(columbia).toMatch(/<p>All Columbia graduate students and postdocs belong here[^<]*<\/p> <p>This initiative, hosted by the Office of the Provost/);
  });

  it('writes resource and curriculum HTML', async () => {
    const resources = squash(await read('fallback/resource-list.html'));
    expect(resources).toContain('<h3><a href="https://mentoring.test-university.edu/compact">Mentoring compact</a></h3>');
    expect(resources).toContain('A template for &quot;mentor &amp; mentee&quot; agreements.');
    expect(resources).toContain('Template · Center for Teaching &amp; Learning');
    expect(resources).toContain('Access: institutional login; Sign in with your university account');
    const curriculum = squash(await read('fallback/curriculum-entering-mentoring.html'));
    expect(curriculum).toContain('<h2>Entering Mentoring</h2>');
    expect(curriculum).toContain('<ol class="mk-themes">');
    expect(curriculum).toContain('<span class="mk-code">AE.1</span> Set clear expectations of the mentoring relationship.');
    expect(curriculum).toContain('Define independence for &lt;your&gt; field &amp; discipline.');
  });

  it('writes the same bytes whatever the host’s time zone', async () => {
    const a = join(dir, 'tz-a');
    const b = join(dir, 'tz-b');
    expect((await cli(['build', site, '--out', a, '--now', NOW], { env: { TZ: 'Pacific/Chatham' } })).code).toBe(0);
    expect((await cli(['build', site, '--out', b, '--now', NOW], { env: { TZ: 'America/Los_Angeles' } })).code).toBe(0);
    const names = await files(a);
    expect(await files(b)).toEqual(names);
    for (const name of names) expect(await readFile(join(b, name), 'utf8'), name).toBe(await readFile(join(a, name), 'utf8'));
  });

  it('reads --from and --to as days in the catalog’s zone', async () => {
    const windowed = join(dir, 'windowed');
    const r = await cli(['build', site, '--out', windowed, '--now', NOW, '--from', '2026-04-20', '--to', '2026-04-30']);
    expect(r.code).toBe(0);
    const feed = JSON.parse(await readFile(join(windowed, 'feed.json'), 'utf8'));
    expect(feed.window).toEqual({ from: '2026-04-20T04:00:00.000Z', to: '2026-04-30T04:00:00.000Z' });
    const series = feed.workshops.find((w: { id: string }) => w.id === 'weekly-series');
    expect(series.occurrences.map((o: { localStart: string }) => o.localStart)).toEqual(['2026-04-21T15:00', '2026-04-28T15:00']);
  });

  it('leaves outputs of an earlier build in place, unless --clean', async () => {
    const target = join(dir, 'clean');
    await mkdir(join(target, 'programs'), { recursive: true });
    await writeFile(join(target, 'programs/removed-program.ics'), 'stale');
    await writeFile(join(target, 'index.html'), 'the site’s own page');
    expect((await cli(['build', site, '--out', target, '--now', NOW])).code).toBe(0);
    expect(existsSync(join(target, 'programs/removed-program.ics'))).toBe(true);
    expect((await cli(['build', site, '--out', target, '--now', NOW, '--clean'])).code).toBe(0);
    expect(existsSync(join(target, 'programs/removed-program.ics'))).toBe(false);
    expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('the site’s own page');
    expect(existsSync(join(target, 'programs/mentoring-up.ics'))).toBe(true);
  });
});

describe('mentorkit build refuses', () => {
  it('a catalog with errors: exit 1, the same report as check, nothing written', async () => {
    const target = join(dir, 'refused');
    const r = await cli(['build', join(fixtures, 'broken-schema.yaml'), '--out', target]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const check = await cli(['check', join(fixtures, 'broken-schema.yaml')]);
    expect(r.stderr.startsWith(check.stdout)).toBe(true);
    expect(r.stderr).toContain('not built: fix the errors above first');
    expect(existsSync(target)).toBe(false);
  });

  it('a catalog with lint errors, unless the author accepts those codes by name', async () => {
    const seed = join(demoCatalogs, 'mentoring-up.yaml');
    const target = join(dir, 'accepted');
    const refused = await cli(['build', seed, '--out', target]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[placeholder-text]');
    expect(existsSync(target)).toBe(false);

    const built = await cli(['build', seed, '--out', target, '--accept', 'placeholder-text']);
    expect(built.code).toBe(0);
    expect(built.stderr).toContain('accepted with --accept placeholder-text');
    expect(existsSync(join(target, 'feed.json'))).toBe(true);

    const unknown = await cli(['build', seed, '--out', target, '--accept', 'placeholder']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"placeholder" is not one');
  });

  it('to go on when a file cannot be written: exit 1, naming the folder', async () => {
    const target = join(dir, 'blocked');
    await mkdir(target, { recursive: true });
    await writeFile(join(target, 'programs'), 'a file where the programs folder should go');
    const r = await cli(['build', site, '--out', target, '--now', NOW]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`mentorkit: could not write the build into "${target}"`);
    expect(r.stdout).toBe('');
  });

  it('a window that ends before it starts, an --out that is a file, and a missing catalog (exit 2)', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, '');
    const cases: [string[], string][] = [
      [['build', site, '--out', join(dir, 'w'), '--from', '2026-05-01', '--to', '2026-04-01'], 'must be before --to'],
      [['build', site, '--out', file], 'is a file, not a folder'],
      [['build', join(dir, 'missing.yaml'), '--out', join(dir, 'w')], 'cannot read catalog'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});

describe('mentorkit build on the seed catalogs', () => {
  const seeds = existsSync(demoCatalogs) ? readdirSync(demoCatalogs).filter((n) => /\.(ya?ml|json)$/.test(n)) : [];

  it('builds exactly those that check reports no errors for, each into a feed that parses', async () => {
    expect(seeds.length).toBeGreaterThan(0);
    for (const seed of seeds) {
      const file = join(demoCatalogs, seed);
      const check = JSON.parse((await cli(['check', file, '--now', NOW, '--format', 'json'])).stdout);
      const target = join(dir, 'seeds', seed);
      const r = await cli(['build', file, '--out', target, '--now', NOW, '--from', '2020-01-01T00:00:00Z', '--to', '2028-01-01T00:00:00Z']);
      if (check.summary.errors > 0) {
        expect(r.code, seed).toBe(1);
        expect(existsSync(join(target, 'feed.json')), seed).toBe(false);
        continue;
      }
      expect(r.code, `${seed}: ${r.stderr}`).toBe(0);
      const parsed = parseFeed(JSON.parse(await readFile(join(target, 'feed.json'), 'utf8')));
      if (!parsed.ok) throw new Error(`${seed}: ${JSON.stringify(parsed.errors)}`);
      // Every workshop of the feed appears once in the no-JavaScript list.
      const html = await readFile(join(target, 'fallback/workshop-list.html'), 'utf8');
      expect(countOf(html, /<li class="mk-workshop">/), seed).toBe(parsed.feed.workshops.length);
    }
  }, 120_000);
});
