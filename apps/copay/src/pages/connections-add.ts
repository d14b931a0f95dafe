import { renderJourney } from './journey.js';

/** Scenario 3: connect another bank for the lending product already consented to. */
export function render(): Promise<void> {
  return renderJourney('add');
}
