import { describe, expect, it } from 'vitest';
import { catalogJsonSchema } from './json-schema.js';

type Node = Record<string, unknown>;

interface Offender {
  /** JSON Pointer into the generated schema, e.g. `/properties/workshops/items/oneOf/0/properties/title`. */
  pointer: string;
  missing: Array<'description' | 'examples'>;
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const escape = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');
const branches = (node: Node): Node[] => [node.anyOf, node.oneOf, node.allOf].flatMap((list) => (Array.isArray(list) ? list.filter(isNode) : []));

/**
 * A value built of other fields (an object, a reference to a shared definition, a list of objects): its
 * example is the composition of its fields' examples, so only scalar fields must carry their own.
 */
function isComposite(node: Node): boolean {
  if (node.type === 'object' || isNode(node.properties) || typeof node.$ref === 'string') return true;
  if (node.type === 'array' && isNode(node.items)) return isComposite(node.items);
  const options = branches(node);
  return options.length > 0 && options.every(isComposite);
}

/**
 * Whether a scalar field shows its possible values: `examples`, or an enumeration or constant (its values
 * are the examples), or a boolean — on the field or, for a list, on its items.
 */
function hasExamples(node: Node): boolean {
  if (Array.isArray(node.examples) && node.examples.length > 0) return true;
  if (Array.isArray(node.enum) || 'const' in node || node.type === 'boolean') return true;
  if (node.type === 'array' && isNode(node.items)) return hasExamples(node.items);
  const options = branches(node);
  return options.length > 0 && options.every(hasExamples);
}

/** Every property of every object in the schema, wherever it is nested, with what it lacks. */
function undocumentedFields(root: Node): Offender[] {
  const offenders: Offender[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, `${pointer}/${i}`));
    if (!isNode(node)) return;
    if (isNode(node.properties)) {
      for (const [key, field] of Object.entries(node.properties)) {
        if (!isNode(field)) continue;
        const missing: Offender['missing'] = [];
        if (typeof field.description !== 'string' || field.description.trim() === '') missing.push('description');
        if (!isComposite(field) && !hasExamples(field)) missing.push('examples');
        if (missing.length > 0) offenders.push({ pointer: `${pointer}/properties/${escape(key)}`, missing });
      }
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'examples' || key === 'default' || key === 'const' || key === 'enum') continue;
      if (key === 'properties' && isNode(child)) {
        for (const [name, field] of Object.entries(child)) visit(field, `${pointer}/properties/${escape(name)}`);
      } else if (key === '$defs' && isNode(child)) {
        for (const [name, def] of Object.entries(child)) visit(def, `${pointer}/$defs/${escape(name)}`);
      } else {
        visit(child, `${pointer}/${escape(key)}`);
      }
    }
  };
  visit(root, '');
  return offenders;
}

const format = (offenders: Offender[]) => offenders.map((o) => `${o.pointer} (no ${o.missing.join(', no ')})`).join('\n');

describe('undocumentedFields', () => {
  it('finds a field without a description or examples, however deeply it is nested, by its JSON Pointer', () => {
    const schema = {
      type: 'object',
      properties: {
        ok: { type: 'string', description: 'Fine.', examples: ['x'] },
        list: {
          type: 'array',
          description: 'A list.',
          items: {
            anyOf: [{ type: 'object', properties: { 'a/b': { type: 'integer', description: ' ' } } }],
          },
        },
        kind: { type: 'string', enum: ['a', 'b'] },
      },
      $defs: { Thing: { type: 'object', properties: { flag: { type: 'boolean', description: 'On or off.' }, n: { type: 'number', description: 'N.' } } } },
    };
    expect(undocumentedFields(schema)).toEqual([
      { pointer: '/properties/kind', missing: ['description'] },
      { pointer: '/properties/list/items/anyOf/0/properties/a~1b', missing: ['description', 'examples'] },
      { pointer: '/$defs/Thing/properties/n', missing: ['examples'] },
    ]);
  });

  it('asks no examples of an object, a reference or a list of objects, whose fields carry them', () => {
    const schema = {
      type: 'object',
      properties: {
        where: { type: 'object', description: 'Where.', properties: {} },
        rule: { $ref: '#/$defs/Rule', description: 'A rule.' },
        people: { type: 'array', description: 'People.', items: { type: 'object', properties: {} } },
        tags: { type: 'array', description: 'Tags.', items: { type: 'string' } },
      },
    };
    expect(undocumentedFields(schema)).toEqual([{ pointer: '/properties/tags', missing: ['examples'] }]);
  });
});

describe('the catalog JSON Schema documents every field', () => {
  const schema = catalogJsonSchema();
  const offenders = undocumentedFields(schema);

  it('finds the fields it walks (the walk reaches nested objects and shared definitions)', () => {
    const reached = JSON.stringify(schema).match(/"properties":\{/g)?.length ?? 0;
    expect(reached).toBeGreaterThan(40);
  });

  it('has a description and examples on every field outside resources, curricula and images', () => {
    // Resources, curricula and images are being widened elsewhere; their fields are documented with that work.
    const elsewhere = (o: Offender) =>
      o.pointer.startsWith('/properties/resources/') ||
      o.pointer.startsWith('/properties/curricula/') ||
      /\/properties\/image(\/|$)/.test(o.pointer);
    expect(format(offenders.filter((o) => !elsewhere(o))), 'fields without a description or examples').toBe('');
  });

  it('has a description and examples on every field', () => {
    expect(format(offenders), 'fields without a description or examples').toBe('');
  });
});
