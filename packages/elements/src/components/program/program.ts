import { MkProgram } from './program.component.js';

export { MkProgram };

// Guarded: a page may load the CDN bundle and an npm build, or a define module twice.
if (!customElements.get('mk-program')) customElements.define('mk-program', MkProgram);

declare global {
  interface HTMLElementTagNameMap {
    'mk-program': MkProgram;
  }
}
