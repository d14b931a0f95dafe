/**
 * The URL as a string when it is an absolute http(s) URL, else `undefined`. Logos, policy and terms links go
 * through this so that `javascript:`, `data:` (e.g. `data:image/svg+xml`) and relative URLs never reach the DOM.
 */
export function safeHttpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
