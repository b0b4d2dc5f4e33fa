import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
// Imports name the modules directly: the seed catalogs test the model, not whatever the package entry re-exports.
import { formatCatalogErrors, parseCatalog, type Catalog } from '../src/catalog/index.js';
import type { Curriculum } from '../src/curriculum/curriculum.schema.js';
import type { Program } from '../src/program/program.schema.js';
import type { Resource } from '../src/resource/resource.schema.js';
import type { ScheduledWorkshop, Workshop } from '../src/workshop/workshop.schema.js';

const REPO = new URL('../../../', import.meta.url);

/** Text of a file given relative to the repository root. */
export function readRepoFile(path: string): string {
  return readFileSync(new URL(path, REPO), 'utf8');
}

/** Parses a catalog file of the demo app, failing with every located error when it does not parse. */
export function loadDemoCatalog(name: string): Catalog {
  const file = `apps/demo/catalog/${name}`;
  const result = parseCatalog(readRepoFile(file));
  if (!result.ok) throw new Error(`${file} does not parse:\n${formatCatalogErrors(result.errors, file)}`);
  return result.catalog;
}

function byId<T extends { id: string }>(items: readonly T[], id: string, what: string): T {
  const found = items.find((item) => item.id === id);
  if (found === undefined) throw new Error(`no ${what} "${id}"; defined: ${items.map((i) => i.id).join(', ')}`);
  return found;
}

export const workshop = (c: Catalog, id: string): Workshop => byId(c.workshops, id, 'workshop');
export const program = (c: Catalog, id: string): Program => byId(c.programs, id, 'program');
export const resource = (c: Catalog, id: string): Resource => byId(c.resources, id, 'resource');
export const curriculum = (c: Catalog, id: string): Curriculum => byId(c.curricula, id, 'curriculum');

export function scheduled(c: Catalog, id: string): ScheduledWorkshop {
  const w = workshop(c, id);
  if (w.kind !== 'scheduled') throw new Error(`workshop "${id}" is ${w.kind}, not scheduled`);
  return w;
}

/** Statements of a workshop's objectives, with references resolved through the catalog's curricula. */
export function objectiveStatements(c: Catalog, w: Workshop): string[] {
  const all = c.curricula.flatMap((cur) => cur.themes.flatMap((t) => t.objectives));
  return w.objectives.map((o) => ('ref' in o ? byId(all, o.ref, 'objective').statement : o.statement));
}

/** Ids of the themes a curriculum variant offers: themes without `variants` are in every variant. */
export function themesOfVariant(cur: Curriculum, variant: string): string[] {
  return cur.themes.filter((t) => t.variants === undefined || t.variants.includes(variant as never)).map((t) => t.id);
}

/** Length of a wall-clock interval in minutes, computed in its zone (so DST changes count). */
export function minutesBetween(start: string, end: string, zone: string): number {
  const a = DateTime.fromISO(start, { zone });
  const b = DateTime.fromISO(end, { zone });
  return b.diff(a, 'minutes').minutes;
}

/** Every text of the catalog (any string at any depth), for searching. */
export function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) allStrings(v, out);
  return out;
}
