import { MkResourceCard } from './resource-card.component.js';

export { MkResourceCard };

// Guarded: a page may load the CDN bundle and an npm build, or a define module twice.
if (!customElements.get('mk-resource-card')) customElements.define('mk-resource-card', MkResourceCard);

declare global {
  interface HTMLElementTagNameMap {
    'mk-resource-card': MkResourceCard;
  }
}
