/** Story tests only: connected stories use the token endpoint that vitest.global-setup.ts started. */
import { inject } from 'vitest';

globalThis.__CK_STORYBOOK_TOKEN_ENDPOINT__ = inject('ckTokenEndpoint');
