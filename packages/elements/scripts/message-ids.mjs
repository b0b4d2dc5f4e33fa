/**
 * Short message ids for the CDN build. Components call `msg('…', { id: 'list-error-title' })` and the
 * generated catalogues (src/generated/locales/<lang>.ts) key their translations by the same ids; the
 * readable ids are for translators, not for browsers, so the CDN build renames each one, in the
 * component code and in every catalogue alike, to a one- or two-letter id.
 *
 * The renaming is derived from the sorted ids of the catalogues alone, so every build that reads the
 * same catalogues (the one-file bundle, the per-tag modules, the locale files) agrees on it. An id that
 * is in the code but not in a catalogue, a catalogue id that no code uses, or a `msg()` call whose id
 * is not a string literal fails the build: a translation would otherwise be lost without a sign.
 * (`lit-localize build` writes every source message into each catalogue, so the sets only differ
 * when a catalogue is stale: run `pnpm localize:extract` and `pnpm localize:build`.)
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const FIRST = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const REST = `${FIRST}0123456789`;

/** The `index`-th short id: a…Z, then aa, ba, …, so shorter ids come first. */
export function shortId(index) {
  let id = FIRST[index % FIRST.length];
  let rest = Math.floor(index / FIRST.length);
  while (rest > 0) {
    rest -= 1;
    id += REST[rest % REST.length];
    rest = Math.floor(rest / REST.length);
  }
  return id;
}

const parse = (source, file) => ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

const where = (sf, node) => {
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return `${sf.fileName}:${line + 1}:${character + 1}`;
};

const isStringLiteral = (node) => ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);

/** Replaces each `[node, text]` in `source`, back to front so earlier offsets stay valid. */
function splice(sf, source, replacements) {
  let out = source;
  for (const [node, text] of [...replacements].sort((a, b) => b[0].getStart(sf) - a[0].getStart(sf))) {
    out = out.slice(0, node.getStart(sf)) + text + out.slice(node.getEnd());
  }
  return out;
}

/** The key nodes of `export const templates = { … }` in a generated catalogue. */
function catalogueKeys(source, file) {
  const sf = parse(source, file);
  const keys = [];
  let found = false;
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || decl.name.text !== 'templates') continue;
      if (!decl.initializer || !ts.isObjectLiteralExpression(decl.initializer)) throw new Error(`${where(sf, decl)}: templates is not an object literal`);
      found = true;
      for (const prop of decl.initializer.properties) {
        if (!ts.isPropertyAssignment(prop) || !(isStringLiteral(prop.name) || ts.isIdentifier(prop.name))) {
          throw new Error(`${where(sf, prop)}: expected a 'message-id': translation entry`);
        }
        keys.push(prop.name);
      }
    }
  }
  if (!found) throw new Error(`${file}: no \`export const templates = { … }\``);
  return { sf, keys };
}

/**
 * The renaming for the catalogues `files` (paths of generated locale modules). Every catalogue must
 * hold the same ids, as `lit-localize build` writes them all.
 * @param {string[]} files
 * @returns {Map<string, string>} long id → short id
 */
export function messageIdMap(files) {
  let ids;
  for (const file of files) {
    const { keys } = catalogueKeys(readFileSync(file, 'utf8'), file);
    const here = keys.map((k) => k.text).sort();
    if (new Set(here).size !== here.length) throw new Error(`${file}: a message id appears twice`);
    if (ids && ids.join('\n') !== here.join('\n')) {
      throw new Error(`${file} and ${files[0]} hold different message ids: run pnpm localize:build`);
    }
    ids = here;
  }
  return new Map((ids ?? []).map((id, i) => [id, shortId(i)]));
}

/**
 * Renames the message ids of one source file: the `id` of every `msg(…, { id: '…' })` call, or, in a
 * catalogue (`catalogue: true`), the keys of `templates`. Returns `errors` instead of guessing.
 * @param {string} source
 * @param {string} file
 * @param {Map<string, string>} ids long id → short id
 * @param {{ catalogue?: boolean, used?: Set<string> }} [options] `used` collects the ids met in code
 */
export function renameMessageIds(source, file, ids, { catalogue = false, used } = {}) {
  const errors = [];
  const replacements = [];
  let sf;
  if (catalogue) {
    const read = catalogueKeys(source, file);
    sf = read.sf;
    for (const key of read.keys) {
      const short = ids.get(key.text);
      if (short === undefined) errors.push(`${where(sf, key)}: message id '${key.text}' is not in the other catalogues`);
      else replacements.push([key, `'${short}'`]);
    }
  } else {
    // Cheap test first: most files have no message at all.
    if (!/\bmsg\s*\(/.test(source)) return { contents: source, errors };
    sf = parse(source, file);
    const visit = (node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'msg') {
        const options = node.arguments[1];
        const idProp =
          options && ts.isObjectLiteralExpression(options)
            ? options.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'id')
            : undefined;
        if (!idProp || !isStringLiteral(idProp.initializer)) {
          errors.push(`${where(sf, node)}: msg() needs a literal { id: '…' } as its second argument`);
        } else {
          const id = idProp.initializer.text;
          const short = ids.get(id);
          if (short === undefined) {
            errors.push(`${where(sf, idProp)}: message id '${id}' has no entry in the generated catalogues (run pnpm localize:extract, translate, pnpm localize:build)`);
          } else {
            used?.add(id);
            replacements.push([idProp.initializer, `'${short}'`]);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { contents: splice(sf, source, replacements), errors };
}

/**
 * Fails when a catalogue id was not met in any component code (after a build that loaded them all):
 * such a translation would never be shown.
 */
export function assertAllUsed(ids, used) {
  const unused = [...ids.keys()].filter((id) => !used.has(id));
  if (unused.length) throw new Error(`message ids in the catalogues but in no msg() call: ${unused.join(', ')} (run pnpm localize:build)`);
}
