import { useState } from 'preact/hooks';
import { sendMessage, type PageTermSummary } from '@/lib/messages';
import type { GlossaryEntry } from '@/lib/glossary/types';
import { isCandidateId } from '@/lib/annotate/candidates';
import { rankTerms } from '@/lib/annotate/term-counts';
import { t, tParts } from '@/lib/i18n';

/** How many terms the popup lists before "Show all N": the page's ten most frequent. */
export const TOP_TERMS = 10;

/** The page's glossary terms, most frequent first: the top ten, and all of them on request. */
export function PageTerms({ tabId, summary, entries }: { tabId: number; summary: PageTermSummary; entries: Map<string, GlossaryEntry> }) {
  const [all, setAll] = useState(false);
  const ranked = rankTerms(summary.counts).filter(([id]) => !isCandidateId(id));
  const candidates = rankTerms(summary.counts).filter(([id]) => isCandidateId(id)).length;
  const shown = all ? ranked : ranked.slice(0, TOP_TERMS);
  const reveal = (id: string) => void sendMessage('revealTerm', { id }, { tabId, frameId: 0 }).catch(() => undefined);
  if (ranked.length === 0) return <p class="muted">{t('noGlossaryTerms')}</p>;
  return (
    <section class="page-terms">
      <p>
        {tParts(ranked.length === 1 ? 'jargonTermOne' : 'jargonTermMany', [<strong data-testid="term-count">{ranked.length}</strong>])}
        {candidates > 0 && <span class="muted">{t('possibleTerms', candidates)}</span>}
      </p>
      <ul class="term-list" data-testid="term-list" id="page-term-list">
        {shown.map(([id, count]) => (
          <li key={id} data-term-id={id}>
            <button type="button" class="term-link" onClick={() => reveal(id)} title={t('showFirstOccurrence')}>
              <span lang="zh-Hans">{entries.get(id)?.term ?? id}</span>
            </button>
            <span class="muted term-english">{entries.get(id)?.english}</span>
            <span class="count" aria-label={t('occurrencesCount', count)}>
              {count}
            </span>
          </li>
        ))}
      </ul>
      {ranked.length > TOP_TERMS && (
        <button type="button" class="small show-all" aria-controls="page-term-list" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('showTopTerms') : t('showAllTerms', ranked.length)}
        </button>
      )}
    </section>
  );
}
