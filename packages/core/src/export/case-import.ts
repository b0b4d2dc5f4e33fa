/**
 * A published 1EdTech CASE package read back into a curriculum, so an institution adopts a curriculum
 * another one published instead of retyping it. The inverse of {@link toCase}: themes are the items
 * directly under the document, objectives everything below a theme (a deeper hierarchy is flattened in
 * order), "Curriculum Variant" items become the curriculum's audience variants, isPartOf keeps a theme to
 * its variants, precedes makes the ordering a sequence. CASE has no slugs: ids are made from titles and
 * codes, unique within the curriculum.
 */
import * as z from 'zod';
import type { AudienceSchema } from '../audience/audience.schema.js';
import type { CurriculumSchema } from '../curriculum/curriculum.schema.js';
import type { OrganizationSchema } from '../people/people.schema.js';
import { CASE_OBJECTIVE_PREFIX, VARIANT_ITEM_TYPE, type CasePackage } from './case.js';

const LinkSchema = z.looseObject({ identifier: z.string().min(1), uri: z.string().optional(), title: z.string().optional() });

/** What {@link fromCase} reads of a CASE package; other CASE fields are allowed and ignored. */
export const CasePackageSchema = z.looseObject({
  CFDocument: z.looseObject({
    identifier: z.string().min(1),
    uri: z.string().optional(),
    title: z.string().min(1),
    creator: z.string().optional(),
    description: z.string().optional(),
    publisher: z.string().optional(),
    officialSourceURL: z.string().optional(),
    version: z.string().optional(),
    language: z.string().optional(),
    notes: z.string().optional(),
    licenseURI: LinkSchema.optional(),
    subject: z.array(z.string()).optional(),
  }),
  CFItems: z
    .array(
      z.looseObject({
        identifier: z.string().min(1),
        uri: z.string().optional(),
        fullStatement: z.string().min(1),
        humanCodingScheme: z.string().optional(),
        listEnumeration: z.string().optional(),
        CFItemType: z.string().optional(),
        conceptKeywords: z.array(z.string()).optional(),
        notes: z.string().optional(),
      }),
    )
    .default([]),
  CFAssociations: z
    .array(
      z.looseObject({
        associationType: z.string(),
        sequenceNumber: z.number().optional(),
        originNodeURI: LinkSchema,
        destinationNodeURI: LinkSchema,
      }),
    )
    .default([]),
});

type CurriculumInput = z.input<typeof CurriculumSchema>;
type AudienceInput = z.input<typeof AudienceSchema>;
type OrganizationInput = z.input<typeof OrganizationSchema>;

/** A curriculum read from CASE, with the audiences its variants are for and the organization that published it. */
export interface CaseImport {
  curriculum: CurriculumInput;
  audiences: AudienceInput[];
  organizations: OrganizationInput[];
  /** The CFDocument's language, if it gives one. */
  language?: string;
}

export type ParseCaseResult = { ok: true; package: z.infer<typeof CasePackageSchema> } | { ok: false; errors: string[] };

/** Checks that a parsed JSON value is a CASE package (CFDocument, CFItems, CFAssociations), with each problem's path. */
export function parseCasePackage(value: unknown): ParseCaseResult {
  const result = CasePackageSchema.safeParse(value);
  if (result.success) return { ok: true, package: result.data };
  return { ok: false, errors: result.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(the package)'}: ${i.message}`) };
}

/** `Aligning Expectations` → `aligning-expectations`; never empty (falls back to `fallback`). */
export function slugId(text: string, fallback = 'item'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, 60)
    .replace(/[-._]+$/, '');
  return slug !== '' ? slug : fallback;
}

class Ids {
  readonly #used = new Set<string>();
  take(base: string): string {
    let id = base;
    for (let n = 2; this.#used.has(id); n++) id = `${base}-${n}`;
    this.#used.add(id);
    return id;
  }
}

const isHttp = (uri: string | undefined): uri is string => uri !== undefined && /^https?:\/\/\S+$/i.test(uri);

/**
 * The curriculum in a CASE package. `curriculumId` names it (default: a slug of the document's title).
 * Objectives link back to the item they were read from (`caseItemUri`: the item it is an exactMatchOf,
 * else its own http(s) URI), so the adopted curriculum keeps its provenance.
 */
export function fromCase(input: CasePackage | z.infer<typeof CasePackageSchema>, options: { curriculumId?: string } = {}): CaseImport {
  const pkg = CasePackageSchema.parse(input);
  const doc = pkg.CFDocument;
  const items = new Map(pkg.CFItems.map((i) => [i.identifier, i]));
  const position = new Map(pkg.CFItems.map((item, n) => [item.identifier, n]));
  const childOf = pkg.CFAssociations.filter((a) => a.associationType === 'isChildOf');
  const childrenOf = (parent: string) =>
    childOf
      .filter((a) => a.destinationNodeURI.identifier === parent && items.has(a.originNodeURI.identifier))
      .sort((a, b) => (a.sequenceNumber ?? Infinity) - (b.sequenceNumber ?? Infinity) || position.get(a.originNodeURI.identifier)! - position.get(b.originNodeURI.identifier)!)
      .map((a) => items.get(a.originNodeURI.identifier)!);
  const descendants = (parent: string, seen = new Set<string>()): typeof pkg.CFItems => {
    const out: typeof pkg.CFItems = [];
    for (const child of childrenOf(parent)) {
      if (seen.has(child.identifier)) continue;
      seen.add(child.identifier);
      out.push(child, ...descendants(child.identifier, seen));
    }
    return out;
  };

  const audiences: AudienceInput[] = [];
  const audienceIds = new Ids();
  const audienceByName = new Map<string, string>();
  const audienceFor = (name: string): string => {
    const known = audienceByName.get(name);
    if (known) return known;
    const id = audienceIds.take(slugId(name, 'audience'));
    audienceByName.set(name, id);
    audiences.push({ id, name });
    return id;
  };

  const variantIds = new Ids();
  const variantOf = new Map<string, string>();
  const variants = pkg.CFItems.filter((i) => i.CFItemType === VARIANT_ITEM_TYPE).map((item) => {
    const id = variantIds.take(slugId(item.fullStatement, 'variant'));
    variantOf.set(item.identifier, id);
    const names = item.conceptKeywords?.filter((k) => k.trim() !== '') ?? [];
    return {
      id,
      title: item.fullStatement,
      ...(item.notes ? { description: item.notes } : {}),
      audiences: (names.length > 0 ? names : [item.fullStatement]).map(audienceFor),
    };
  });

  const themeIds = new Ids();
  const objectiveIds = new Ids();
  const exactMatch = new Map(pkg.CFAssociations.filter((a) => a.associationType === 'exactMatchOf').map((a) => [a.originNodeURI.identifier, a.destinationNodeURI.uri]));
  const themeItems = childrenOf(doc.identifier).filter((i) => i.CFItemType !== VARIANT_ITEM_TYPE);
  const themes = themeItems.map((item) => {
    const id = themeIds.take(slugId(item.fullStatement, 'theme'));
    const objectives = descendants(item.identifier).map((o, n) => {
      const caseItemUri = exactMatch.get(o.identifier) ?? o.uri;
      return {
        id: objectiveIds.take(o.humanCodingScheme ? slugId(o.humanCodingScheme, `${id}-${n + 1}`) : `${id}-${n + 1}`),
        statement: o.fullStatement,
        ...(o.humanCodingScheme ? { code: o.humanCodingScheme } : {}),
        ...(isHttp(caseItemUri) ? { caseItemUri } : {}),
      };
    });
    const inVariants = pkg.CFAssociations.filter((a) => a.associationType === 'isPartOf' && a.originNodeURI.identifier === item.identifier)
      .map((a) => variantOf.get(a.destinationNodeURI.identifier))
      .filter((v): v is string => v !== undefined);
    return {
      id,
      title: item.fullStatement,
      ...(item.notes ? { description: item.notes } : {}),
      objectives,
      ...(inVariants.length > 0 ? { variants: [...new Set(inVariants)] } : {}),
    };
  });
  const themeSet = new Set(themeItems.map((t) => t.identifier));
  const sequence = pkg.CFAssociations.some((a) => a.associationType === 'precedes' && themeSet.has(a.originNodeURI.identifier) && themeSet.has(a.destinationNodeURI.identifier));

  // toCase writes the citation, then "Objective: …", "Authors: …" and "License: …" lines into the document's notes.
  const notes = (doc.notes ?? '').split('\n').filter((l) => l.trim() !== '');
  const authorsLine = notes.find((l) => l.startsWith('Authors: '));
  const objective = notes.find((l) => l.startsWith(CASE_OBJECTIVE_PREFIX))?.slice(CASE_OBJECTIVE_PREFIX.length).trim();
  const citation = notes.filter((l) => !l.startsWith('Authors: ') && !l.startsWith('License: ') && !l.startsWith(CASE_OBJECTIVE_PREFIX)).join('\n');
  const disciplines = (doc.subject ?? []).map((d) => d.trim()).filter((d) => d !== '');
  const authors = authorsLine ? authorsLine.slice('Authors: '.length).split('; ').filter(Boolean) : [];
  const license = doc.licenseURI?.title ?? notes.find((l) => l.startsWith('License: '))?.slice('License: '.length);
  const organizations: OrganizationInput[] = doc.publisher ? [{ id: slugId(doc.publisher, 'publisher'), name: doc.publisher }] : [];
  const provenance = {
    ...(authors.length > 0 ? { authors } : {}),
    ...(organizations[0] ? { organization: organizations[0].id } : {}),
    ...(license ? { license } : {}),
    ...(isHttp(doc.officialSourceURL) ? { url: doc.officialSourceURL } : {}),
    ...(citation ? { citation } : {}),
    ...(doc.version ? { version: doc.version } : {}),
  };

  const curriculum: CurriculumInput = {
    id: options.curriculumId ?? slugId(doc.title, 'curriculum'),
    title: doc.title,
    ...(doc.description ? { description: doc.description } : {}),
    ...(objective ? { objective } : {}),
    ...(disciplines.length > 0 ? { disciplines } : {}),
    provenance,
    ordering: sequence ? 'sequence' : 'any',
    themes,
    ...(variants.length > 0 ? { variants } : {}),
  };
  return { curriculum, audiences, organizations, ...(doc.language ? { language: doc.language } : {}) };
}
