import type { Connection, Integration } from '@consent-kit/contract';
import { PICKER_SOURCE_TYPES, type OptionState, type PickerSourceType, type UnavailableReason } from './ck-integration-picker.types.js';

/** Letters NFKD does not decompose. */
const FOLDS: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };
const FOLD_RE = /[œæßøđðłþı]/g;
const MARKS_RE = /\p{M}+/gu;
const SPACE_RE = /\s+/g;

/**
 * Text for matching: case-, accent- and width-insensitive ("Société" -> "societe", "ＡＢＣ" -> "abc"), with runs of
 * white space collapsed.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .toLowerCase()
    .replace(FOLD_RE, (c) => FOLDS[c] ?? c)
    .replace(SPACE_RE, ' ')
    .trim();
}

/** An integration prepared once for fast filtering. */
export interface IndexedIntegration {
  integration: Integration;
  /** Normalised name, searched with `includes`. */
  haystack: string;
  /** Normalised name, for type-ahead. */
  name: string;
  sourceType: PickerSourceType | undefined;
}

/** Precomputes the normalised text and sorts by name: O(n log n) once per `integrations` value. */
export function indexIntegrations(integrations: readonly Integration[], locale?: string): IndexedIntegration[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return integrations
    .filter((integration) => integration.enabled !== false)
    .map((integration) => {
      const name = normalizeSearchText(integration.name);
      return {
        integration,
        name,
        haystack: name,
        sourceType: (PICKER_SOURCE_TYPES as readonly string[]).includes(integration.sourceType ?? '')
          ? (integration.sourceType as PickerSourceType)
          : undefined,
      };
    })
    .sort((a, b) => collator.compare(a.integration.name, b.integration.name));
}

/** One option as rendered. */
export interface PickerOption {
  integration: Integration;
  name: string;
  state: OptionState;
  connection?: Connection;
  reason?: UnavailableReason;
  /** The connected accounting platform's name (for the one-accounting reason). */
  reasonName?: string;
}

export interface PickerGroup {
  sourceType: PickerSourceType;
  options: PickerOption[];
}

export interface FilterOptions {
  search: string;
  sourceTypes?: readonly string[] | undefined;
  allowedIntegrations?: readonly string[] | undefined;
  connections?: readonly Connection[] | undefined;
}

/** The connection of a company to an integration, matched by key, then integration id, then name. */
export function connectionFor(integration: Integration, connections: readonly Connection[]): Connection | undefined {
  return (
    connections.find((c) => c.integrationKey && c.integrationKey === integration.key) ??
    connections.find((c) => integration.integrationId && c.integrationId === integration.integrationId) ??
    connections.find((c) => !c.integrationKey && c.platformName === integration.name)
  );
}

/**
 * Filters and groups in one O(n) pass over the index: source-type and allow-list filters, the search (every word
 * of the query must occur), connection state and the one-accounting rule (a company has at most one accounting
 * connection, so the others are unavailable while one exists).
 */
export function filterIntegrations(index: readonly IndexedIntegration[], options: FilterOptions): PickerGroup[] {
  const words = normalizeSearchText(options.search).split(' ').filter(Boolean);
  const sourceTypes = options.sourceTypes?.length ? new Set(options.sourceTypes) : undefined;
  const allowed = options.allowedIntegrations?.length ? new Set(options.allowedIntegrations) : undefined;
  const connections = options.connections ?? [];
  const accounting = connections.find((c) => c.sourceType === 'Accounting');
  const groups = new Map<PickerSourceType, PickerOption[]>(PICKER_SOURCE_TYPES.map((type) => [type, []]));
  for (const entry of index) {
    if (!entry.sourceType) continue;
    if (sourceTypes && !sourceTypes.has(entry.sourceType)) continue;
    if (allowed && !allowed.has(entry.integration.key)) continue;
    let match = true;
    for (const word of words) {
      if (!entry.haystack.includes(word)) {
        match = false;
        break;
      }
    }
    if (!match) continue;
    const connection = connections.length ? connectionFor(entry.integration, connections) : undefined;
    const option: PickerOption = {
      integration: entry.integration,
      name: entry.name,
      state: connection ? 'connected' : 'available',
    };
    if (connection) option.connection = connection;
    else if (entry.sourceType === 'Accounting' && accounting) {
      option.state = 'unavailable';
      option.reason = 'one-accounting';
      option.reasonName = accounting.platformName;
    }
    groups.get(entry.sourceType)!.push(option);
  }
  return [...groups].filter(([, list]) => list.length > 0).map(([sourceType, list]) => ({ sourceType, options: list }));
}
