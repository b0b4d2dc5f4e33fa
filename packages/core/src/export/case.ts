/**
 * 1EdTech CASE 1.0 (Competencies and Academic Standards Exchange) package of a curriculum: a CFDocument,
 * a CFItem per theme and per learning objective, and the associations between them. Identifiers are
 * version-5 UUIDs of stable names, so re-exporting the same curriculum gives the same identifiers.
 */
import type { Catalog } from '../catalog/catalog.schema.js';
import type { Curriculum } from '../curriculum/curriculum.schema.js';
import { instantOption } from './lookup.js';
import { isUuid, uuidV5 } from './uuid.js';

/** CASE LinkURI / LinkGenURI: a typed pointer to another CASE object. */
export interface CaseLink {
  title: string;
  identifier: string;
  uri: string;
}

export interface CFDocument {
  identifier: string;
  uri: string;
  creator: string;
  title: string;
  lastChangeDateTime: string;
  officialSourceURL?: string;
  publisher?: string;
  description?: string;
  language?: string;
  version?: string;
  adoptionStatus?: string;
  licenseURI?: CaseLink;
  /** The disciplines the curriculum serves (its `disciplines`). */
  subject?: string[];
  notes?: string;
}

export interface CFItem {
  identifier: string;
  uri: string;
  fullStatement: string;
  humanCodingScheme?: string;
  listEnumeration?: string;
  abbreviatedStatement?: string;
  CFItemType: string;
  CFItemTypeURI: CaseLink;
  /** Of a curriculum variant: the names of the audiences it is for. */
  conceptKeywords?: string[];
  language?: string;
  notes?: string;
  lastChangeDateTime: string;
}

/**
 * isChildOf: the hierarchy (objective → theme → document); exactMatchOf: an objective that is an item
 * published elsewhere; isPartOf: a theme offered only in a curriculum variant; precedes: themes taken in
 * sequence, each before the next.
 */
export type CaseAssociationType = 'isChildOf' | 'exactMatchOf' | 'isPartOf' | 'precedes';

export interface CFAssociation {
  identifier: string;
  uri: string;
  associationType: CaseAssociationType;
  sequenceNumber?: number;
  originNodeURI: CaseLink;
  destinationNodeURI: CaseLink;
  lastChangeDateTime: string;
}

export interface CFItemTypeDefinition {
  identifier: string;
  uri: string;
  title: string;
  description: string;
  hierarchyCode: string;
  typeCode?: string;
  lastChangeDateTime: string;
}

export interface CFLicense {
  identifier: string;
  uri: string;
  title: string;
  description?: string;
  licenseText: string;
  lastChangeDateTime: string;
}

export interface CFDefinitions {
  CFItemTypes: CFItemTypeDefinition[];
  CFLicenses?: CFLicense[];
}

/** A CFPackage: the whole framework in one JSON object. */
export interface CasePackage {
  CFDocument: CFDocument;
  CFItems: CFItem[];
  CFAssociations: CFAssociation[];
  CFDefinitions: CFDefinitions;
}

export interface CaseOptions {
  now: Date | string;
  /**
   * Where the package is served, e.g. `https://example.edu/ims/case/v1p0`. Names the identifiers (so two
   * institutions exporting the same curriculum get different ones) and prefixes every `uri`.
   */
  baseUri: string;
  /** CFDocument.adoptionStatus; default "Adopted". */
  adoptionStatus?: string;
}

/**
 * Where a catalog's CASE packages live: `case` under the page they are published at (`baseUrl`, else the
 * catalog's `url`), else a `urn:mentorkit:<catalog id>:case` name that is stable but not resolvable.
 */
export function caseBaseUri(catalog: Pick<Catalog, 'id' | 'url'>, baseUrl?: string): string {
  const page = baseUrl ?? catalog.url;
  if (page !== undefined && /^https?:\/\//i.test(page)) return new URL('case', page.replace(/[?#].*$/, '').replace(/\/?$/, '/')).href;
  return `urn:mentorkit:${catalog.id}:case`;
}

export const THEME_ITEM_TYPE = 'Competency';
/** CASE has no field for a framework's overall goal: it is a line of the CFDocument's notes starting with this. */
export const CASE_OBJECTIVE_PREFIX = 'Objective: ';
export const OBJECTIVE_ITEM_TYPE = 'Learning Objective';
/** CFItemType of a curriculum variant (one audience's version): outside the hierarchy, themes point to it with isPartOf. */
export const VARIANT_ITEM_TYPE = 'Curriculum Variant';

/** Creative Commons licence names as catalogs write them ("CC BY-NC-SA 4.0") → the licence deed. */
export function creativeCommonsUrl(license: string): string | undefined {
  const m = /^\s*CC[\s-]*(BY(?:[\s-]+(?:NC|SA|ND))*)[\s-]*(\d\.\d)\s*$/i.exec(license);
  if (m) return `https://creativecommons.org/licenses/${m[1]!.toLowerCase().split(/[\s-]+/).join('-')}/${m[2]}/`;
  if (/^\s*CC0(\s*1\.0)?\s*$/i.test(license)) return 'https://creativecommons.org/publicdomain/zero/1.0/';
  return undefined;
}

function prune<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/**
 * The curriculum as a CASE package. Themes are CFItems of type "Competency", each objective a CFItem of
 * type "Learning Objective"; every objective isChildOf its theme, every theme isChildOf the document, and an
 * objective with a `caseItemUri` is an exactMatchOf that item. Each audience variant is a CFItem of type
 * "Curriculum Variant" naming its audiences (conceptKeywords); a theme offered only in some variants
 * isPartOf each of them. Themes in sequence: each precedes the next. {@link fromCase} reads all of it back.
 */
export function toCase(curriculum: Curriculum, catalog: Catalog, options: CaseOptions): CasePackage {
  const now = instantOption(options.now, 'toCase options.now');
  if (!/^https?:\/\/[^\s/]+/i.test(options.baseUri) && !/^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i.test(options.baseUri)) {
    throw new RangeError(`toCase options.baseUri must be an absolute http(s) URL such as https://example.edu/ims/case/v1p0 (or a urn:), but got ${JSON.stringify(options.baseUri)}`);
  }
  // The catalog resolves the provenance's organization and people; a curriculum from elsewhere would not resolve.
  if (!catalog.curricula.some((c) => c.id === curriculum.id)) {
    throw new RangeError(`toCase: curriculum "${curriculum.id}" is not in catalog "${catalog.id}" (it has ${catalog.curricula.map((c) => `"${c.id}"`).join(', ') || 'none'})`);
  }
  const base = options.baseUri.replace(/\/+$/, '');
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const language = catalog.language;
  const scope = `${base}/curricula/${encodeURIComponent(curriculum.id)}`;
  const identifier = (name: string): string => uuidV5(`${scope}/${name}`);
  const link = (kind: string, title: string, id: string): CaseLink => ({ title, identifier: id, uri: `${base}/${kind}/${id}` });

  const provenance = curriculum.provenance;
  const organization = provenance?.organization !== undefined ? catalog.organizations.find((o) => o.id === provenance.organization) : undefined;
  const people = (provenance?.people ?? []).flatMap((id) => catalog.people.filter((p) => p.id === id).map((p) => p.name));
  const authors = [...(provenance?.authors ?? []), ...people];
  const publisher = catalog.publisher !== undefined ? catalog.organizations.find((o) => o.id === catalog.publisher)?.name : undefined;

  const itemTypes: CFItemTypeDefinition[] = [
    { title: THEME_ITEM_TYPE, description: 'A theme (competency) of the curriculum.', hierarchyCode: '1' },
    { title: OBJECTIVE_ITEM_TYPE, description: 'What a participant will be able to do after a session on the theme.', hierarchyCode: '2' },
    ...(curriculum.variants.length > 0
      ? [{ title: VARIANT_ITEM_TYPE, description: 'One audience’s version of the curriculum; a theme that isPartOf variants is offered only in them.', hierarchyCode: '0' }]
      : []),
  ].map((t) => {
    const id = uuidV5(`${base}/item-types/${encodeURIComponent(t.title)}`);
    return { identifier: id, uri: `${base}/CFItemTypes/${id}`, ...t, lastChangeDateTime: stamp };
  });
  const typeLink = (title: string): CaseLink => {
    const t = itemTypes.find((x) => x.title === title)!;
    return { title: t.title, identifier: t.identifier, uri: t.uri };
  };

  let license: CFLicense | undefined;
  if (provenance?.license !== undefined) {
    const id = uuidV5(`${base}/licenses/${encodeURIComponent(provenance.license)}`);
    const deed = creativeCommonsUrl(provenance.license);
    license = prune<CFLicense>({
      identifier: id,
      uri: `${base}/CFLicenses/${id}`,
      title: provenance.license,
      description: deed,
      licenseText: deed !== undefined ? `${provenance.license}: ${deed}` : provenance.license,
      lastChangeDateTime: stamp,
    });
  }

  const documentId = identifier('document');
  const document = prune<CFDocument>({
    identifier: documentId,
    uri: `${base}/CFDocuments/${documentId}`,
    creator: authors.length > 0 ? authors.join('; ') : (organization?.name ?? publisher ?? catalog.title),
    title: curriculum.title,
    lastChangeDateTime: stamp,
    officialSourceURL: provenance?.url,
    publisher: organization?.name ?? publisher,
    description: curriculum.description,
    language,
    version: provenance?.version,
    adoptionStatus: options.adoptionStatus ?? 'Adopted',
    licenseURI: license ? { title: license.title, identifier: license.identifier, uri: license.uri } : undefined,
    subject: curriculum.disciplines?.length ? [...curriculum.disciplines] : undefined,
    notes: [
      provenance?.citation,
      curriculum.objective !== undefined ? `${CASE_OBJECTIVE_PREFIX}${curriculum.objective}` : undefined,
      authors.length > 0 ? `Authors: ${authors.join('; ')}` : undefined,
      provenance?.license ? `License: ${provenance.license}` : undefined,
    ]
      .filter(Boolean)
      .join('\n') || undefined,
  });
  const documentLink = link('CFDocuments', document.title, documentId);

  const items: CFItem[] = [];
  const associations: CFAssociation[] = [];
  const associate = (type: CaseAssociationType, origin: CaseLink, destination: CaseLink, sequenceNumber?: number): void => {
    const id = identifier(`associations/${type}/${origin.identifier}/${destination.identifier}`);
    associations.push(
      prune<CFAssociation>({
        identifier: id,
        uri: `${base}/CFAssociations/${id}`,
        associationType: type,
        sequenceNumber,
        originNodeURI: origin,
        destinationNodeURI: destination,
        lastChangeDateTime: stamp,
      }),
    );
  };

  const variantLinks = new Map<string, CaseLink>();
  curriculum.variants.forEach((variant, v) => {
    const variantId = identifier(`variants/${encodeURIComponent(variant.id)}`);
    const audiences = variant.audiences.map((id) => catalog.audiences.find((a) => a.id === id)?.name ?? id);
    items.push(
      prune<CFItem>({
        identifier: variantId,
        uri: `${base}/CFItems/${variantId}`,
        fullStatement: variant.title,
        listEnumeration: String(v + 1),
        CFItemType: VARIANT_ITEM_TYPE,
        CFItemTypeURI: typeLink(VARIANT_ITEM_TYPE),
        conceptKeywords: audiences,
        language,
        notes: variant.description,
        lastChangeDateTime: stamp,
      }),
    );
    variantLinks.set(variant.id, link('CFItems', variant.title, variantId));
  });

  let previousTheme: CaseLink | undefined;
  curriculum.themes.forEach((theme, t) => {
    const themeId = identifier(`themes/${encodeURIComponent(theme.id)}`);
    items.push(
      prune<CFItem>({
        identifier: themeId,
        uri: `${base}/CFItems/${themeId}`,
        fullStatement: theme.title,
        listEnumeration: String(t + 1),
        CFItemType: THEME_ITEM_TYPE,
        CFItemTypeURI: typeLink(THEME_ITEM_TYPE),
        language,
        notes: theme.description,
        lastChangeDateTime: stamp,
      }),
    );
    const themeLink = link('CFItems', theme.title, themeId);
    associate('isChildOf', themeLink, documentLink, t + 1);
    for (const v of theme.variants ?? []) {
      const variant = variantLinks.get(v);
      if (variant) associate('isPartOf', themeLink, variant);
    }
    if (curriculum.ordering === 'sequence' && previousTheme) associate('precedes', previousTheme, themeLink, t);
    previousTheme = themeLink;
    theme.objectives.forEach((objective, o) => {
      const objectiveId = identifier(`objectives/${encodeURIComponent(objective.id)}`);
      items.push(
        prune<CFItem>({
          identifier: objectiveId,
          uri: `${base}/CFItems/${objectiveId}`,
          fullStatement: objective.statement,
          humanCodingScheme: objective.code,
          listEnumeration: String(o + 1),
          CFItemType: OBJECTIVE_ITEM_TYPE,
          CFItemTypeURI: typeLink(OBJECTIVE_ITEM_TYPE),
          language,
          lastChangeDateTime: stamp,
        }),
      );
      const objectiveLink = link('CFItems', objective.statement, objectiveId);
      associate('isChildOf', objectiveLink, themeLink, o + 1);
      if (objective.caseItemUri !== undefined) {
        // The identifier of an external item is the UUID its URI ends with, if any; else one derived from the URI.
        const tail = objective.caseItemUri.replace(/[?#].*$/, '').split('/').filter(Boolean).at(-1) ?? '';
        associate('exactMatchOf', objectiveLink, {
          title: objective.code ?? objective.statement,
          identifier: isUuid(tail) ? tail.toLowerCase() : uuidV5(objective.caseItemUri),
          uri: objective.caseItemUri,
        });
      }
    });
  });

  return {
    CFDocument: document,
    CFItems: items,
    CFAssociations: associations,
    CFDefinitions: { CFItemTypes: itemTypes, ...(license ? { CFLicenses: [license] } : {}) },
  };
}
