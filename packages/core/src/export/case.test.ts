import { describe, expect, it } from 'vitest';
import { loadDemoCatalog } from '../../test/seed-helpers.js';
import { parseCatalog, type Catalog, type CatalogInput } from '../catalog/index.js';
import { creativeCommonsUrl, toCase, type CasePackage } from './case.js';
import { isUuid } from './uuid.js';

const NOW = '2026-01-05T12:00:00Z';
const BASE = 'https://example.edu/ims/case/v1p0';
const SEEDS = ['advancing-mentorship.yaml', 'mentoring-up.yaml', 'mentoring-resources.yaml'] as const;

const seedCurricula = SEEDS.flatMap((file) => {
  const catalog = loadDemoCatalog(file);
  return catalog.curricula.map((c) => [`${file} ${c.id}`, catalog, c.id] as const);
});

function packageOf(catalog: Catalog, curriculumId: string, now: string = NOW): CasePackage {
  return toCase(catalog.curricula.find((c) => c.id === curriculumId)!, catalog, { now, baseUri: BASE });
}

describe('toCase on the seed curricula', () => {
  it('covers every curriculum of the seeds', () => {
    expect(seedCurricula.length).toBeGreaterThanOrEqual(3);
  });

  it.each(seedCurricula)('%s: items, associations and identifiers', (_, catalog, id) => {
    const curriculum = catalog.curricula.find((c) => c.id === id)!;
    const pkg = packageOf(catalog, id);
    const objectives = curriculum.themes.flatMap((t) => t.objectives);
    expect(pkg.CFItems).toHaveLength(curriculum.themes.length + objectives.length + curriculum.variants.length);
    expect(pkg.CFItems.filter((i) => i.CFItemType === 'Curriculum Variant').map((i) => i.fullStatement)).toEqual(curriculum.variants.map((v) => v.title));
    expect(pkg.CFItems.filter((i) => i.CFItemType === 'Competency').map((i) => i.fullStatement)).toEqual(curriculum.themes.map((t) => t.title));
    expect(pkg.CFItems.filter((i) => i.CFItemType === 'Learning Objective').map((i) => i.fullStatement)).toEqual(objectives.map((o) => o.statement));

    // Every item is a child of exactly one node: objectives of their theme, themes of the document.
    const childOf = pkg.CFAssociations.filter((a) => a.associationType === 'isChildOf');
    const itemIds = pkg.CFItems.map((i) => i.identifier);
    // Variants stand outside the hierarchy: themes point to them (isPartOf) when offered only in them.
    for (const item of pkg.CFItems.filter((i) => i.CFItemType === 'Curriculum Variant')) expect(childOf.filter((a) => a.originNodeURI.identifier === item.identifier)).toEqual([]);
    for (const item of pkg.CFItems.filter((i) => i.CFItemType !== 'Curriculum Variant')) {
      const parents = childOf.filter((a) => a.originNodeURI.identifier === item.identifier);
      expect(parents, item.fullStatement).toHaveLength(1);
      const parent = parents[0]!.destinationNodeURI.identifier;
      if (item.CFItemType === 'Competency') expect(parent).toBe(pkg.CFDocument.identifier);
      else expect(pkg.CFItems.find((i) => i.identifier === parent)?.CFItemType).toBe('Competency');
    }
    for (const theme of curriculum.themes) {
      const themeItem = pkg.CFItems.find((i) => i.CFItemType === 'Competency' && i.fullStatement === theme.title)!;
      const children = childOf.filter((a) => a.destinationNodeURI.identifier === themeItem.identifier).sort((a, b) => a.sequenceNumber! - b.sequenceNumber!);
      expect(children.map((a) => a.originNodeURI.title)).toEqual(theme.objectives.map((o) => o.statement));
    }

    const all = [
      pkg.CFDocument.identifier,
      ...itemIds,
      ...pkg.CFAssociations.map((a) => a.identifier),
      ...pkg.CFDefinitions.CFItemTypes.map((t) => t.identifier),
      ...(pkg.CFDefinitions.CFLicenses ?? []).map((l) => l.identifier),
    ];
    for (const identifier of all) expect(isUuid(identifier), identifier).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    // Links point at objects of the package.
    for (const a of childOf) expect([pkg.CFDocument.identifier, ...itemIds]).toContain(a.destinationNodeURI.identifier);
    for (const i of pkg.CFItems) expect(pkg.CFDefinitions.CFItemTypes.map((t) => t.identifier)).toContain(i.CFItemTypeURI.identifier);
    for (const i of pkg.CFItems) expect(i.uri).toBe(`${BASE}/CFItems/${i.identifier}`);

    expect(pkg.CFDocument).toMatchObject({ title: curriculum.title, language: catalog.language, lastChangeDateTime: '2026-01-05T12:00:00+00:00', adoptionStatus: 'Adopted' });
    if (curriculum.provenance?.url) expect(pkg.CFDocument.officialSourceURL).toBe(curriculum.provenance.url);
  });

  it.each(seedCurricula)('%s: identifiers are stable across runs and clocks, and differ by base URI', (_, catalog, id) => {
    const ids = (p: CasePackage) => [p.CFDocument.identifier, ...p.CFItems.map((i) => i.identifier), ...p.CFAssociations.map((a) => a.identifier)];
    const first = packageOf(catalog, id);
    expect(packageOf(catalog, id)).toEqual(first);
    expect(ids(packageOf(catalog, id, '2030-06-01T00:00:00Z'))).toEqual(ids(first));
    const elsewhere = toCase(catalog.curricula.find((c) => c.id === id)!, catalog, { now: NOW, baseUri: 'https://other.edu/case' });
    expect(ids(elsewhere).filter((x) => ids(first).includes(x))).toEqual([]);
  });
});

describe('toCase details', () => {
  const input: CatalogInput = {
    version: 1,
    id: 'fx',
    title: 'Fixture',
    defaultTimeZone: 'UTC',
    language: 'en-GB',
    organizations: [{ id: 'cimer', name: 'CIMER' }],
    curricula: [
      {
        id: 'em',
        title: 'Entering Mentoring',
        provenance: { authors: ['Pfund, C.', 'Branchaw, J.'], organization: 'cimer', license: 'CC BY-NC-SA 4.0', citation: 'Entering Mentoring, 2nd ed.', version: '2' },
        themes: [
          {
            id: 'ae',
            title: 'Aligning Expectations',
            description: 'Shared understanding.',
            objectives: [
              { id: 'ae1', statement: 'Set expectations', code: 'EM.AE.1', caseItemUri: 'https://case.example.org/uri/3f2b0c6e-1a2b-4c3d-8e9f-0a1b2c3d4e5f' },
              { id: 'ae2', statement: 'Revisit them', caseItemUri: 'https://case.example.org/items/ae2' },
            ],
          },
        ],
      },
    ],
  };
  const parsed = parseCatalog(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const catalog = parsed.catalog;
  const pkg = toCase(catalog.curricula[0]!, catalog, { now: new Date(NOW), baseUri: `${BASE}/` });

  it('fills the document from provenance, with the licence as a CFLicense', () => {
    expect(pkg.CFDocument).toMatchObject({
      creator: 'Pfund, C.; Branchaw, J.',
      publisher: 'CIMER',
      version: '2',
      language: 'en-GB',
      notes: 'Entering Mentoring, 2nd ed.\nAuthors: Pfund, C.; Branchaw, J.\nLicense: CC BY-NC-SA 4.0',
      uri: `${BASE}/CFDocuments/${pkg.CFDocument.identifier}`,
    });
    const [license] = pkg.CFDefinitions.CFLicenses!;
    expect(license).toMatchObject({ title: 'CC BY-NC-SA 4.0', licenseText: 'CC BY-NC-SA 4.0: https://creativecommons.org/licenses/by-nc-sa/4.0/' });
    expect(pkg.CFDocument.licenseURI).toEqual({ title: 'CC BY-NC-SA 4.0', identifier: license!.identifier, uri: license!.uri });
  });

  it('writes codes as humanCodingScheme and CASE links as exactMatchOf', () => {
    const objective = pkg.CFItems.find((i) => i.fullStatement === 'Set expectations')!;
    expect(objective.humanCodingScheme).toBe('EM.AE.1');
    const matches = pkg.CFAssociations.filter((a) => a.associationType === 'exactMatchOf');
    expect(matches.map((a) => [a.originNodeURI.identifier === objective.identifier, a.destinationNodeURI.uri, a.destinationNodeURI.identifier])).toEqual([
      [true, 'https://case.example.org/uri/3f2b0c6e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', '3f2b0c6e-1a2b-4c3d-8e9f-0a1b2c3d4e5f'],
      [false, 'https://case.example.org/items/ae2', expect.toSatisfy(isUuid)],
    ]);
    expect(pkg.CFItems.find((i) => i.CFItemType === 'Competency')!.notes).toBe('Shared understanding.');
  });

  it('rejects a bad base URI, clock or foreign curriculum by name', () => {
    const curriculum = catalog.curricula[0]!;
    expect(() => toCase(curriculum, catalog, { now: NOW, baseUri: 'example.edu' })).toThrow(/baseUri/);
    expect(() => toCase(curriculum, catalog, { now: 'soon', baseUri: BASE })).toThrow(/options\.now/);
    expect(() => toCase({ ...curriculum, id: 'other' }, catalog, { now: NOW, baseUri: BASE })).toThrow(/curriculum "other" is not in catalog "fx"/);
  });
});

describe('creativeCommonsUrl', () => {
  it.each([
    ['CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
    ['cc-by-nc-nd 3.0', 'https://creativecommons.org/licenses/by-nc-nd/3.0/'],
    ['CC0', 'https://creativecommons.org/publicdomain/zero/1.0/'],
    ['All rights reserved', undefined],
  ])('%s → %s', (name, url) => expect(creativeCommonsUrl(name)).toBe(url));
});
