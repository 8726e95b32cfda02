/**
 * The built-in glossary's pattern pack (./pattern-pack.ts), made when the extension is built
 * (wxt.config.ts, from the same entries as the shipped glossary.json) and bundled as one JSON string
 * into the early content script only (entrypoints/early-read.content). While the user has changed
 * nothing in the glossary (its version is still UNCHANGED_GLOSSARY_VERSION) that is the pack every
 * page needs, so a page reads only its settings and the version from storage. Reading the stored pack
 * (about 400 KB) at document_start answered 20–270 ms later; where the answer came after
 * DOMContentLoaded, its unpacking went ahead of the browser's document_idle scripts, and the page's
 * first layout often with it (the bench's first-marks figures). Imported by wxt.config.ts too, so it
 * imports nothing of the extension's runtime.
 */
import { makePatternPack, PATTERN_PACK_FORMAT, type PatternPack } from './pattern-pack';
import { Glossary } from './glossary';
import type { GlossaryEntry } from './types';

/** The glossary version before any change to the user's entries (lib/glossary/version.ts's fallback). */
export const UNCHANGED_GLOSSARY_VERSION = 0;

// Replaced at build time (wxt.config.ts) in the scripts that read it; absent in unit tests unless stubbed.
declare const __YIDU_BUILTIN_PACK__: string | undefined;

/** The bundled pack, or undefined where there is none (or it is not of this code's format). */
export function builtinPack(): PatternPack | undefined {
  if (typeof __YIDU_BUILTIN_PACK__ !== 'string') return undefined;
  const pack = JSON.parse(__YIDU_BUILTIN_PACK__) as PatternPack | null;
  return pack?.format === PATTERN_PACK_FORMAT && pack.glossaryVersion === UNCHANGED_GLOSSARY_VERSION ? pack : undefined;
}

/**
 * The pack of the shipped entries as the build bundles it (wxt.config.ts): stamped as the background
 * stamps the packs it stores for an unchanged glossary, and ASCII only (JSON's \u escapes for the
 * rest), so the script's string takes one byte per character.
 */
export function builtinPackJsonOf(shipped: readonly GlossaryEntry[], build: string): string {
  const json = JSON.stringify(makePatternPack(new Glossary(shipped), { glossaryVersion: UNCHANGED_GLOSSARY_VERSION, build }));
  return json.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
