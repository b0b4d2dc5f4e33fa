import { describe, expect, it } from 'vitest';
import { loadDemoCatalog } from '../../test/seed-helpers.js';
import { parseCatalog, type Catalog, type CatalogInput } from '../catalog/index.js';
import type { Curriculum } from '../curriculum/curriculum.schema.js';
import { toCase, type CasePackage } from './case.js';
import { fromCase, parseCasePackage, slugId } from './case-import.js';

const NOW = '2026-01-05T12:00:00Z';
const BASE = 'https://example.edu/ims/case/v1p0';
const SEEDS = ['advancing-mentorship.yaml', 'mentoring-up.yaml', 'mentoring-resources.yaml'] as const;

/**
 * A curriculum as another institution sees it: ids replaced by what they name (a variant by its title
 * and audiences' names), people credited by name. Units, delivery options, the curricula it builds on
 * and the resources holding a theme's objectives are the adopting institution's own (CASE has no place
 * for them); its objective and disciplines travel (document notes and subject).
 */
interface CurriculumLike {
  title: string;
  description?: string | undefined;
  objective?: string | undefined;
  disciplines?: string[] | undefined;
  ordering?: string | undefined;
  variants?: Array<{ id: string; title: string; description?: string | undefined; audiences: string[] }> | undefined;
  themes: Array<{ title: string; description?: string | undefined; variants?: string[] | undefined; objectives?: Array<{ statement: string; code?: string | undefined }> | undefined }>;
  provenance?:
    | { authors?: string[] | undefined; people?: string[] | undefined; license?: string | undefined; url?: string | undefined; version?: string | undefined; citation?: string | undefined; organization?: string | undefined }
    | undefined;
}
type Named = Array<{ id: string; name: string }>;

function meaning(cur: CurriculumLike, catalog: { audiences?: Named; people?: Named; organizations?: Named }) {
  const audiences = catalog.audiences ?? [];
  const people = catalog.people ?? [];
  const organizations = catalog.organizations ?? [];
  const variantTitle = new Map((cur.variants ?? []).map((v) => [v.id, v.title]));
  const p = cur.provenance;
  return {
    title: cur.title,
    description: cur.description,
    objective: cur.objective,
    disciplines: cur.disciplines?.length ? cur.disciplines : undefined,
    ordering: cur.ordering ?? 'any',
    variants: (cur.variants ?? []).map((v) => ({ title: v.title, description: v.description, audiences: v.audiences.map((a) => audiences.find((x) => x.id === a)?.name ?? a) })),
    themes: cur.themes.map((t) => ({
      title: t.title,
      description: t.description,
      variants: t.variants?.map((v) => variantTitle.get(v)),
      objectives: (t.objectives ?? []).map((o) => ({ statement: o.statement, code: o.code })),
    })),
    provenance: p && {
      authors: [...(p.authors ?? []), ...(p.people ?? []).map((id) => people.find((x) => x.id === id)?.name)],
      license: p.license,
      url: p.url,
      version: p.version,
      citation: p.citation,
      organization: p.organization !== undefined ? organizations.find((o) => o.id === p.organization)?.name : undefined,
    },
  };
}

function roundTrip(catalog: Catalog, curriculum: Curriculum): { pkg: CasePackage; back: ReturnType<typeof fromCase> } {
  const pkg = toCase(curriculum, catalog, { now: NOW, baseUri: BASE });
  // Through JSON text, as a published package arrives.
  const parsed = parseCasePackage(JSON.parse(JSON.stringify(pkg)));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return { pkg, back: fromCase(parsed.package, { curriculumId: curriculum.id }) };
}

describe('fromCase: catalog → CASE → the same curriculum', () => {
  const cases = SEEDS.flatMap((file) => {
    const catalog = loadDemoCatalog(file);
    return catalog.curricula.map((c) => [`${file} ${c.id}`, catalog, c] as const);
  });

  it.each(cases)('%s', (_, catalog, curriculum) => {
    const { pkg, back } = roundTrip(catalog, curriculum);
    const expected = meaning(curriculum, catalog);
    // With no organization of its own, the package names the catalog's publisher: that is who published it.
    if (expected.provenance && expected.provenance.organization === undefined && pkg.CFDocument.publisher !== undefined) expected.provenance.organization = pkg.CFDocument.publisher;
    expect(meaning(back.curriculum, { audiences: back.audiences, organizations: back.organizations })).toEqual(JSON.parse(JSON.stringify(expected)));
    // The imported curriculum is a valid catalog, ids and all, and its objectives point at the published items.
    const imported = parseCatalog({ version: 1, id: 'adopter', title: 'Adopter', defaultTimeZone: 'UTC', audiences: back.audiences, organizations: back.organizations, curricula: [back.curriculum] });
    expect(imported.ok ? [] : imported.errors.map((e) => e.message)).toEqual([]);
    for (const o of back.curriculum.themes.flatMap((t) => t.objectives ?? [])) expect(pkg.CFItems.map((i) => i.uri)).toContain(o.caseItemUri);
  });

  it('keeps a theme offered to one audience only, and a sequence, both ways', () => {
    const input: CatalogInput = {
      version: 1,
      id: 'v',
      title: 'V',
      defaultTimeZone: 'UTC',
      audiences: [
        { id: 'mentors', name: 'Research mentors' },
        { id: 'mentees', name: 'Graduate students' },
      ],
      curricula: [
        {
          id: 'c',
          title: 'Curriculum',
          ordering: 'sequence',
          variants: [
            { id: 'mentor', title: 'Mentor version', audiences: ['mentors'] },
            { id: 'mentee', title: 'Mentee version', audiences: ['mentees'], description: 'For mentees.' },
          ],
          themes: [
            { id: 'a', title: 'Aligning Expectations', objectives: [{ id: 'a1', statement: 'Align.', code: 'EM.AE.1', caseItemUri: 'https://case.example/CFItems/1' }] },
            { id: 'b', title: 'Fostering Independence', variants: ['mentor'] },
            { id: 'c', title: 'Articulating Goals', variants: ['mentee'] },
          ],
        },
      ],
    };
    const parsed = parseCatalog(input);
    if (!parsed.ok) throw new Error('fixture');
    const { pkg, back } = roundTrip(parsed.catalog, parsed.catalog.curricula[0]!);
    expect(pkg.CFAssociations.filter((a) => a.associationType === 'isPartOf').map((a) => [a.originNodeURI.title, a.destinationNodeURI.title])).toEqual([
      ['Fostering Independence', 'Mentor version'],
      ['Articulating Goals', 'Mentee version'],
    ]);
    expect(pkg.CFAssociations.filter((a) => a.associationType === 'precedes')).toHaveLength(2);
    expect(back.curriculum.ordering).toBe('sequence');
    expect(back.curriculum.themes.map((t) => [t.id, t.variants])).toEqual([
      ['aligning-expectations', undefined],
      ['fostering-independence', ['mentor-version']],
      ['articulating-goals', ['mentee-version']],
    ]);
    expect(back.curriculum.variants).toEqual([
      { id: 'mentor-version', title: 'Mentor version', audiences: ['research-mentors'] },
      { id: 'mentee-version', title: 'Mentee version', description: 'For mentees.', audiences: ['graduate-students'] },
    ]);
    // An objective that is another item keeps pointing at that item, its code becomes its id.
    expect(back.curriculum.themes[0]!.objectives).toEqual([{ id: 'em.ae.1', statement: 'Align.', code: 'EM.AE.1', caseItemUri: 'https://case.example/CFItems/1' }]);
  });

  it('reads a package from another tool: a deeper hierarchy flattened in order, unknown fields ignored', () => {
    const link = (id: string) => ({ identifier: id, uri: `https://x.example/${id}`, title: id });
    const back = fromCase({
      CFDocument: { identifier: 'd', uri: 'https://x.example/d', title: 'Research Mentoring', creator: 'X', lastChangeDateTime: NOW, subjectURI: [] },
      CFItems: [
        { identifier: 't', fullStatement: 'Communication', uri: 'https://x.example/t' },
        { identifier: 'o2', fullStatement: 'Second', uri: 'https://x.example/o2' },
        { identifier: 'o1', fullStatement: 'First', uri: 'https://x.example/o1' },
        { identifier: 'o1a', fullStatement: 'First, part a', uri: 'https://x.example/o1a' },
      ],
      CFAssociations: [
        { associationType: 'isChildOf', originNodeURI: link('t'), destinationNodeURI: link('d') },
        { associationType: 'isChildOf', sequenceNumber: 2, originNodeURI: link('o2'), destinationNodeURI: link('t') },
        { associationType: 'isChildOf', sequenceNumber: 1, originNodeURI: link('o1'), destinationNodeURI: link('t') },
        { associationType: 'isChildOf', originNodeURI: link('o1a'), destinationNodeURI: link('o1') },
      ],
    });
    expect(back.curriculum.id).toBe('research-mentoring');
    expect(back.curriculum.themes[0]!.objectives!.map((o) => o.statement)).toEqual(['First', 'First, part a', 'Second']);
  });

  it('says what is wrong with something that is not a CASE package', () => {
    const result = parseCasePackage({ CFDocument: { title: 'x' }, CFItems: 'no' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/CFDocument\.identifier[\s\S]*CFItems/);
  });

  it('makes ids from any text', () => {
    expect(slugId('Équité & Inclusion!')).toBe('equite-inclusion');
    expect(slugId('¿?')).toBe('item');
  });
});
