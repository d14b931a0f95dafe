#!/usr/bin/env node
/**
 * Screenshots of the built Storybook (storybook-static/) in headless Debian Chromium, light and dark, and a check
 * that nothing renders blank.
 *
 *   pnpm exec storybook build && node scripts/storybook-screenshots.mjs            # chosen stories
 *   node scripts/storybook-screenshots.mjs --all                                  # every story
 *   node scripts/storybook-screenshots.mjs elements-ck-link--landing ...          # these story ids
 *
 * Chosen stories: the first story of every element (ck-*) and every story tagged `screenshot`, plus the token page.
 * Each one is opened at iframe.html?id=...&globals=theme:<theme>, the custom elements in it are awaited
 * (`updateComplete`, recursively through shadow roots), and a PNG is written to screenshots/<id>--<theme>.png.
 *
 * The script FAILS (exit 1) when a story shows Storybook's error page, when an element of the story has an empty
 * shadow root, or when the screenshot is a single colour (a blank canvas).
 */
import { createServer } from 'node:http';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = path.join(root, 'storybook-static');
const outDir = path.join(root, 'screenshots');
const THEMES = ['light', 'dark'];

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** A static file server for storybook-static on a free loopback port. */
async function serveStatic(dir) {
  const server = createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      let file = path.normalize(path.join(dir, decodeURIComponent(pathname)));
      if (!file.startsWith(dir)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The stories to photograph, from storybook-static/index.json. */
async function chooseStories(args) {
  const index = JSON.parse(await readFile(path.join(staticDir, 'index.json'), 'utf8'));
  const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
  const ids = args.filter((arg) => !arg.startsWith('--'));
  if (ids.length) {
    const unknown = ids.filter((id) => !stories.some((story) => story.id === id));
    if (unknown.length) throw new Error(`unknown story id(s): ${unknown.join(', ')}`);
    return stories.filter((story) => ids.includes(story.id));
  }
  if (args.includes('--all')) return stories;
  const chosen = [];
  const seenTitles = new Set();
  for (const story of stories) {
    const isElement = story.importPath.includes('/packages/elements/src/');
    const firstOfTitle = !seenTitles.has(story.title);
    seenTitles.add(story.title);
    if ((isElement && firstOfTitle) || story.tags?.includes('screenshot')) chosen.push(story);
  }
  const tokens = stories.find((story) => story.id === 'foundations-design-tokens--colour-roles');
  if (tokens) chosen.push(tokens);
  return chosen;
}

/**
 * In the page: waits until Storybook has rendered the story, then until every custom element (also inside shadow
 * roots) has finished its Lit update. Returns what was rendered, so blank stories can be told apart.
 */
async function waitForRender(page) {
  await page.waitForFunction(
    () =>
      document.body.classList.contains('sb-show-main') ||
      document.body.classList.contains('sb-show-errordisplay') ||
      document.body.classList.contains('sb-show-nopreview'),
    undefined,
    { timeout: 20_000 },
  );
  return page.evaluate(async () => {
    if (!document.body.classList.contains('sb-show-main')) {
      const message = document.querySelector('#error-message')?.textContent ?? 'no preview';
      return { error: message.trim().slice(0, 300), elements: [] };
    }
    const storyRoot = document.querySelector('#storybook-root') ?? document.body;
    const all = (node) => {
      const found = [];
      for (const el of node.querySelectorAll('*')) {
        if (el.tagName.includes('-')) found.push(el);
        if (el.shadowRoot) found.push(...all(el.shadowRoot));
      }
      return found;
    };
    // Custom elements may appear as their updates resolve (a journey renders its steps): settle a few rounds.
    for (let round = 0; round < 5; round += 1) {
      const elements = all(storyRoot);
      await Promise.all(elements.map((el) => customElements.whenDefined(el.localName)));
      await Promise.all(elements.map((el) => el.updateComplete).filter(Boolean));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    }
    await document.fonts?.ready;
    const topLevel = [...storyRoot.querySelectorAll('*')].filter((el) => el.tagName.includes('-'));
    return {
      error: null,
      rootHeight: storyRoot.getBoundingClientRect().height,
      elements: topLevel.map((el) => ({
        tag: el.localName,
        defined: Boolean(customElements.get(el.localName)),
        hasShadow: Boolean(el.shadowRoot),
        shadowContent: el.shadowRoot
          ? el.shadowRoot.childElementCount + (el.shadowRoot.textContent?.trim().length ? 1 : 0)
          : 0,
      })),
    };
  });
}

/** Distinct colours in a PNG, counted in the browser (no image library needed). Capped at 64. */
async function distinctColours(page, png) {
  return page.evaluate(async (base64) => {
    const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    const colours = new Set();
    for (let i = 0; i < data.length && colours.size < 64; i += 4) {
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    return colours.size;
  }, png.toString('base64'));
}

async function main() {
  const args = process.argv.slice(2);
  if (!(await stat(path.join(staticDir, 'index.json')).catch(() => null))) {
    console.error('storybook-static/ is missing: run `pnpm exec storybook build` first.');
    process.exit(1);
  }
  const stories = await chooseStories(args);
  if (!stories.length) {
    console.error('no stories to photograph');
    process.exit(1);
  }
  await mkdir(outDir, { recursive: true });
  const server = await serveStatic(staticDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const failures = [];
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    for (const story of stories) {
      for (const theme of THEMES) {
        const name = `${story.id}--${theme}`;
        pageErrors.length = 0;
        const url = `${server.url}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=theme:${theme}`;
        await page.goto(url, { waitUntil: 'load' });
        let rendered;
        try {
          rendered = await waitForRender(page);
        } catch (error) {
          failures.push(`${name}: the story did not render (${error.message.split('\n')[0]})`);
          continue;
        }
        const png = await page.screenshot({ fullPage: true });
        await writeFile(path.join(outDir, `${name}.png`), png);
        const problems = [];
        if (rendered.error) problems.push(`Storybook error: ${rendered.error}`);
        for (const el of rendered.elements) {
          if (!el.defined) problems.push(`<${el.tag}> is not defined (registration dropped?)`);
          else if (el.hasShadow && el.shadowContent === 0)
            problems.push(`<${el.tag}> rendered an empty shadow root`);
        }
        if (!rendered.error && rendered.rootHeight === 0)
          problems.push('the story rendered nothing visible (zero height)');
        const isElementStory = story.importPath.includes('/packages/elements/src/');
        if (isElementStory && !rendered.error && !rendered.elements.some((el) => el.tag.startsWith('ck-')))
          problems.push('no ck-* element in the story');
        const colours = await distinctColours(page, png);
        if (colours <= 1) problems.push('the screenshot is a single colour (blank)');
        if (pageErrors.length) console.warn(`  ${name}: page errors: ${pageErrors.join(' | ')}`);
        if (problems.length) failures.push(`${name}: ${problems.join('; ')}`);
        console.log(
          `${problems.length ? 'FAIL' : 'ok  '} ${name}.png (${colours >= 64 ? '64+' : colours} colours)`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(
    `\n${stories.length * THEMES.length} screenshots in ${path.relative(process.cwd(), outDir) || '.'}/`,
  );
  if (failures.length) {
    console.error(`\n${failures.length} blank or broken:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
