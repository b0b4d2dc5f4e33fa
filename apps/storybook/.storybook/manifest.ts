/** The few parts of the Custom Elements Manifest schema that the docs filtering below reads. */
interface Member {
  kind: string;
  name: string;
  attribute?: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
}
interface Attribute {
  name: string;
  fieldName?: string;
}
interface Declaration {
  tagName?: string;
  members?: Member[];
  attributes?: Attribute[];
}
export interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: Declaration[] }[];
}

/**
 * The manifest as a page author sees the elements: without private and protected members (render
 * helpers, controllers, internal state) and without attributes that only reflect such members. The
 * analyzer records them all; Storybook would otherwise list them as properties and controls.
 *
 * A property that has an attribute is listed once, as the attribute (`rsvp-href`, not also `rsvpHref`):
 * that is what a CMS page writes, the stories set attributes, and two controls for one value would
 * disagree.
 */
export function publicApi(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules.map((mod) => ({
      ...mod,
      declarations: mod.declarations?.map((decl) => {
        if (!decl.tagName) return decl;
        const hidden = new Set((decl.members ?? []).filter((m) => m.static || (m.privacy && m.privacy !== 'public')).map((m) => m.name));
        return {
          ...decl,
          members: decl.members?.filter((m) => !hidden.has(m.name) && !m.attribute),
          attributes: decl.attributes?.filter((a) => !(a.fieldName && hidden.has(a.fieldName))),
        };
      }),
    })),
  };
}
