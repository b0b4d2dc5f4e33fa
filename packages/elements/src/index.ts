/**
 * @mentorkit/elements — classes and types only: importing this module registers no tag. Register with
 * `@mentorkit/elements/define/all` (every tag), `@mentorkit/elements/define/<name>` (one), or
 * `customElements.define('my-list', MkWorkshopList)` under a name of your own.
 */
export { MkElement, type Theme } from './internal/mk-element.js';
export { MkWorkshopList } from './components/workshop-list/workshop-list.component.js';
export { MkRsvpForm } from './components/rsvp-form/rsvp-form.component.js';
export { MkResourceCard } from './components/resource-card/resource-card.component.js';
export { MkResourceList } from './components/resource-list/resource-list.component.js';
export type { ResourceFilters } from './components/resource-list/resource-filter.js';
export { MkCurriculum, type VariantChangeDetail } from './components/curriculum/curriculum.component.js';
export { MkProgram } from './components/program/program.component.js';
export type {
  MkEventMap,
  RsvpAnswer,
  RsvpOutcome,
  RsvpOutcomeStatus,
  RsvpPayload,
  RsvpPerson,
  RsvpRequestDetail,
  RsvpResultDetail,
  RsvpSubmitDetail,
  WorkshopFilters,
  WorkshopView,
} from './internal/events.js';
export type { FeedError, FeedSource, FeedState } from './internal/feed-controller.js';
