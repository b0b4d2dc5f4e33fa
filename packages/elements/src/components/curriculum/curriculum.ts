import { MkCurriculum } from './curriculum.component.js';

export { MkCurriculum };
export type { VariantChangeDetail } from './curriculum.component.js';

// Guarded: a page may load the CDN bundle and an npm build, or a define module twice.
if (!customElements.get('mk-curriculum')) customElements.define('mk-curriculum', MkCurriculum);

declare global {
  interface HTMLElementTagNameMap {
    'mk-curriculum': MkCurriculum;
  }
}
