/**
 * The built-in glossary's source files (assets/glossary/*.json), read from disk. Node only: the build
 * (which turns them into one asset), the CLI, scripts, benches and tests. Extension code never imports this.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { GlossaryEntry } from './types';
// Node tools that match (CLI, scripts, tests) fold traditional characters like the extension does.
import '../matcher/fold-data';

export const GLOSSARY_SOURCE_DIR = resolve(import.meta.dirname, '..', '..', 'assets', 'glossary');

export interface GlossarySourceFile {
  file: string;
  entries: GlossaryEntry[];
}

/** Every source file, in name order; throws naming the file when one is not a JSON array. */
export function readGlossarySourceFiles(dir = GLOSSARY_SOURCE_DIR): GlossarySourceFile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const entries = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
      if (!Array.isArray(entries)) throw new Error(`${file}: not a JSON array`);
      return { file, entries: entries as GlossaryEntry[] };
    });
}

export function readBuiltinGlossary(dir = GLOSSARY_SOURCE_DIR): GlossaryEntry[] {
  return readGlossarySourceFiles(dir).flatMap((f) => f.entries);
}
