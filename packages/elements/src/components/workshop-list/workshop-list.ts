import { MkWorkshopList } from './workshop-list.component.js';

export { MkWorkshopList };

// Guarded: a page may load the CDN bundle and an npm build, or a define module twice.
if (!customElements.get('mk-workshop-list')) customElements.define('mk-workshop-list', MkWorkshopList);

declare global {
  interface HTMLElementTagNameMap {
    'mk-workshop-list': MkWorkshopList;
  }
}
