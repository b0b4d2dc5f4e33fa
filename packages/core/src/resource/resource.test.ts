import { describe, expect, it } from 'vitest';
import { parseCatalog, type CatalogInput } from '../catalog/index.js';
import { catalogJsonSchema } from '../export/json-schema.js';
import { buildFeed } from '../feed/build.js';
import { parseFeedResource } from '../feed/feed.schema.js';
import { resourceFormat } from './format.js';

const BASE = {
  version: 1,
  id: 'r',
  title: 'Resources',
  defaultTimeZone: 'America/New_York',
  organizations: [{ id: 'crlt-players', name: 'CRLT Players', kind: 'other' }],
  people: [{ id: 'lisa-fain', name: 'Lisa Fain', title: 'CEO', url: 'https://example.org/lisa' }],
} satisfies CatalogInput;

const WINDOW = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', now: '2026-01-05T12:00:00Z' };

function catalogWith(resources: unknown[]) {
  return { ...BASE, resources } as CatalogInput;
}

function errorsOf(resources: unknown[]) {
  const parsed = parseCatalog(catalogWith(resources));
  if (parsed.ok) throw new Error('expected the catalog to be rejected');
  return parsed.errors.map((e) => ({ path: e.pathText, message: e.message }));
}

function parsed(resources: unknown[]) {
  const result = parseCatalog(catalogWith(resources));
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.pathText}: ${e.message}`).join('\n'));
  return result.catalog;
}

const KEYNOTE = {
  id: 'keynote',
  kind: 'recording',
  title: 'Keynote: Bridging Differences for Better Mentoring',
  description: 'Most institutions today understand the benefits of having more diverse and inclusive learning environments.\n\nThis interactive keynote demonstrated how mentoring can drive inclusion.',
  presenters: [
    { role: 'Keynote speaker', person: 'lisa-fain', note: 'CEO of Center for Mentoring Excellence' },
    { role: 'Moderator', name: 'Ruben Gonzalez' },
    { role: 'Performers', organization: 'crlt-players' },
  ],
  related: [
    { relation: 'recording-of', resource: 'book' },
    { relation: 'accompanies', title: 'Bridging Differences for Better Mentoring: Lean Forward, Learn, Leverage', url: 'https://example.org/book', citation: 'Fain and Zachary, 2020' },
  ],
  format: 'mp4',
  image: { alt: 'Lisa Fain speaking at a lectern' },
};
const BOOK = { id: 'book', kind: 'book', title: 'The Mentor’s Guide', url: 'https://example.org/guide' };

describe('resource schema: presenters, related works, format, described images', () => {
  it('accepts the new fields and keeps catalogs without them as they were', () => {
    const catalog = parsed([KEYNOTE, BOOK, { id: 'slides', kind: 'slides', title: 'Slides', format: 'PPTX' }, { id: 'plain', kind: 'guide', title: 'Plain' }]);
    const [keynote, , slides, plain] = catalog.resources;
    expect(keynote!.presenters).toHaveLength(3);
    expect(keynote!.related?.[0]).toEqual({ relation: 'recording-of', resource: 'book' });
    expect(keynote!.image).toEqual({ alt: 'Lisa Fain speaking at a lectern' });
    expect(slides!.kind).toBe('slides');
    expect(plain).not.toHaveProperty('presenters');
    expect(plain).not.toHaveProperty('related');
    expect(plain).not.toHaveProperty('format');
  });

  it('accepts document, slides and handout kinds', () => {
    expect(parsed(['document', 'slides', 'handout'].map((kind) => ({ id: kind, kind, title: kind }))).resources.map((r) => r.kind)).toEqual([
      'document',
      'slides',
      'handout',
    ]);
  });

  it('rejects a presenter that is neither or both of person, organization and name, at its path', () => {
    expect(errorsOf([{ id: 'v', kind: 'video', title: 'V', presenters: [{ role: 'Presenter' }] }])).toContainEqual({
      path: 'resources[0].presenters[0]',
      message: expect.stringContaining('exactly one of person, organization or name'),
    });
    expect(errorsOf([{ id: 'v', kind: 'video', title: 'V', presenters: [{ role: 'Host', person: 'lisa-fain', name: 'Lisa' }] }])[0]?.path).toBe('resources[0].presenters[0]');
  });

  it('rejects a presenter without a role, and an empty role', () => {
    expect(errorsOf([{ id: 'v', kind: 'video', title: 'V', presenters: [{ name: 'Lisa Fain' }] }])[0]?.path).toBe('resources[0].presenters[0].role');
    expect(errorsOf([{ id: 'v', kind: 'video', title: 'V', presenters: [{ role: '  ', name: 'Lisa Fain' }] }])[0]).toMatchObject({
      path: 'resources[0].presenters[0].role',
    });
  });

  it('names an unknown person, organization or related resource, with a suggestion', () => {
    const errors = errorsOf([
      { id: 'v', kind: 'video', title: 'V', presenters: [{ role: 'Presenter', person: 'lisa-fian' }, { role: 'Troupe', organization: 'crlt' }], related: [{ relation: 'part-of', resource: 'boook' }] },
      BOOK,
    ]);
    expect(errors.map((e) => e.path)).toEqual(['resources[0].presenters[0].person', 'resources[0].presenters[1].organization', 'resources[0].related[0].resource']);
    expect(errors[0]!.message).toContain('lisa-fain');
    expect(errors[2]!.message).toContain('book');
  });

  it('rejects a related work with neither a resource nor a title, or with both', () => {
    expect(errorsOf([{ id: 'v', kind: 'video', title: 'V', related: [{ relation: 'based-on', url: 'https://example.org' }] }])).toContainEqual({
      path: 'resources[0].related[0].title',
      message: expect.stringContaining('needs resource'),
    });
    expect(errorsOf([BOOK, { id: 'v', kind: 'video', title: 'V', related: [{ relation: 'based-on', resource: 'book', title: 'Other' }] }])).toContainEqual({
      path: 'resources[1].related[0].resource',
      message: expect.stringContaining('not both'),
    });
    expect(errorsOf([{ id: 'v', kind: 'video', title: 'V', related: [{ relation: 'inspired-by', title: 'T' }] }])[0]?.path).toBe('resources[0].related[0].relation');
  });

  it('rejects an image without url unless it is described, and never a decorative one', () => {
    expect(errorsOf([{ id: 'v', kind: 'video', title: 'V', image: {} }])).toContainEqual({ path: 'resources[0].image.alt', message: expect.stringContaining('needs alt') });
    expect(errorsOf([{ id: 'v', kind: 'video', title: 'V', image: { alt: '   ' } }])[0]?.path).toBe('resources[0].image.alt');
    expect(errorsOf([{ id: 'v', kind: 'video', title: 'V', image: { alt: 'x', decorative: true } }])[0]?.path).toBe('resources[0].image.decorative');
    // Images with a url are as before: alt may be left out (lint asks for it), a bad url is still an error.
    expect(parsed([{ id: 'v', kind: 'video', title: 'V', image: { url: 'https://example.org/a.jpg', decorative: true } }]).resources[0]!.image?.url).toBe(
      'https://example.org/a.jpg',
    );
    expect(errorsOf([{ id: 'v', kind: 'video', title: 'V', image: { url: 'javascript:alert(1)', alt: 'x' } }])[0]?.path).toBe('resources[0].image.url');
  });

  it('rejects an empty format', () => {
    expect(errorsOf([{ id: 'v', kind: 'document', title: 'V', format: '' }])[0]?.path).toBe('resources[0].format');
  });
});

describe('resourceFormat', () => {
  it.each([
    ['PDF', 'PDF', 'application/pdf'],
    ['pdf', 'PDF', 'application/pdf'],
    ['.pdf', 'PDF', 'application/pdf'],
    ['application/pdf', 'PDF', 'application/pdf'],
    ['Application/PDF', 'PDF', 'application/pdf'],
    ['docx', 'DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'PPTX', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['jpg', 'JPEG', 'image/jpeg'],
  ])('%s → %s (%s)', (written, label, mediaType) => {
    expect(resourceFormat(written)).toEqual({ label, mediaType });
  });

  it('keeps what it does not know as written, with no guessed media type', () => {
    expect(resourceFormat('key')).toEqual({ label: 'KEY' });
    expect(resourceFormat('Google Doc')).toEqual({ label: 'Google Doc' });
    expect(resourceFormat('application/x-custom')).toEqual({ label: 'application/x-custom', mediaType: 'application/x-custom' });
  });
});

describe('resources in the feed', () => {
  const feed = buildFeed(parsed([KEYNOTE, BOOK, { id: 'plain', kind: 'guide', title: 'Plain' }]), WINDOW);
  const keynote = feed.resources[0]!;

  it('carry presenters with their roles, resolved to names', () => {
    expect(keynote.presenters).toEqual([
      { role: 'Keynote speaker', name: 'Lisa Fain', title: 'CEO', url: 'https://example.org/lisa', note: 'CEO of Center for Mentoring Excellence' },
      { role: 'Moderator', name: 'Ruben Gonzalez' },
      { role: 'Performers', name: 'CRLT Players' },
    ]);
  });

  it('carry related works with the other work’s title and url, from the catalog when it is there', () => {
    expect(keynote.related).toEqual([
      { relation: 'recording-of', title: 'The Mentor’s Guide', url: 'https://example.org/guide', resourceId: 'book' },
      { relation: 'accompanies', title: 'Bridging Differences for Better Mentoring: Lean Forward, Learn, Leverage', url: 'https://example.org/book', citation: 'Fain and Zachary, 2020' },
    ]);
  });

  it('carry the format as shown and its media type, and a described image without a url', () => {
    expect(keynote.format).toBe('MP4');
    expect(keynote.mediaType).toBe('video/mp4');
    expect(keynote.image).toEqual({ alt: 'Lisa Fain speaking at a lectern' });
    expect(keynote.description).toContain('\n\n');
  });

  it('leave the fields out when the catalog has none, and validate with the feed schema', () => {
    const plain = feed.resources[2]!;
    for (const key of ['presenters', 'related', 'format', 'mediaType', 'image']) expect(plain).not.toHaveProperty(key);
    for (const r of feed.resources) expect(parseFeedResource(JSON.parse(JSON.stringify(r)))).toMatchObject({ ok: true });
  });

  it('the feed schema rejects a bad relation or a related work without a title, at its path', () => {
    const bad = { ...keynote, related: [{ relation: 'inspired-by', title: 'T' }] };
    const result = parseFeedResource(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.path).toBe('related[0].relation');
    const untitled = parseFeedResource({ ...keynote, related: [{ relation: 'part-of' }] });
    expect(untitled.ok === false && untitled.errors[0]!.path).toBe('related[0].title');
  });
});

describe('JSON Schema of the new fields', () => {
  const json = catalogJsonSchema();
  const schema = JSON.stringify(json);
  /** The schema node titled `title`, wherever zod put it (inline or in $defs). */
  const titled = (title: string, node: unknown = json): Record<string, unknown> | undefined => {
    if (node === null || typeof node !== 'object') return undefined;
    if ((node as { title?: unknown }).title === title) return node as Record<string, unknown>;
    for (const child of Object.values(node)) {
      const found = titled(title, child);
      if (found) return found;
    }
    return undefined;
  };

  it('describes presenters, related works and format with examples', () => {
    for (const title of ['ResourcePresenter', 'RelatedWork']) {
      const node = titled(title);
      expect(node, title).toMatchObject({ description: expect.any(String), examples: expect.any(Array) });
      for (const [key, property] of Object.entries(node!.properties as Record<string, { description?: string }>)) {
        expect(property.description, `${title}.${key}`).toEqual(expect.any(String));
      }
    }
    for (const text of ['Keynote speaker', 'recording-of', 'application/pdf', 'Fain and Zachary, 2020', 'Leave it out for an image you can only describe']) {
      expect(schema).toContain(text);
    }
  });
});
