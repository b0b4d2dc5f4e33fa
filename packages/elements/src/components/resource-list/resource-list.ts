import '../resource-card/resource-card.js';
import { MkResourceList } from './resource-list.component.js';

export { MkResourceList };
export type { ResourceFilters } from './resource-filter.js';

// Guarded: a page may load the CDN bundle and an npm build, or a define module twice.
if (!customElements.get('mk-resource-list')) customElements.define('mk-resource-list', MkResourceList);

declare global {
  interface HTMLElementTagNameMap {
    'mk-resource-list': MkResourceList;
  }
}
