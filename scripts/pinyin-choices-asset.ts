/**
 * The build hook's side of pinyin-choices.json: rebuilt (by ./build-pinyin-choices.ts, in a child process
 * under tsx) only when its inputs changed, as the dictionary is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function writePinyinChoices(out: string, dictionaryFile: string): string {
  const inputs = [
    dictionaryFile,
    resolve(ROOT, 'scripts/build-pinyin-choices.ts'),
    resolve(ROOT, 'lib/pinyin/word-readings.ts'),
    resolve(ROOT, 'lib/pinyin/reading.ts'),
    resolve(ROOT, 'lib/pinyin/overrides.ts'),
    resolve(ROOT, 'node_modules/pinyin-pro/package.json'),
  ];
  const stamp = inputs.map((p) => `${statSync(p).size}:${statSync(p).mtimeMs}:${p}`).join('\n');
  const stampFile = `${out}.inputs`;
  if (existsSync(out) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return out;
  execFileSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'scripts/build-pinyin-choices.ts'), out, dictionaryFile], { stdio: 'inherit', cwd: ROOT });
  writeFileSync(stampFile, stamp);
  return out;
}
