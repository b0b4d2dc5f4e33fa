import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../catalog/index.js';
import { toJsonLd } from './json-ld.js';
import type { Course, LearningResource } from './schema-org.js';

const NOW = '2026-01-05T12:00:00Z';

function nodesOf(resources: unknown[]) {
  const parsed = parseCatalog({
    version: 1,
    id: 'r',
    title: 'Resources',
    url: 'https://example.edu/mentoring',
    defaultTimeZone: 'America/New_York',
    organizations: [{ id: 'crlt-players', name: 'CRLT Players', kind: 'other' }],
    people: [{ id: 'lisa-fain', name: 'Lisa Fain', title: 'CEO' }],
    resources,
  });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.pathText}: ${e.message}`).join('\n'));
  return toJsonLd(parsed.catalog, { now: NOW, only: 'resources' }) as Array<LearningResource | Course>;
}

describe('JSON-LD of resources: presenters, format, related works, described images', () => {
  const [keynote, book, course] = nodesOf([
    {
      id: 'keynote',
      kind: 'recording',
      title: 'Keynote: Bridging Differences for Better Mentoring',
      presenters: [
        { role: 'Keynote speaker', person: 'lisa-fain', note: 'CEO of Center for Mentoring Excellence' },
        { role: 'Moderator', name: 'Ruben Gonzalez' },
        { role: 'Performers', organization: 'crlt-players' },
      ],
      related: [
        { relation: 'recording-of', resource: 'book' },
        { relation: 'accompanies', title: 'Bridging Differences for Better Mentoring', citation: 'Fain and Zachary, 2020' },
        { relation: 'part-of', title: 'Advancing Mentorship Practices keynotes', url: 'https://example.edu/keynotes' },
        { relation: 'version-of', title: 'The 2024 keynote' },
        { relation: 'has-part', title: 'Question and answer session' },
      ],
      format: 'application/pdf',
      image: { alt: 'Lisa Fain at a lectern' },
      authors: ['Lisa Fain'],
    },
    { id: 'book', kind: 'book', title: 'The Mentor’s Guide', url: 'https://example.org/guide', format: 'EPUB', image: { url: 'https://example.org/cover.jpg', alt: 'Cover' } },
    { id: 'course', kind: 'course', title: 'Course', format: 'Canvas course', related: [{ relation: 'based-on', resource: 'book' }], presenters: [{ role: 'Host', name: 'CTL' }] },
  ]);

  it('writes presenters as contributor Roles with the catalog’s role names, and keeps author for authors', () => {
    expect(keynote!.contributor).toEqual([
      { '@type': 'Role', roleName: 'Keynote speaker', contributor: { '@type': 'Person', name: 'Lisa Fain', jobTitle: 'CEO' }, description: 'CEO of Center for Mentoring Excellence' },
      { '@type': 'Role', roleName: 'Moderator', contributor: { '@type': 'Person', name: 'Ruben Gonzalez' } },
      { '@type': 'Role', roleName: 'Performers', contributor: { '@type': 'Organization', name: 'CRLT Players' } },
    ]);
    expect((keynote as LearningResource).author).toEqual([{ '@type': 'Person', name: 'Lisa Fain' }]);
  });

  it('writes the format as encodingFormat: the media type when known, else the name as written', () => {
    expect(keynote!.encodingFormat).toBe('application/pdf');
    expect(book!.encodingFormat).toBe('application/epub+zip');
    expect(course!.encodingFormat).toBe('Canvas course');
  });

  it('writes related works under schema.org’s relation properties, catalog resources by @id', () => {
    expect(keynote!.isBasedOn).toEqual([{ '@type': 'CreativeWork', '@id': 'https://example.edu/mentoring#resource/book', name: 'The Mentor’s Guide', url: 'https://example.org/guide' }]);
    expect(keynote!.about).toEqual([{ '@type': 'CreativeWork', name: 'Bridging Differences for Better Mentoring', creditText: 'Fain and Zachary, 2020' }]);
    expect(keynote!.isPartOf).toEqual([{ '@type': 'CreativeWork', name: 'Advancing Mentorship Practices keynotes', url: 'https://example.edu/keynotes' }]);
    expect(keynote!.exampleOfWork).toEqual([{ '@type': 'CreativeWork', name: 'The 2024 keynote' }]);
    expect(keynote!.hasPart).toEqual([{ '@type': 'CreativeWork', name: 'Question and answer session' }]);
    expect(course!['@type']).toBe('Course');
    expect(course!.isBasedOn?.[0]?.['@id']).toBe('https://example.edu/mentoring#resource/book');
    expect(course!.contributor?.[0]).toMatchObject({ roleName: 'Host', contributor: { name: 'CTL' } });
  });

  it('writes no image for an image that is only described, and the image of one that has a file', () => {
    expect(keynote).not.toHaveProperty('image');
    expect(JSON.stringify(keynote)).not.toContain('undefined');
    expect(book!.image).toEqual({ '@type': 'ImageObject', url: 'https://example.org/cover.jpg', caption: 'Cover' });
  });

  it('adds nothing for resources without the new fields', () => {
    const [plain] = nodesOf([{ id: 'p', kind: 'guide', title: 'Plain' }]);
    for (const key of ['contributor', 'encodingFormat', 'isBasedOn', 'isPartOf', 'exampleOfWork', 'about', 'hasPart', 'image']) expect(plain).not.toHaveProperty(key);
  });
});
