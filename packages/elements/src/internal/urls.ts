/**
 * Only http(s) and mailto links ever become hrefs. The feed schema already requires http(s) URLs;
 * this is the second line, for values that reach a link any other way (`rsvp-href`, request e-mails).
 */
export function safeHref(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  try {
    const url = new URL(trimmed, document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A mailto: link for a plain address, or undefined when it is not one. */
export function mailtoHref(email: string | null | undefined, subject?: string): string | undefined {
  if (!email || !/^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+$/.test(email.trim())) return undefined;
  return `mailto:${email.trim()}${subject ? `?subject=${encodeURIComponent(subject)}` : ''}`;
}
