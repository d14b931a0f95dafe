import type { Response } from 'express';

export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Tagged template whose interpolations are escaped unless wrapped in `raw()`. */
export class Raw {
  constructor(readonly html: string) {}
}
export const raw = (html: string) => new Raw(html);
export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0]!;
  values.forEach((value, i) => {
    const piece = Array.isArray(value)
      ? value.map((v) => (v instanceof Raw ? v.html : esc(v))).join('')
      : value instanceof Raw
        ? value.html
        : esc(value);
    out += piece + strings[i + 1]!;
  });
  return new Raw(out);
}

/**
 * Hosted pages: plain HTML forms, no JavaScript at all. A strict CSP (no scripts, styles and images from 'self'
 * only, forms only to 'self' and the validated redirect origin, never framed).
 */
export function sendPage(
  res: Response,
  status: number,
  page: { title: string; body: Raw; formOrigins?: string[] },
): void {
  const formAction = ["'self'", ...new Set(page.formOrigins ?? [])].join(' ');
  res.setHeader(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'self'; img-src 'self'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
  );
  res.setHeader('Cache-Control', 'no-store');
  res.status(status).type('html').send(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title)}</title>
<link rel="stylesheet" href="/link/assets/hosted.css">
</head>
<body>
<main class="card">
${page.body.html}
</main>
<footer><p>consent-kit mock server: a simulation for development and demos. No real provider is contacted.</p></footer>
</body>
</html>`);
}

export function sendErrorPage(res: Response, status: number, title: string, message: string): void {
  sendPage(res, status, {
    title: `${title} — consent-kit mock`,
    body: html`<h1>${title}</h1>
      <p role="alert">${message}</p>`,
  });
}

export const HOSTED_CSS = `:root{color-scheme:light dark;--fg:#1f2328;--bg:#f6f8fa;--card:#fff;--muted:#57606a;--accent:#0b5cad;--danger:#b42318;--border:#d0d7de}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--card:#161b22;--muted:#9da7b3;--accent:#58a6ff;--danger:#ff7b72;--border:#30363d}}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
.card{max-width:34rem;margin:2rem auto;padding:2rem;background:var(--card);border:1px solid var(--border);border-radius:12px}
h1{font-size:1.5rem;margin:0 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}p{margin:.5rem 0}
.brand{display:flex;align-items:center;gap:.75rem;margin-bottom:1rem}.brand img{width:48px;height:48px}
.badge{display:inline-block;font-size:.8rem;padding:.1rem .5rem;border-radius:99px;border:1px solid var(--border);color:var(--muted)}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}input[type=text],input[type=password],input[type=email]{width:100%;padding:.5rem;border:1px solid var(--border);border-radius:6px;font:inherit;background:var(--card);color:var(--fg)}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:1.25rem}
button{font:inherit;padding:.55rem 1rem;border-radius:6px;border:1px solid var(--border);background:var(--card);color:var(--fg);cursor:pointer}
button.primary{background:var(--accent);border-color:var(--accent);color:#fff}button.danger{color:var(--danger)}
button:focus-visible,a:focus-visible,input:focus-visible,summary:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
ul.integrations{list-style:none;padding:0;margin:0;display:grid;gap:.5rem}ul.integrations button{width:100%;display:flex;align-items:center;gap:.75rem;text-align:left}
ul.integrations img{width:32px;height:32px}details{margin-top:1.25rem}summary{cursor:pointer;font-weight:600}
.errors{display:grid;gap:.4rem;margin-top:.5rem}.errors button{text-align:left;font-family:ui-monospace,monospace;font-size:.9rem}
footer{max-width:34rem;margin:0 auto 2rem;padding:0 1rem;color:var(--muted);font-size:.85rem}
.muted{color:var(--muted)}`;
