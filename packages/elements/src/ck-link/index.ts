import { defineElement } from '../base/define.js';
import { CkLink, setLinkStepsLoader } from './ck-link.js';

export * from './api.js';

// The picker, consent confirmation and sync status, fetched as one chunk when a <ck-link> first connects.
setLinkStepsLoader(() => import('./link-steps.js'));
defineElement('ck-link', CkLink);
