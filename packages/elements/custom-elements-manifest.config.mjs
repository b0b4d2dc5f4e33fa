/**
 * Custom Elements Manifest from the components' JSDoc (@summary @slot @csspart @cssproperty @fires) and
 * their Lit properties. Storybook reads it for controls and docs.
 */

/** Lit internal state (`state: true`, private fields) is not part of an element's HTML API. */
const dropPrivateState = {
  name: 'mentorkit-drop-private-state',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      for (const decl of mod.declarations ?? []) {
        const hidden = new Set((decl.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected').map((m) => m.name));
        if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !hidden.has(a.fieldName));
        for (const m of decl.members ?? []) if (hidden.has(m.name)) delete m.attribute;
      }
    }
  },
};

export default {
  globs: ['src/components/**/*.ts', 'src/internal/mk-element.ts', 'src/internal/events.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.fixtures.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [dropPrivateState],
};
