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

/**
 * The hosted sign-in URL to open for a connection: its `linkUrl`, with `redirect=` set when the app names where
 * the provider should send the person back (the server accepts only allowlisted targets). `undefined` when the
 * link is not http(s). A redirect that is not an absolute http(s) URL is ignored, never forwarded.
 */
export function hostedLinkUrl(linkUrl: string | null | undefined, redirectUrl?: string): string | undefined {
  const link = safeHttpUrl(linkUrl);
  const redirect = safeHttpUrl(redirectUrl);
  if (!link || !redirect) return link;
  const url = new URL(link);
  url.searchParams.set('redirect', redirect);
  return url.href;
}
