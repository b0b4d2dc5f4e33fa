import { expect, it } from 'vitest';
import * as elements from './index.js';

it('importing the package entry registers no tag', () => {
  expect(typeof elements.MkWorkshopList).toBe('function');
  expect(typeof elements.MkRsvpForm).toBe('function');
  for (const tag of ['mk-workshop-list', 'mk-rsvp-form', 'mk-resource-card', 'mk-resource-list', 'mk-curriculum']) {
    expect(customElements.get(tag), tag).toBeUndefined();
  }
});

it('a define module tolerates a tag registered by another copy (e.g. the CDN bundle)', async () => {
  class OtherCopy extends HTMLElement {}
  customElements.define('mk-workshop-list', OtherCopy);
  // An unguarded define would throw "has already been used with this registry" while importing.
  await expect(import('./define/workshop-list.js')).resolves.toHaveProperty('MkWorkshopList', elements.MkWorkshopList);
  expect(customElements.get('mk-workshop-list')).toBe(OtherCopy);
});
