import { afterEach, describe, expect, it } from 'vitest';
import { html } from 'lit';
import { MkElement } from './mk-element.js';
import { hasMessages, msg } from './localize.js';

class MkProbe extends MkElement {
  /** Every text this element has rendered, in order. */
  rendered: string[] = [];
  override render() {
    const text = msg('Try again', { id: 'try-again' });
    this.rendered.push(text);
    return html`<p>${text}</p>`;
  }
}
customElements.define('mk-probe', MkProbe);

declare global {
  interface HTMLElementTagNameMap {
    'mk-probe': MkProbe;
  }
}

const said = (el: Element) => el.shadowRoot!.querySelector('p')!.textContent;

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
});

describe('MkElement', () => {
  // First in the file: the Spanish catalogue is module state, loaded at most once per page.
  it('loads the Spanish messages only for a Spanish element, and renders no English before them', async () => {
    const en = document.createElement('mk-probe');
    document.body.append(en);
    await en.updateComplete;
    expect(hasMessages('es')).toBe(false);
    const es = document.createElement('mk-probe');
    es.lang = 'es';
    document.body.append(es);
    await es.updateComplete;
    expect(hasMessages('es')).toBe(true);
    expect(es.rendered).toEqual(['Reintentar']);
    expect(en.rendered).toEqual(['Try again']);
  });

  it('takes its language from the nearest lang, per element, across shadow roots', async () => {
    const es = document.createElement('mk-probe');
    es.lang = 'es-MX';
    const en = document.createElement('mk-probe');
    const host = document.createElement('div');
    host.lang = 'es';
    const shadow = host.attachShadow({ mode: 'open' });
    const nested = document.createElement('mk-probe');
    shadow.append(nested);
    document.body.append(es, en, host);
    await Promise.all([es.updateComplete, en.updateComplete, nested.updateComplete]);
    expect([said(es), said(en), said(nested)]).toEqual(['Reintentar', 'Try again', 'Reintentar']);
    expect(es.locale).toBe('es-MX');
    expect(es.messagesLocale).toBe('es');
    // msg() outside a render is English again.
    expect(msg('Try again', { id: 'try-again' })).toBe('Try again');
  });

  it('re-renders when its lang attribute changes, and ignores invalid tags', async () => {
    const el = document.createElement('mk-probe');
    document.body.append(el);
    await el.updateComplete;
    el.setAttribute('lang', 'es');
    await el.updateComplete;
    expect(said(el)).toBe('Reintentar');
    el.setAttribute('lang', 'not a tag!');
    await el.updateComplete;
    expect(el.locale).toBe('en');
    expect(said(el)).toBe('Try again');
  });

  it('reflects theme and switches tokens for dark and auto', async () => {
    const el = document.createElement('mk-probe');
    document.body.append(el);
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).toBe('dark');
    expect(getComputedStyle(el).getPropertyValue('--_mk-surface').trim()).toBe('#16191d');
    el.theme = 'light';
    await el.updateComplete;
    expect(getComputedStyle(el).getPropertyValue('--_mk-surface').trim()).toBe('#ffffff');
  });

  it('lets a page token set on an ancestor win over the default', async () => {
    const wrapper = document.createElement('div');
    wrapper.style.setProperty('--mk-color-accent', 'rgb(1, 2, 3)');
    const el = document.createElement('mk-probe');
    wrapper.append(el);
    document.body.append(wrapper);
    await el.updateComplete;
    expect(getComputedStyle(el).getPropertyValue('--_mk-accent').trim()).toBe('rgb(1, 2, 3)');
  });
});
