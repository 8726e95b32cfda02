/**
 * What the term card adds for issue 9: a candidate's breakdown (its words with pinyin and first
 * sense, its sentence, the items found in the text), and, on a glossary card, the occurrence's own
 * spelling when it differs from the headword ("written here as 人大", with its pinyin).
 */
import type { PhraseBreakdown } from '@/lib/messages';
import { t } from '@/lib/i18n-card';

export interface CandidateContext {
  breakdown?: PhraseBreakdown;
  /** The formula's items as the article lists them, when they were found. */
  items?: string[];
  sentence?: string;
}

export function CandidateBreakdown({ breakdown, items, sentence }: CandidateContext) {
  return (
    <>
      {breakdown && breakdown.words.length > 0 && (
        <section class="breakdown" aria-label={t('breakdownWordByWord')}>
          <h3>{t('breakdownWordByWord')}</h3>
          <ul data-testid="breakdown">
            {breakdown.words.map((w, i) => (
              <li key={i}>
                <span lang="zh-Hans" class="term">{w.word}</span> <span class="pinyin">{w.pinyin}</span>{' '}
                <span class="english">{w.english ?? t('breakdownNotInDictionary')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {items && items.length > 0 && (
        <section class="found-items">
          <h3>{t('itemsFoundInText')}</h3>
          <ol class="items" data-testid="found-items">
            {items.map((item) => (
              <li key={item} lang="zh-Hans">
                {item}
              </li>
            ))}
          </ol>
        </section>
      )}
      {sentence && (
        <section class="sentence">
          <h3>{t('inTheSentence')}</h3>
          <p lang="zh-Hans" data-testid="candidate-sentence">
            {sentence}
          </p>
        </section>
      )}
    </>
  );
}

/** The explanation a reader starts from when adding the phrase: the breakdown and the items, as text. */
export function draftExplanation({ breakdown, items }: CandidateContext): string {
  const lines: string[] = [];
  if (breakdown?.words.length)
    lines.push(breakdown.words.map((w) => `${w.word} (${w.pinyin}${w.english ? `: ${w.english}` : ''})`).join(' + '));
  if (items?.length) lines.push(items.join('、'));
  return lines.join('\n');
}

export function WrittenHere({ surface }: { surface: { text: string; pinyin: string } }) {
  return (
    <p class="written-here" data-testid="written-here">
      {t('writtenHereAs', surface.text)} <span class="pinyin">{surface.pinyin}</span>
    </p>
  );
}
