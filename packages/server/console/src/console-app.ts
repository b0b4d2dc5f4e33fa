/**
 * <mk-console>: the organizer console's shell. It asks GET /auth/me who is signed in (a sign-in link when
 * nobody is), routes by the address's hash, and owns the theme (the widgets' tokens; light or dark by the
 * system's preference or the toggle, remembered in localStorage).
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
// A view loads what it shows when it connects: each route gets its own, so going from one program's
// completion (or one occurrence) to another's loads the other's.
import { keyed } from 'lit/directives/keyed.js';
import { baseStyles, tokenStyles } from '@mentorkit/elements/tokens';
import { api, apiUrl, ApiFailure, setCsrf, type Me } from './api.js';
import { href } from './format.js';
import { consoleStyles } from './styles.js';
import './views/occurrences-view.js';
import './views/occurrence-view.js';
import './views/draw-view.js';
import './views/check-in-view.js';
import './views/completion-view.js';
import './views/audit-view.js';

type Theme = 'auto' | 'light' | 'dark';
const THEME_KEY = 'mentorkit.console.theme';

type Route = { view: 'occurrences' } | { view: 'occurrence' | 'draw' | 'check-in'; workshopId: string; occurrenceId: string } | { view: 'completion'; programId: string | undefined } | { view: 'audit' } | { view: 'not-found' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((p) => p !== '').map(decodeURIComponent);
  if (parts.length === 0) return { view: 'occurrences' };
  if (parts[0] === 'o' && parts.length >= 3) {
    const sub = parts[3];
    const view = sub === 'draw' ? 'draw' : sub === 'check-in' ? 'check-in' : sub === undefined ? 'occurrence' : undefined;
    if (view !== undefined) return { view, workshopId: parts[1]!, occurrenceId: parts[2]! };
  }
  if (parts[0] === 'completion') return { view: 'completion', programId: parts[1] };
  if (parts[0] === 'audit' && parts.length === 1) return { view: 'audit' };
  return { view: 'not-found' };
}

export class MkConsole extends LitElement {
  static override styles = [
    tokenStyles,
    baseStyles,
    consoleStyles,
    css`
      :host {
        min-height: 100vh;
        background: var(--_mk-surface);
        /* The console is the page: no inset surface as a widget on a page of another scheme gets. */
        padding: 0 !important;
        border-radius: 0 !important;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_mk-space-2) var(--_mk-space-4);
        padding: var(--_mk-space-2) var(--_mk-space-4);
        border-bottom: 1px solid var(--_mk-border);
        background: var(--_mk-surface-alt);
      }
      .brand {
        font-weight: 700;
        margin-inline-end: auto;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_mk-space-1) var(--_mk-space-3);
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-height: 2.75rem;
        padding: 0 var(--_mk-space-1);
      }
      nav a[aria-current='page'] {
        font-weight: 700;
      }
      .who {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_mk-space-2);
      }
      @media (max-width: 40rem) {
        header {
          padding: var(--_mk-space-1) var(--_mk-space-3);
          gap: 0 var(--_mk-space-3);
        }
        .roles {
          display: none;
        }
      }
      main {
        padding: var(--_mk-space-4);
        max-width: 72rem;
        margin: 0 auto;
      }
    `,
  ];

  static override properties = {
    theme: { reflect: true },
    me: { state: true },
    failure: { state: true },
    route: { state: true },
  };

  declare theme: Theme;
  declare me: Me | null | undefined;
  declare failure: string | undefined;
  declare route: Route;

  constructor() {
    super();
    const saved = localStorage.getItem(THEME_KEY);
    this.theme = saved === 'light' || saved === 'dark' ? saved : 'auto';
    this.me = undefined;
    this.failure = undefined;
    this.route = parseRoute(location.hash);
  }

  #onHash = () => {
    this.route = parseRoute(location.hash);
    // A new view: its heading takes the focus, so a screen reader hears where it is.
    void this.updateComplete.then(() => requestAnimationFrame(() => this.#focusHeading()));
  };

  #focusHeading() {
    const view = this.renderRoot.querySelector('main > *');
    const heading = view?.shadowRoot?.querySelector('h1') ?? this.renderRoot.querySelector('main h1');
    if (heading instanceof HTMLElement) heading.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.#onHash);
    void this.#loadMe();
  }

  override disconnectedCallback(): void {
    removeEventListener('hashchange', this.#onHash);
    super.disconnectedCallback();
  }

  async #loadMe() {
    try {
      const me = await api<Me>('/auth/me');
      setCsrf(me.csrfToken);
      this.me = me;
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 401) this.me = null;
      else this.failure = error instanceof Error ? error.message : String(error);
    }
  }

  async #signOut() {
    try {
      await api('/auth/logout', { method: 'POST' });
      setCsrf(undefined);
      this.me = null;
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    }
  }

  #toggleTheme() {
    const dark = this.theme === 'dark' || (this.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
    this.theme = dark ? 'light' : 'dark';
    localStorage.setItem(THEME_KEY, this.theme);
    document.documentElement.style.colorScheme = this.theme;
  }

  override firstUpdated(): void {
    if (this.theme !== 'auto') document.documentElement.style.colorScheme = this.theme;
  }

  override render(): TemplateResult {
    const dark = this.theme === 'dark' || (this.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
    const current = (view: Route['view'] | Route['view'][]) => ((Array.isArray(view) ? view : [view]).includes(this.route.view) ? 'page' : nothing);
    return html`
      <header>
        <span class="brand">mentorkit console</span>
        ${this.me
          ? html`<nav aria-label="Console">
              <ul>
                <li><a href=${href.occurrences()} aria-current=${current(['occurrences', 'occurrence', 'draw', 'check-in'])}>Occurrences</a></li>
                <li><a href=${href.completion()} aria-current=${current('completion')}>Completion</a></li>
                <li><a href=${href.audit()} aria-current=${current('audit')}>Audit log</a></li>
              </ul>
            </nav>`
          : nothing}
        <div class="who">
          ${this.me ? html`<span data-who>Signed in as <strong>${this.me.name ?? this.me.email ?? this.me.actor}</strong><span class="roles">${this.me.roles.admin ? ' (administrator)' : this.me.roles.programs.length > 0 ? ` (organizer: ${this.me.roles.programs.join(', ')})` : ''}</span></span>` : nothing}
          ${this.me?.via === 'session' ? html`<button type="button" class="button secondary small" @click=${() => void this.#signOut()}>Sign out</button>` : nothing}
          <button type="button" class="button secondary small" aria-pressed=${dark ? 'true' : 'false'} @click=${() => this.#toggleTheme()}>Dark theme</button>
        </div>
      </header>
      <main id="main">${keyed(JSON.stringify(this.route), this.#renderMain())}</main>
    `;
  }

  #renderMain(): TemplateResult {
    if (this.failure !== undefined) return html`<h1 tabindex="-1">Console</h1><p role="alert">${this.failure}</p>`;
    if (this.me === undefined) return html`<h1 tabindex="-1">Console</h1><p role="status">Loading…</p>`;
    if (this.me === null) {
      // The page's own path (under whatever prefix the server is mounted at) and view, to come back to.
      const back = location.pathname + (location.hash.length > 1 ? location.hash : '');
      return html`<h1 tabindex="-1">Organizer console</h1>
        <p>Sign in with your university account to see your programs’ workshops, rosters and check-ins.</p>
        <p><a class="button" href=${apiUrl('/auth/login?return=' + encodeURIComponent(back))}>Sign in</a></p>`;
    }
    const r = this.route;
    switch (r.view) {
      case 'occurrences':
        return html`<mk-console-occurrences></mk-console-occurrences>`;
      case 'occurrence':
        return html`<mk-console-occurrence .workshopId=${r.workshopId} .occurrenceId=${r.occurrenceId}></mk-console-occurrence>`;
      case 'draw':
        return html`<mk-console-draw .workshopId=${r.workshopId} .occurrenceId=${r.occurrenceId}></mk-console-draw>`;
      case 'check-in':
        return html`<mk-console-check-in .workshopId=${r.workshopId} .occurrenceId=${r.occurrenceId}></mk-console-check-in>`;
      case 'completion':
        return html`<mk-console-completion .programId=${r.programId}></mk-console-completion>`;
      case 'audit':
        return html`<mk-console-audit></mk-console-audit>`;
      default:
        return html`<h1 tabindex="-1">Not found</h1><p>There is no such page in the console. <a href=${href.occurrences()}>See the occurrences</a>.</p>`;
    }
  }
}

customElements.define('mk-console', MkConsole);

declare global {
  interface HTMLElementTagNameMap {
    'mk-console': MkConsole;
  }
}
