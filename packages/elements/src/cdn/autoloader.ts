/**
 * The CDN autoloader: watches the page for `mk-*` elements that are not defined yet and imports the
 * matching per-component module from `components/` next to this file, so a CMS page pays only for the
 * widgets it uses. Safe to load more than once.
 */
declare const __MK_TAGS__: string[];

const tags = new Set(__MK_TAGS__);
const base = new URL('./components/', import.meta.url);
const requested = new Set<string>();

function load(tag: string): void {
  if (requested.has(tag) || !tags.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  import(new URL(`${tag}.js`, base).href).catch((error: unknown) => {
    requested.delete(tag);
    console.error(`mentorkit: could not load <${tag}> from ${base.href}`, error);
  });
}

function discover(root: ParentNode): void {
  if (root instanceof Element && root.localName.startsWith('mk-')) load(root.localName);
  for (const el of root.querySelectorAll(':not(:defined)')) if (el.localName.startsWith('mk-')) load(el.localName);
}

const key = Symbol.for('mentorkit.autoloader');
const globals = globalThis as unknown as Record<symbol, boolean>;
if (!globals[key]) {
  globals[key] = true;
  const start = () => {
    discover(document);
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
    }).observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
