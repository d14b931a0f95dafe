/// <reference types="vite/client" />
import { describe, expect, test } from 'vitest';

/**
 * Token hygiene, checked on the source text: every token an element uses exists, every system token is used,
 * every reference token feeds a system token, and elements never skip the system tier or hard-code colours.
 */
const tokensSource = import.meta.glob('./tokens.ts', { query: '?raw', import: 'default', eager: true })[
  './tokens.ts'
] as string;
const sources = import.meta.glob(['../**/*.ts', '!../**/*.test.ts', '!../**/*.stories.ts', '!./tokens.ts', '!../localization/generated/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const styleSources = Object.fromEntries(Object.entries(sources).filter(([path]) => /\.styles\.ts$/.test(path)));

/** `--name: value;` declarations inside a block of CSS text. */
function declarations(cssText: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of cssText.matchAll(/(--ck-[\w-]+)\s*:\s*([^;]+);/g)) found.set(match[1]!, match[2]!.trim());
  return found;
}

/** Every `var(--ck-…)` use, with whether it has a fallback. */
function uses(text: string): { token: string; fallback: boolean }[] {
  return [...text.matchAll(/var\(\s*(--ck-[\w-]+)\s*(,)?/g)].map((m) => ({ token: m[1]!, fallback: m[2] === ',' }));
}

const rootBlock = tokensSource.slice(tokensSource.indexOf(':root'), tokensSource.indexOf("[data-ck-theme='dark']"));
const darkBlock = tokensSource.slice(tokensSource.indexOf("[data-ck-theme='dark']"));
const declared = declarations(rootBlock);
const darkDeclared = declarations(darkBlock);
const sysTokens = [...declared.keys()].filter((t) => t.startsWith('--ck-sys-'));
const refTokens = [...declared.keys()].filter((t) => t.startsWith('--ck-ref-'));

describe('design tokens', () => {
  test('the parser sees the token sheet and the element sources', () => {
    expect(sysTokens.length).toBeGreaterThan(30);
    expect(refTokens.length).toBeGreaterThan(20);
    expect(Object.keys(styleSources)).toContain('./shared.styles.ts');
    expect(Object.keys(styleSources).length).toBeGreaterThan(3);
  });

  test('every token used in the sources is declared, or is a per-element token with a fallback', () => {
    const problems: string[] = [];
    for (const [path, text] of Object.entries(sources)) {
      for (const { token, fallback } of uses(text)) {
        if (token.startsWith('--ck-sys-') || token.startsWith('--ck-ref-')) {
          if (!declared.has(token)) problems.push(`${path}: ${token} is not declared in tokens.ts`);
        } else if (!fallback && !declarations(text).has(token)) {
          problems.push(`${path}: per-element token ${token} has no fallback (use var(${token}, var(--ck-sys-…)))`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('the tokens sheet itself only refers to declared tokens', () => {
    const undeclared = uses(tokensSource)
      .map((u) => u.token)
      .filter((token) => !declared.has(token));
    expect(undeclared).toEqual([]);
  });

  test('every system token is used by some element style', () => {
    const allText = Object.values(sources).join('\n');
    const usedTokens = new Set(uses(allText).map((u) => u.token));
    expect(sysTokens.filter((token) => !usedTokens.has(token))).toEqual([]);
  });

  test('every reference token feeds a system token', () => {
    const sysValues = [...declared.entries(), ...darkDeclared.entries()]
      .filter(([token]) => token.startsWith('--ck-sys-'))
      .map(([, value]) => value)
      .join('\n');
    const feeding = new Set(uses(sysValues).map((u) => u.token));
    expect(refTokens.filter((token) => !feeding.has(token))).toEqual([]);
  });

  test('the dark theme only overrides existing system tokens', () => {
    expect([...darkDeclared.keys()].filter((token) => !token.startsWith('--ck-sys-') || !declared.has(token))).toEqual([]);
  });

  test('elements use the system tier, never reference tokens or hard-coded colours', () => {
    const problems: string[] = [];
    for (const [path, text] of Object.entries(styleSources)) {
      for (const { token } of uses(text)) if (token.startsWith('--ck-ref-')) problems.push(`${path}: uses ${token}`);
      for (const match of text.matchAll(/#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|oklch|lab)\(/g)) {
        problems.push(`${path}: hard-coded colour ${match[0]}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
