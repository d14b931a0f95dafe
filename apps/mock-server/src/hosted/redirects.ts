/**
 * The redirect allowlist. A redirect target must equal one of the profile's `whiteListUrls` (or its `redirectUrl`)
 * exactly, after no normalisation other than what the WHATWG URL parser does (lower-case scheme and host, default
 * port dropped). Trailing slashes, different path case, extra query, fragments, userinfo (`@` tricks), other ports,
 * other schemes (`javascript:`, `data:`) are all rejected: never an open redirect.
 */
export function allowedRedirect(candidate: string, allowlist: readonly string[]): URL | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  for (const entry of allowlist) {
    let allowed: URL;
    try {
      allowed = new URL(entry);
    } catch {
      continue;
    }
    if (allowed.href === url.href) return url;
  }
  return null;
}

export function redirectAllowlist(profile: {
  redirectUrl: string;
  whiteListUrls: readonly string[];
}): string[] {
  return [profile.redirectUrl, ...profile.whiteListUrls];
}

/** Appends result parameters to an allowlisted URL (keeping any query it already had). */
export function withParams(target: string, params: URLSearchParams): string {
  const url = new URL(target);
  for (const [name, value] of params) url.searchParams.set(name, value);
  return url.href;
}
