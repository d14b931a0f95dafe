import { css } from 'lit';

export const consentConfirmationStyles = css`
  :host {
    max-inline-size: var(--ck-consent-confirmation-max-width, 40rem);
  }
  .notice {
    display: flex;
    flex-direction: column;
    gap: var(--ck-consent-confirmation-gap, var(--ck-sys-space-lg));
  }
  .who {
    display: flex;
    align-items: center;
    gap: var(--ck-sys-space-md);
  }
  .heading {
    margin: 0;
    font-size: var(--ck-consent-confirmation-heading-size, var(--ck-sys-font-size-headline));
    font-weight: var(--ck-sys-font-weight-strong);
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  p {
    margin: 0;
  }
  .subheading {
    margin: 0 0 var(--ck-sys-space-xs);
    font-size: var(--ck-sys-font-size-title);
    font-weight: var(--ck-sys-font-weight-strong);
  }
  section {
    display: flex;
    flex-direction: column;
    gap: var(--ck-sys-space-sm);
  }
  .panel {
    padding: var(--ck-sys-space-md) var(--ck-sys-space-lg);
    border-radius: var(--ck-consent-confirmation-panel-radius, var(--ck-sys-shape-corner-medium));
    background: var(--ck-consent-confirmation-panel-background, var(--ck-sys-color-surface-container));
  }
  .group-heading {
    margin: 0;
    font-size: var(--ck-sys-font-size-body);
    font-weight: var(--ck-sys-font-weight-strong);
  }
  .group-source {
    font-size: var(--ck-sys-font-size-small);
    color: var(--ck-sys-color-on-surface-variant);
  }
  ul {
    margin: 0;
    padding-inline-start: var(--ck-sys-space-lg);
    display: flex;
    flex-direction: column;
    gap: var(--ck-sys-space-xs);
  }
  .dt-label {
    font-weight: var(--ck-sys-font-weight-strong);
  }
  .dt-description {
    color: var(--ck-sys-color-on-surface-variant);
  }
  .new-tag {
    margin-inline-start: var(--ck-sys-space-xs);
    padding-inline: var(--ck-sys-space-xs);
    border-radius: var(--ck-sys-shape-corner-small);
    font-size: var(--ck-sys-font-size-small);
    font-weight: var(--ck-sys-font-weight-strong);
    background: var(--ck-consent-confirmation-new-background, var(--ck-sys-color-primary-container));
    color: var(--ck-consent-confirmation-new-color, var(--ck-sys-color-on-primary-container));
  }
  .facts {
    display: flex;
    flex-direction: column;
    gap: var(--ck-sys-space-sm);
  }
  .fact {
    display: flex;
    gap: var(--ck-sys-space-sm);
    align-items: flex-start;
  }
  .fact .icon {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin-block-start: 0.125rem;
    color: var(--ck-sys-color-primary);
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ck-sys-space-sm) var(--ck-sys-space-lg);
  }
  a {
    color: var(--ck-consent-confirmation-link-color, var(--ck-sys-color-primary));
    text-underline-offset: 0.15em;
    display: inline-flex;
    align-items: center;
    min-block-size: var(--ck-sys-target-size);
    gap: var(--ck-sys-space-xs);
  }
  a .icon {
    inline-size: 1rem;
    block-size: 1rem;
  }
  .withdraw {
    padding: var(--ck-sys-space-md);
    border-inline-start: 4px solid var(--ck-consent-confirmation-withdraw-accent, var(--ck-sys-color-primary));
    background: var(--ck-consent-confirmation-withdraw-background, var(--ck-sys-color-primary-container));
    color: var(--ck-sys-color-on-primary-container);
    border-radius: var(--ck-sys-shape-corner-small);
  }
  .actions {
    display: flex;
    flex-wrap: wrap-reverse;
    justify-content: flex-end;
    gap: var(--ck-sys-space-sm);
    margin-block-start: var(--ck-sys-space-lg);
  }
  .actions .button {
    flex: 1 1 12rem;
  }
  .saved {
    display: flex;
    gap: var(--ck-sys-space-sm);
    align-items: center;
    padding: var(--ck-sys-space-md);
    border-radius: var(--ck-sys-shape-corner-small);
    background: var(--ck-sys-color-success-container);
    color: var(--ck-sys-color-on-success-container);
  }
  .muted {
    color: var(--ck-sys-color-on-surface-variant);
  }
`;
