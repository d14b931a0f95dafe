import { describe, expect, it } from 'vitest';
import { hostedLinkUrl, safeHttpUrl } from './safe-url.js';

describe('safeHttpUrl', () => {
  it('keeps absolute http(s) URLs and drops every other scheme or relative URL', () => {
    expect(safeHttpUrl('https://cdn.example.com/logo.svg')).toBe('https://cdn.example.com/logo.svg');
    expect(safeHttpUrl(' http://localhost:4010/x ')).toBe('http://localhost:4010/x');
    for (const bad of [
      'javascript:alert(1)',
      'data:image/svg+xml,<svg onload=alert(1)>',
      '/relative.png',
      '',
      null,
    ]) {
      expect(safeHttpUrl(bad)).toBeUndefined();
    }
  });
});

describe('hostedLinkUrl', () => {
  const link = 'http://localhost:4010/link/c1/connections/k1/start';

  it('adds the app redirect as redirect=, encoded, keeping the link as it is otherwise', () => {
    const url = new URL(hostedLinkUrl(`${link}?a=1`, 'https://app.example.com/cb?x=1&y=2')!);
    expect(url.searchParams.get('redirect')).toBe('https://app.example.com/cb?x=1&y=2');
    expect(url.searchParams.get('a')).toBe('1');
    expect(`${url.origin}${url.pathname}`).toBe(link);
  });

  it('leaves the link alone without a usable redirect, and refuses a link that is not http(s)', () => {
    expect(hostedLinkUrl(link)).toBe(link);
    expect(hostedLinkUrl(link, 'javascript:alert(1)')).toBe(link);
    expect(hostedLinkUrl('javascript:alert(1)', 'https://app.example.com/cb')).toBeUndefined();
  });
});
