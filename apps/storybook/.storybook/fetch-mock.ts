import type { StoryContext } from '@storybook/web-components-vite';

/**
 * `parameters.mockFetch`: a story answers the widgets' requests itself — a feed URL that never answers
 * (loading), a server error, an RSVP service that says "full" or "waitlisted" — without a server.
 *
 *     parameters: { mockFetch: (url, init) => (url.endsWith('/rsvp') ? Response.json({ status: 'confirmed' }) : undefined) }
 *
 * A handler gets the absolute URL, the request options and the story's context (for the seed feeds in
 * `context.loaded`); it returns a Response (or a promise of one), or undefined to let the request
 * through to the network. Installed before the story renders and removed after it, so stories cannot
 * leak into each other.
 */
export type FetchHandler = (url: string, init: RequestInit | undefined, context: StoryContext) => Response | Promise<Response> | undefined;

export function installFetchMock(handler: FetchHandler, context: StoryContext): () => void {
  // Put back exactly as it was found, unbound.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const answer = handler(new URL(url, document.baseURI).href, init, context);
    if (answer === undefined) return original(input, init);
    // Like a real request, an abort rejects even while the story's answer is still pending.
    const signal = init?.signal;
    if (!signal) return Promise.resolve(answer);
    if (signal.aborted) return Promise.reject(new DOMException('The request was aborted.', 'AbortError'));
    return new Promise<Response>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new DOMException('The request was aborted.', 'AbortError')), { once: true });
      Promise.resolve(answer).then(resolve, reject);
    });
  };
  return () => {
    window.fetch = original;
  };
}
