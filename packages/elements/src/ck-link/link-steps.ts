/**
 * The elements `<ck-link>` composes for its steps, fetched together as one chunk (see `loadSteps` in ck-link.ts).
 * One `import()` target instead of three: a page that also imports these elements itself gets them in one shared
 * chunk rather than one chunk each (every chunk is compressed on its own, so fewer chunks weigh less).
 */
import '../ck-integration-picker/index.js';
import '../ck-consent-confirmation/index.js';
import '../ck-sync-status/index.js';
