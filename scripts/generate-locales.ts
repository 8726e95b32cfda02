// Writes locales/en.yml and locales/zh_CN.yml from lib/i18n-messages.ts, the source of truth.
// @wxt-dev/i18n turns them into _locales/*/messages.json (the manifest's __MSG_…__ strings) and
// key types. Run `npm run i18n:locales` after changing the catalog; tests/unit/i18n.test.ts fails
// while the files are out of date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALE_FILES, MESSAGES, type Language } from '@/lib/i18n-messages';

const dir = join(import.meta.dirname, '..', 'locales');
mkdirSync(dir, { recursive: true });
for (const [language, messages] of Object.entries(MESSAGES) as [Language, Record<string, string>][]) {
  const lines = [
    '# Generated from lib/i18n-messages.ts by `npm run i18n:locales`: edit the catalog, not this file.',
    // JSON strings are valid YAML double-quoted scalars, so every message keeps its exact text.
    ...Object.entries(messages).map(([key, message]) => `${key}: ${JSON.stringify(message)}`),
    '',
  ];
  const file = join(dir, `${LOCALE_FILES[language]}.yml`);
  writeFileSync(file, lines.join('\n'));
  console.log(`${file}: ${Object.keys(messages).length} messages`);
}
