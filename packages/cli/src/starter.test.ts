import { buildFeed, DEFAULT_ROLES, evaluateEligibility, parseCatalog, reasonsIn, type Catalog } from '@mentorkit/core';
import { describe, expect, it } from 'vitest';
import { renderFallbacks } from './html/fallback.js';
import { STARTER_LANGUAGES, starterCatalog, type StarterLanguage } from './starter.js';

const NOW = new Date('2026-01-05T12:00:00Z');

function starter(language: StarterLanguage): Catalog {
  const parsed = parseCatalog(starterCatalog({ now: NOW, timeZone: 'Europe/Madrid', language }));
  if (!parsed.ok) throw new Error(`the ${language} starter does not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.catalog;
}

/** The text a person reads in the fallbacks: tags, the JSON-LD script and entities removed. */
function renderedText(catalog: Catalog): string {
  const feed = buildFeed(catalog, { from: NOW, to: new Date('2026-12-31T00:00:00Z'), now: NOW });
  return renderFallbacks(feed, NOW)
    .map((f) => f.content.replace(/<script[^]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '))
    .join('\n')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
}

/** The starter's own sentences: every text value a person reads (titles, summaries, rules' wording). */
function starterTexts(catalog: Catalog): string[] {
  const texts: string[] = [catalog.title, catalog.description ?? '', ...catalog.organizations.map((o) => o.name)];
  for (const a of catalog.audiences) texts.push(a.name, a.description ?? '');
  for (const p of catalog.policies) texts.push(p.name ?? '', p.eligibilityText ?? '');
  for (const p of catalog.programs) texts.push(p.title, p.summary ?? '', ...p.contacts.map((c) => c.purpose ?? ''));
  for (const w of catalog.workshops) {
    texts.push(w.title, w.summary ?? '', w.description ?? '', w.objectivesIntro ?? '', ...w.formats.map((f) => f.label ?? ''));
    texts.push(...w.objectives.map((o) => ('statement' in o ? o.statement : '')));
    if (w.kind === 'request-only') texts.push(w.request.whoText ?? '', w.request.leadTime ?? '');
  }
  for (const r of catalog.resources) texts.push(r.title, r.description ?? '');
  return texts.filter((t) => t !== '');
}

function expectClean(text: string, where: string): void {
  expect(text, where).not.toMatch(/\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/);
  expect(text, where).not.toMatch(/\.\.(?!\.)|,,|;;|::|\. \.|, ,|\s[.,;]/);
}

/**
 * Words of the English starter's text; none may be left in the Spanish one. ("Mentor" is Spanish too.)
 * Letters on either side, accented ones included, make another word: "mentoría" is not "mentor".
 */
const ENGLISH_WORDS =
  /(?<!\p{L})(the|and|for|with|of|to|in|your|our|who|workshops?|mentees?|mentoring|research|faculty|postdocs|open|questions|template|request|department|program|minute|weeks?|ahead|expectations?)(?!\p{L})/iu;

describe('the starter catalog, in every language init offers', () => {
  it.each(STARTER_LANGUAGES)('%s: passes the checks and says its language', (language) => {
    const catalog = starter(language);
    expect(catalog.language).toBe(language);
  });

  it.each(STARTER_LANGUAGES)('%s: its sentences are clean and start with a capital', (language) => {
    for (const text of starterTexts(starter(language))) {
      expectClean(text, text);
      expect(text, text).toMatch(/^[¿¡]?[\p{Lu}\d]/u);
    }
  });

  it('Spanish: no English word is left in the starter’s text', () => {
    const english = starterTexts(starter('en'));
    const spanish = starterTexts(starter('es'));
    expect(spanish).toHaveLength(english.length);
    for (const text of spanish) expect(text).not.toMatch(ENGLISH_WORDS);
    // The English starter does use them: the check can fail.
    expect(english.filter((t) => ENGLISH_WORDS.test(t)).length).toBeGreaterThan(10);
  });

  it.each(STARTER_LANGUAGES)('%s: the fallbacks render its text, dated in its language, with no stray punctuation', (language) => {
    const catalog = starter(language);
    const text = renderedText(catalog);
    expectClean(text, language);
    for (const sentence of [catalog.programs[0]!.title, catalog.workshops[0]!.title, catalog.workshops[0]!.summary!]) expect(text).toContain(sentence);
    const session = catalog.workshops[0]!.kind === 'scheduled' ? catalog.workshops[0]!.sessions[0]! : undefined;
    const day = new Date(`${session!.start.slice(0, 10)}T12:00:00Z`);
    const month = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(day);
    expect(text).toContain(month);
  });

  it.each(STARTER_LANGUAGES)('%s: its eligibility explanations are whole sentences in the roles’ own words', (language) => {
    const catalog = starter(language);
    const roles = Object.fromEntries([...DEFAULT_ROLES.map((r) => [r.id, r.label.toLowerCase()]), ...catalog.vocabularies.roles.map((r) => [r.id, r.label])]);
    const policy = catalog.policies[0]!;
    const request = catalog.workshops.find((w) => w.kind === 'request-only');
    const rules = [policy.eligibility, request?.kind === 'request-only' ? request.request.eligibility : undefined];
    for (const rule of rules) {
      for (const role of ['undergraduate', 'postdoc', 'faculty']) {
        // Worded in the catalog's language, as the server and the widgets word them.
        const words = reasonsIn(language);
        for (const reason of evaluateEligibility(rule, { role }, { messages: words.messages, labels: { ...words.labels, ...roles } }).reasons) {
          expectClean(reason.message, reason.message);
          expect(reason.message).toMatch(/^\p{Lu}[^]*[^.;:,]\.$/u);
          // Spanish catalogs name the roles in Spanish: no id is shown in place of a word, and no English is left.
          if (language === 'es') {
            expect(reason.message).not.toMatch(/\b(undergraduate|postdoc|faculty|department-chair|program-director)\b/);
            expect(reason.message).not.toMatch(ENGLISH_WORDS);
          }
        }
      }
    }
  });
});
