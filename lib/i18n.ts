/**
 * Interface strings for every screen: the whole catalog (lib/i18n-messages.ts) in the language the
 * user chose (lib/i18n-core.ts). The content script uses lib/i18n-card.ts instead.
 */
import { MESSAGES, type MessageKey } from './i18n-messages';
import { translator } from './i18n-core';

export * from './i18n-core';

export const { t, tParts } = translator<MessageKey>(MESSAGES);
