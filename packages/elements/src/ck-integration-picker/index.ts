import { defineElement } from '../base/define.js';
import { CkIntegrationPicker } from './ck-integration-picker.js';

export { CkIntegrationPicker } from './ck-integration-picker.js';
export * from './ck-integration-picker.types.js';
export {
  normalizeSearchText,
  indexIntegrations,
  filterIntegrations,
  connectionFor,
  type PickerOption,
  type PickerGroup,
} from './search.js';

defineElement('ck-integration-picker', CkIntegrationPicker);

declare global {
  interface HTMLElementTagNameMap {
    'ck-integration-picker': CkIntegrationPicker;
  }
}
