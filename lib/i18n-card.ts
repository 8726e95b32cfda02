/**
 * Interface strings of the term card and the word card (lib/i18n-card-messages.ts), for code the
 * content script bundles: the same language state as every screen (lib/i18n-core.ts), a small catalog.
 */
import { cardEn, cardZhCN, type CardMessageKey } from './i18n-card-messages';
import { translator } from './i18n-core';

export * from './i18n-core';
export type { CardMessageKey } from './i18n-card-messages';

export const { t, tParts } = translator<CardMessageKey>({ en: cardEn, 'zh-CN': cardZhCN });
