import { describe, expect, it } from 'vitest';
import { locate, SourceLocator } from './locate.js';

const yaml = `version: 1
title: Catalog
workshops:
  - id: first
    title: "First workshop"
    sessions:
      - id: s1
        start: 2026-01-08T15:00
`;

describe('locate', () => {
  it('locates a scalar at its value, with the length of the value', () => {
    expect(locate(yaml, ['title'])).toEqual({ line: 2, column: 8, length: 7 });
    expect(locate(yaml, ['workshops', 0, 'title'])).toEqual({ line: 5, column: 12, length: 16 });
    expect(locate(yaml, ['workshops', 0, 'sessions', 0, 'start'])).toEqual({ line: 8, column: 16, length: 16 });
  });

  it('locates a key whose value is a mapping or list at the key', () => {
    expect(locate(yaml, ['workshops'])).toEqual({ line: 3, column: 1, length: 9 });
    expect(locate(yaml, ['workshops', 0, 'sessions'])).toEqual({ line: 6, column: 5, length: 8 });
  });

  it('falls back to the deepest node that exists for a missing key or index', () => {
    expect(locate(yaml, ['workshops', 0, 'sessions', 0, 'end'])).toMatchObject({ line: 7, column: 9 });
    expect(locate(yaml, ['workshops', 5, 'title'])).toMatchObject({ line: 3, column: 1 });
  });

  it('works on JSON text, a YAML subset', () => {
    const json = '{\n  "workshops": [\n    { "id": "a", "title": "T" }\n  ]\n}\n';
    expect(locate(json, ['workshops', 0, 'title'])).toEqual({ line: 3, column: 27, length: 3 });
  });

  it('locates nothing in text that does not parse', () => {
    expect(locate('title: [unclosed\n', ['title'])).toBeUndefined();
  });

  it('serves many lookups from one parse', () => {
    const locator = new SourceLocator(yaml);
    expect([locator.locate(['version']), locator.locate(['title'])].map((p) => p?.line)).toEqual([1, 2]);
  });
});
