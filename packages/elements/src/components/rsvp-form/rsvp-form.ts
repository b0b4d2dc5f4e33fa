import { MkRsvpForm } from './rsvp-form.component.js';

export { MkRsvpForm };

// Guarded: a page may load the CDN bundle and an npm build, or a define module twice.
if (!customElements.get('mk-rsvp-form')) customElements.define('mk-rsvp-form', MkRsvpForm);

declare global {
  interface HTMLElementTagNameMap {
    'mk-rsvp-form': MkRsvpForm;
  }
}
