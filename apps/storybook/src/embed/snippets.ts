/**
 * The copy-paste snippets of the "Embed in your CMS" page. The page shows them and the Embed stories
 * render them, so a snippet that stops working fails a test.
 */

/** Where a university serves the files of `@mentorkit/elements/dist/cdn/` (copied to its own web server or CDN). */
export const CDN = 'https://cdn.example.edu/mentorkit';

/** Where it publishes the feed `mentorkit build` makes from its catalog. */
export const FEED = '/mentoring/feed.json';

export const RSVP_ENDPOINT = 'https://rsvp.example.edu/api/rsvp';

/** One file that registers every tag: the simplest set-up. */
export const SINGLE_FILE_SCRIPT = `<script type="module" src="${CDN}/mentorkit.js"></script>`;

/** Loads each widget's code only when its tag appears on the page (also for tags added later). */
export const AUTOLOADER_SCRIPT = `<script type="module" src="${CDN}/autoloader.js"></script>`;

/** The tags, as a CMS editor pastes them into a page (each one works alone). */
export const TAGS = `<!-- The program's introduction, outcomes, audiences, FAQ and contacts -->
<mk-program src="${FEED}" program-id="mentoring-up"></mk-program>

<!-- Upcoming workshops, with filters, add-to-calendar and RSVP buttons -->
<mk-workshop-list src="${FEED}" view="upcoming"></mk-workshop-list>

<!-- The RSVP form for one workshop; the RSVP service answers at the endpoint -->
<mk-rsvp-form src="${FEED}" workshop-id="mu-aligning-expectations" endpoint="${RSVP_ENDPOINT}"></mk-rsvp-form>

<!-- Resources (courses, videos, guides, templates) as a filterable grid of cards -->
<mk-resource-list src="${FEED}"></mk-resource-list>

<!-- A curriculum's themes, objectives, versions and the sessions that teach them -->
<mk-curriculum src="${FEED}"></mk-curriculum>`;

/** A single resource card takes its resource as a property, so it needs two lines of script. */
export const RESOURCE_CARD = `<mk-resource-card id="featured-resource"></mk-resource-card>
<script type="module">
  const feed = await (await fetch('${FEED}')).json();
  document.getElementById('featured-resource').resource = feed.resources.find((r) => r.id === 'building-effective-mentoring-relationships');
</script>`;

/** Language and colours come from the page: `lang` on any ancestor, `--mk-*` tokens in its CSS. */
export const PAGE_SETTINGS = `<div lang="es" class="mentoring">
  <mk-workshop-list src="${FEED}" theme="auto"></mk-workshop-list>
</div>

<style>
  .mentoring {
    --mk-color-accent: #4e2a84;
    --mk-radius: 2px;
    --mk-font-family: Georgia, serif;
  }
  .mentoring mk-workshop-list::part(title) {
    letter-spacing: 0.01em;
  }
</style>`;

/** The whole single-file set-up, script first. */
export const SINGLE_FILE_PAGE = `${SINGLE_FILE_SCRIPT}\n\n${TAGS}`;

/** The whole autoloader set-up. */
export const AUTOLOADER_PAGE = `${AUTOLOADER_SCRIPT}\n\n${TAGS}`;
