import { css } from 'lit';

export const logoStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    flex: none;
    --_size: var(--ck-logo-size, 2.5rem);
    inline-size: var(--_size);
    block-size: var(--_size);
  }
  :host([size='small']) {
    --_size: var(--ck-logo-size, 1.5rem);
  }
  :host([size='large']) {
    --_size: var(--ck-logo-size, 3.5rem);
  }
  .frame {
    display: grid;
    place-items: center;
    inline-size: 100%;
    block-size: 100%;
    overflow: hidden;
    border-radius: var(--ck-logo-radius, var(--ck-sys-shape-corner-small));
    background: var(--ck-logo-background, var(--ck-sys-color-surface));
  }
  img {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: contain;
  }
  .monogram {
    font-weight: var(--ck-sys-font-weight-strong);
    font-size: calc(var(--_size) * 0.4);
    line-height: 1;
    letter-spacing: 0.02em;
    user-select: none;
  }
  .tone-1 {
    background: var(--ck-logo-monogram-1-background, var(--ck-sys-color-categorical-1));
    color: var(--ck-logo-monogram-1-color, var(--ck-sys-color-on-categorical-1));
  }
  .tone-2 {
    background: var(--ck-logo-monogram-2-background, var(--ck-sys-color-categorical-2));
    color: var(--ck-logo-monogram-2-color, var(--ck-sys-color-on-categorical-2));
  }
  .tone-3 {
    background: var(--ck-logo-monogram-3-background, var(--ck-sys-color-categorical-3));
    color: var(--ck-logo-monogram-3-color, var(--ck-sys-color-on-categorical-3));
  }
  .tone-4 {
    background: var(--ck-logo-monogram-4-background, var(--ck-sys-color-categorical-4));
    color: var(--ck-logo-monogram-4-color, var(--ck-sys-color-on-categorical-4));
  }
  .tone-5 {
    background: var(--ck-logo-monogram-5-background, var(--ck-sys-color-categorical-5));
    color: var(--ck-logo-monogram-5-color, var(--ck-sys-color-on-categorical-5));
  }
  .tone-6 {
    background: var(--ck-logo-monogram-6-background, var(--ck-sys-color-categorical-6));
    color: var(--ck-logo-monogram-6-color, var(--ck-sys-color-on-categorical-6));
  }
`;
