import { css, html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { tokenStyles } from '../../packages/elements/src/styles/tokens.js';

/** Every token the elements' token sheet declares, in source order (both tiers, no duplicates). */
export function declaredTokens(): string[] {
  const names = tokenStyles.cssText.match(/--ck-(?:ref|sys)-[\w-]+(?=\s*:)/g) ?? [];
  return [...new Set(names)];
}

/**
 * Storybook-only helper (not a product element): a table of the design tokens whose names start with `tokenPrefix`,
 * with the value they resolve to where the table sits (so the theme toolbar shows its effect) and a swatch for
 * colours. Its `tokenPrefix` is a Lit `@property`, which also proves legacy decorators work in the Storybook build.
 */
export class SbTokenTable extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-family: var(--ck-sys-font-family);
      color: var(--ck-sys-color-on-surface);
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    caption {
      text-align: start;
      font-weight: var(--ck-sys-font-weight-strong);
      padding-block: var(--ck-sys-space-sm);
    }
    th,
    td {
      text-align: start;
      padding: var(--ck-sys-space-xs) var(--ck-sys-space-sm);
      border-bottom: 1px solid var(--ck-sys-color-outline-variant);
      vertical-align: middle;
    }
    code {
      font-size: var(--ck-sys-font-size-small);
      overflow-wrap: anywhere;
    }
    .swatch {
      display: inline-block;
      inline-size: 2rem;
      block-size: 1.5rem;
      border-radius: var(--ck-sys-shape-corner-small);
      border: 1px solid var(--ck-sys-color-outline);
    }
  `;

  /** Only tokens whose name starts with this prefix are listed, e.g. `--ck-sys-color-`. */
  @property({ attribute: 'token-prefix' }) tokenPrefix = '--ck-sys-';

  /** Caption of the table. */
  @property() label = 'Design tokens';

  /** The active theme; setting it re-reads the resolved values. */
  @property() theme = 'light';

  protected override render() {
    const computed = getComputedStyle(this);
    const tokens = declaredTokens().filter((name) => name.startsWith(this.tokenPrefix));
    return html`<table>
      <caption>
        ${this.label}
      </caption>
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">Resolved value</th>
          <th scope="col">Preview</th>
        </tr>
      </thead>
      <tbody>
        ${tokens.map((name) => {
          const value = computed.getPropertyValue(name).trim();
          return html`<tr data-token=${name}>
            <th scope="row"><code>${name}</code></th>
            <td><code class="value">${value}</code></td>
            <td>
              ${
                name.includes('-color-') || name.includes('-palette-')
                  ? html`<span
                      class="swatch"
                      role="img"
                      aria-label=${`${name}: ${value}`}
                      style=${styleMap({ background: `var(${name})` })}
                    ></span>`
                  : nothing
              }
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

if (!customElements.get('sb-token-table')) customElements.define('sb-token-table', SbTokenTable);

declare global {
  interface HTMLElementTagNameMap {
    'sb-token-table': SbTokenTable;
  }
}
