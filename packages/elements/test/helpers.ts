/** Shared helpers for the browser tests. */
import axe from 'axe-core';
import { expect, onTestFinished, vi } from 'vitest';
import { cdp } from 'vitest/browser';
import type { LitElement } from 'lit';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Appends an element (created by `make`) to a fresh container and waits for its first render. */
export async function mount<T extends LitElement>(make: () => T, container: HTMLElement = document.body): Promise<T> {
  const el = make();
  container.append(el);
  await el.updateComplete;
  return el;
}

/** Waits until `check` passes (re-rendering elements settle over a few microtasks and fetches). */
export async function waitFor<T>(check: () => T, { timeout = 3000, interval = 10 } = {}): Promise<NonNullable<T>> {
  const start = performance.now();
  let last: unknown;
  for (;;) {
    try {
      const value = check();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (performance.now() - start > timeout) throw last instanceof Error ? last : new Error(`waitFor timed out: ${String(check)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Text content with ICU's narrow/no-break spaces and runs of whitespace made single spaces. */
export function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/[\u202f\u00a0\u2009]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Runs axe on an element (including its open shadow root) and fails listing every violation. */
export async function expectAccessible(element: Element): Promise<void> {
  const results = await axe.run(element, { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] });
  const report = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary}`).join('\n  ')}`);
  expect(report, report.join('\n')).toEqual([]);
}

/** `querySelector` in an element's shadow root, failing clearly when absent. */
export function $<E extends Element = HTMLElement>(host: Element, selector: string): E {
  const found = host.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector} in <${host.localName}>`);
  return found;
}

export function $$<E extends Element = HTMLElement>(host: Element, selector: string): E[] {
  return [...(host.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
}

/** Replaces `window.fetch` for one test; returns the calls and a restore function. */
export function stubFetch(handler: (url: string, init: RequestInit | undefined) => Response | Promise<Response>) {
  const original = window.fetch;
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push({ url, init });
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return handler(url, init);
  };
  return { calls, restore: () => (window.fetch = original) };
}

/** Collects `console.warn` messages for the rest of the test (where widgets tell web teams what went wrong). */
export function captureWarnings(): string[] {
  const warnings: string[] = [];
  const spy = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  });
  onTestFinished(() => {
    spy.mockRestore();
  });
  return warnings;
}

export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export type Rgb = [number, number, number];

/** Two painted colours the eye would not tell apart (anti-aliasing and blending aside). */
export const near = (a: Rgb, b: Rgb) => a.every((v, i) => Math.abs(v - b[i]!) <= 24);

/** The colour of most of `pixels`. */
export function mostCommon(pixels: Rgb[]): Rgb {
  const counts = new Map<string, number>();
  for (const p of pixels) counts.set(p.join(), (counts.get(p.join()) ?? 0) + 1);
  const [top] = [...counts].sort((x, y) => y[1] - x[1])[0]!;
  return top.split(',').map(Number) as Rgb;
}

/** How the browser paints `color` (a system colour, say) as a background here. */
export async function paintedColor(color: string): Promise<Rgb> {
  const probe = document.createElement('div');
  probe.style.cssText = `position: fixed; top: 0; left: 0; width: 8px; height: 8px; forced-color-adjust: none; background: ${color}`;
  document.body.append(probe);
  try {
    return mostCommon(await paintedPixels(probe.getBoundingClientRect()));
  } finally {
    probe.remove();
  }
}

/** The pixels the browser paints in `rect` (this frame's CSS pixels), from a screenshot of the page. */
export async function paintedPixels(rect: DOMRect): Promise<Rgb[]> {
  const frame = window.frameElement?.getBoundingClientRect() ?? new DOMRect();
  const scale = frame.width ? frame.width / window.innerWidth : 1;
  const clip = { x: frame.x + rect.x * scale, y: frame.y + rect.y * scale, width: rect.width * scale, height: rect.height * scale, scale: 1 / scale };
  const { data } = await cdp().send('Page.captureScreenshot', { format: 'png', clip });
  const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  const bytes = context.getImageData(0, 0, image.width, image.height).data;
  const pixels: Rgb[] = [];
  for (let i = 0; i < bytes.length; i += 4) pixels.push([bytes[i]!, bytes[i + 1]!, bytes[i + 2]!]);
  return pixels;
}
