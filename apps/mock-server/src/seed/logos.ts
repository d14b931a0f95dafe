/**
 * Original logos drawn for this project: the integration's initials on a simple coloured shape. No third-party
 * artwork is used or imitated. Every SVG is static markup (no scripts, no external references).
 */
import { createHash } from 'node:crypto';
import type { CatalogueIntegration } from './integrations.js';

const SHAPES = ['circle', 'rounded', 'hexagon', 'diamond'] as const;

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function initials(name: string): string {
  const words = name
    .replace(/\(.*?\)/g, '')
    .split(/[\s-]+/)
    .filter((w) => /^[A-Za-z0-9]/.test(w));
  const letters = words.length >= 2 ? words[0]![0]! + words[1]![0]! : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

function shapeFor(key: string): (typeof SHAPES)[number] {
  return SHAPES[createHash('sha1').update(key).digest()[0]! % SHAPES.length]!;
}

function shape(kind: (typeof SHAPES)[number], x: number, y: number, size: number, fill: string): string {
  const c = size / 2;
  switch (kind) {
    case 'circle':
      return `<circle cx="${x + c}" cy="${y + c}" r="${c}" fill="${fill}"/>`;
    case 'rounded':
      return `<rect x="${x}" y="${y}" width="${size}" height="${size}" rx="${size * 0.22}" fill="${fill}"/>`;
    case 'hexagon': {
      const pts = Array.from({ length: 6 }, (_, i) => {
        const a = (Math.PI / 3) * i + Math.PI / 6;
        return `${(x + c + c * Math.cos(a)).toFixed(1)},${(y + c + c * Math.sin(a)).toFixed(1)}`;
      });
      return `<polygon points="${pts.join(' ')}" fill="${fill}"/>`;
    }
    case 'diamond':
      return `<rect x="${x + size * 0.15}" y="${y + size * 0.15}" width="${size * 0.7}" height="${size * 0.7}" rx="${size * 0.12}" transform="rotate(45 ${x + c} ${y + c})" fill="${fill}"/>`;
  }
}

function mark(entry: CatalogueIntegration, x: number, y: number, size: number): string {
  const text = initials(entry.name);
  const fontSize = Math.round(size * (text.length > 1 ? 0.4 : 0.5));
  return (
    shape(shapeFor(entry.key), x, y, size, entry.color) +
    `<text x="${x + size / 2}" y="${y + size / 2}" dy="0.35em" text-anchor="middle" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="${fontSize}" font-weight="700" fill="#ffffff">${xml(text)}</text>`
  );
}

/** Square logo (64 x 64). */
export function squareLogo(entry: CatalogueIntegration): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" role="img" aria-label="${xml(entry.name)} logo"><title>${xml(entry.name)}</title>${mark(entry, 2, 2, 60)}</svg>`;
}

/** Wide logo: the mark plus the name. */
export function fullLogo(entry: CatalogueIntegration): string {
  const width = Math.max(160, 64 + entry.name.length * 11);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} 56" width="${width}" height="56" role="img" aria-label="${xml(entry.name)} logo"><title>${xml(entry.name)}</title>${mark(entry, 4, 4, 48)}<text x="62" y="28" dy="0.35em" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="18" font-weight="600" fill="#1f2328">${xml(entry.name)}</text></svg>`;
}

/** "Connect to X" button, default or hover state. */
export function buttonImage(entry: CatalogueIntegration, hover: boolean): string {
  const label = `Connect to ${entry.name}`;
  const width = Math.max(200, 56 + label.length * 9);
  const bg = hover ? entry.color : '#ffffff';
  const fg = hover ? '#ffffff' : '#1f2328';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} 44" width="${width}" height="44" role="img" aria-label="${xml(label)}"><title>${xml(label)}</title><rect x="0.5" y="0.5" width="${width - 1}" height="43" rx="8" fill="${bg}" stroke="${entry.color}"/>${mark(entry, 8, 8, 28)}<text x="46" y="22" dy="0.35em" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="15" font-weight="600" fill="${fg}">${xml(label)}</text></svg>`;
}
