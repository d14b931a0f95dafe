import { renderJourney } from './journey.js';

/** Step 2 of an application: connect the accounting software and one or more banks. */
export function render(): Promise<void> {
  return renderJourney('apply');
}
