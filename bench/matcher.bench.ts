import { readBuiltinGlossary } from '@/lib/glossary/source-files';
const BUILTIN_GLOSSARY = readBuiltinGlossary();
import { surfacesOf } from '@/lib/glossary/glossary';
import { Matcher } from '@/lib/matcher/matcher';
import { toPatternSources } from '@/lib/glossary/glossary';
import { corpusText, repeatTo } from './corpus';
import { measure, report } from './measure';

/** The popup-dictionary method: at each position, try every length from longest down in a Map. */
function mapLookupBaseline(text: string, dictionary: Map<string, string>, maxLength: number): number {
  let found = 0;
  for (let i = 0; i < text.length; ) {
    let step = 1;
    for (let length = Math.min(maxLength, text.length - i); length > 0; length--) {
      if (dictionary.has(text.substr(i, length))) {
        found++;
        step = length;
        break;
      }
    }
    i += step;
  }
  return found;
}

/** The floor: a loop that only reads every character. */
function bareLoop(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

export function benchMatcher(): void {
  const { text: corpus, source } = corpusText();
  const text = repeatTo(corpus, 1_000_000);
  const matcher = new Matcher(toPatternSources(BUILTIN_GLOSSARY));
  const dictionary = new Map<string, string>();
  let maxLength = 1;
  for (const e of BUILTIN_GLOSSARY) {
    for (const s of surfacesOf(e)) {
      dictionary.set(s, e.id);
      maxLength = Math.max(maxLength, s.length);
    }
  }
  matcher.find('预热'); // build the tables outside the timing

  console.log(`\n## Matcher throughput on ${text.length.toLocaleString('en')} characters of ${source}`);
  console.log(`glossary: ${BUILTIN_GLOSSARY.length} entries, ${dictionary.size} spellings, longest ${maxLength} characters`);
  const matches = matcher.find(text).length;
  const baselineMatches = mapLookupBaseline(text, dictionary, maxLength);
  const ours = measure(() => matcher.find(text));
  const peer = measure(() => mapLookupBaseline(text, dictionary, maxLength));
  const floor = measure(() => bareLoop(text));
  report('matcher (trie walk, whitespace-tolerant)', ours, text.length, `${matches} matches`);
  report('peer baseline (Map lookup, longest first)', peer, text.length, `${baselineMatches} matches (no whitespace tolerance)`);
  report('bare loop (read every character)', floor, text.length);
  console.log(`matcher vs peer baseline: ${(peer.median / ours.median).toFixed(1)}x faster (target ≥ 10x)`);
  console.log(`matcher vs bare loop: ${(ours.median / floor.median).toFixed(1)}x slower (target ≤ 10x)`);
}
