/** The glossary shipped with the extension: every file in assets/glossary, validated by tests/data. */
import type { GlossaryEntry } from './types';

const files = import.meta.glob<GlossaryEntry[]>('../../assets/glossary/*.json', { eager: true, import: 'default' });

export const GLOSSARY_FILES: Readonly<Record<string, readonly GlossaryEntry[]>> = Object.fromEntries(
  Object.entries(files).map(([path, entries]) => [path.slice(path.lastIndexOf('/') + 1), entries]),
);

export const BUILTIN_GLOSSARY: readonly GlossaryEntry[] = Object.values(GLOSSARY_FILES).flat();
