/**
 * Every English message has a Spanish translation, and src/generated/locales/es.ts is what
 * `lit-localize build` makes from xliff/es.xlf (so nobody edits one and forgets the other).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import type { RuntimeOutputConfig } from '@lit/localize-tools/lib/types/modes.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function localizer(outputDir?: string) {
  const config = readConfigFileAndWriteSchema(join(root, 'lit-localize.json'));
  const output = config.output as RuntimeOutputConfig;
  return new RuntimeLitLocalizer({ ...config, output: { ...output, ...(outputDir ? { outputDir } : {}) } });
}

describe('translations', () => {
  const l = localizer();
  const { messages, errors } = l.extractSourceMessages();

  it('extracts messages without errors, each with an explicit id', () => {
    expect(errors.map((e) => String(e.messageText))).toEqual([]);
    expect(messages.length).toBeGreaterThan(100);
    for (const m of messages) expect(m.name, `message "${m.contents.join('')}" has a generated id; give it { id }`).not.toMatch(/^[sh][0-9a-f]{16}$/);
  });

  it('has a Spanish translation for every message', () => {
    const spanish = new Set((l.readTranslationsSync().translations.get('es' as never) ?? []).map((m) => m.name));
    const missing = messages.filter((m) => !spanish.has(m.name)).map((m) => m.name);
    expect(missing).toEqual([]);
  });

  it('keeps src/generated/locales/es.ts in step with xliff/es.xlf', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mk-locales-'));
    await localizer(out).build();
    expect(readFileSync(join(root, 'src/generated/locales/es.ts'), 'utf8')).toBe(readFileSync(join(out, 'es.ts'), 'utf8'));
  });
});
