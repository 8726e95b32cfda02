/**
 * The card of a marked term, shown on hover, keyboard focus or tap of a mark in a shadow root attached
 * to <html> (not <body>, whose HTML must stay the page's own). Where it sits, what keeps it open and
 * the keyboard: ./card-frame.ts; what it shows: ./card.tsx.
 */
import { render } from 'preact';
import { sendMessage } from '@/lib/messages';
import type { GlossaryEntry } from '@/lib/glossary/types';
import { candidatePhrase, isCandidateId } from '@/lib/annotate/candidates';
import { DESCRIPTION_ATTR, OCCURRENCE_ATTR, TERM_ATTR } from '@/lib/dom-names';
import { occurrenceElement, occurrenceListOf, sentenceAround } from '@/lib/annotate/occurrences';
import { TermCard, type TermCardProps } from './card';
import { surfaceOf, textAfter } from '@/lib/annotate/mark-context';
import { t } from '@/lib/i18n-card';
import { CardFrame, type OpenOptions } from './card-frame';

export interface CardHostOptions {
  /** Called after the reader adds an entry, so the page can be marked again with it. */
  onEntryAdded?(entry: GlossaryEntry): void;
  /** The page a saved term came from (the reader shows saved articles: their own title and URL). */
  page?: () => { title: string; url: string };
}

interface TermOpenOptions extends OpenOptions {
  /** Another entry than the mark's (a related term). */
  showId?: string;
  status?: string;
}

/** The card of a marked term (or of candidate jargon): its entry, occurrences, saving, adding an explanation. */
export class TermCardHost extends CardFrame {
  private readonly saved = new Set<string>();
  private readonly entries = new Map<string, GlossaryEntry>();

  constructor(
    doc: Document,
    private readonly options: CardHostOptions,
  ) {
    super(doc);
  }

  private async fetchEntries(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.entries.has(id));
    if (missing.length) for (const e of await sendMessage('getEntries', missing)) this.entries.set(e.id, e);
  }

  /** Opens (or re-targets) the card for the mark `anchor`. */
  async open(anchor: Element, options: TermOpenOptions = {}): Promise<void> {
    if (options.pin) this.pinning++;
    try {
      await this.show(anchor, options);
    } finally {
      if (options.pin) this.pinning--;
    }
  }

  private async show(anchor: Element, { showId, status, pin, focus }: TermOpenOptions): Promise<void> {
    const generation = ++this.generation;
    const id = anchor.getAttribute(TERM_ATTR)!;
    const shownId = showId ?? id;
    const candidate = isCandidateId(shownId);
    if (!candidate) await this.fetchEntries([shownId]).catch(() => undefined);
    const entry = this.entries.get(shownId);
    if (entry) await this.fetchEntries(entry.related).catch(() => undefined);
    const extras = await this.extrasFor(anchor, shownId === id ? entry : undefined, candidate ? candidatePhrase(shownId) : undefined);
    if (generation !== this.generation || !anchor.isConnected) return;
    // Drawn occurrences (a huge page's) stay drawn until the card goes to one.
    const occurrences = occurrenceListOf(this.doc, id);
    if (this.onWordClosed) this.close(); // a word card gives way to the mark's card
    const number = anchor.getAttribute(OCCURRENCE_ATTR);
    const index = Math.max(0, occurrences.findIndex((o) => 'getAttribute' in o && o.getAttribute(OCCURRENCE_ATTR) === number));
    // Where the marks came without their English (the reader's), screen readers get it once loaded.
    if (entry && shownId === id && !anchor.hasAttribute(DESCRIPTION_ATTR)) anchor.setAttribute(DESCRIPTION_ATTR, entry.english);
    const same = !!this.host && this.anchor === anchor;
    this.retarget(anchor);
    this.pinned = pin ?? (same && this.pinned);
    this.mount();
    const go = (step: number) => {
      const next = occurrenceElement(occurrences[(index + step + occurrences.length) % occurrences.length]!);
      if (!next) return void this.open(anchor, { pin: true }); // the page rewrote that text: counted again
      // The card follows the next occurrence (pinned, so the pointer left behind does not close it);
      // focus stays on the button pressed, and Escape returns it to the new term.
      this.retarget(next);
      this.pinned = true;
      next.scrollIntoView({ block: 'center' });
      void this.open(next, { pin: true });
    };
    render(
      <TermCard
        entry={entry}
        phrase={candidate ? candidatePhrase(shownId) : undefined}
        related={(entry?.related ?? []).flatMap((r) => this.entries.get(r) ?? [])}
        occurrence={index + 1}
        total={occurrences.length}
        saved={this.saved.has(shownId)}
        status={status ?? (!entry && !candidate ? t('entryNotLoaded') : undefined)}
        keysHint={this.navigating}
        onPrevious={() => go(-1)}
        onNext={() => go(1)}
        onRelated={(relatedId) => void this.open(anchor, { showId: relatedId })}
        onClose={() => this.close()}
        onSave={() => void this.saveVocabulary(anchor, entry!)}
        onAddExplanation={(draft) => void this.addEntry(anchor, draft)}
        {...extras}
      />,
      this.shadow!,
    );
    this.position(true);
    if (focus) this.shadow?.querySelector<HTMLElement>('.card')?.focus({ preventScroll: true });
  }

  // ── issue 9: the occurrence as written (人大 on the card of 全国人民代表大会), a candidate's breakdown ──

  private async extrasFor(anchor: Element, entry: GlossaryEntry | undefined, phrase: string | undefined): Promise<Pick<TermCardProps, 'surface' | 'candidate'>> {
    if (phrase !== undefined) {
      // Items are looked for in the background (with the breakdown), keeping the finder out of this script.
      const breakdown = await sendMessage('breakDownPhrase', { phrase, after: textAfter(anchor) }).catch(() => undefined);
      return { candidate: { breakdown, items: breakdown?.items, sentence: sentenceAround(anchor) } };
    }
    const written = entry ? surfaceOf(anchor) : '';
    if (!entry || !written || written === entry.term) return {};
    // The pinyin of what is written, from the background's reader, not the headword's.
    const words = await sendMessage('readPinyin', [written]).then((r) => r[0], () => undefined);
    const pinyin = words?.flatMap(([, syllables]) => syllables.filter((s): s is string => s !== null)).join(' ');
    return pinyin ? { surface: { text: written, pinyin } } : {};
  }

  private async saveVocabulary(anchor: Element, entry: GlossaryEntry): Promise<void> {
    try {
      await sendMessage('saveVocabulary', {
        entryId: entry.id,
        term: entry.term,
        english: entry.english,
        pinyin: entry.pinyin,
        sentence: sentenceAround(anchor),
        definition: entry.explanation,
        pageTitle: this.options.page?.().title ?? this.doc.title,
        pageUrl: this.options.page?.().url ?? this.doc.location.href,
      });
      this.saved.add(entry.id);
      await this.open(anchor, { showId: entry.id });
    } catch (err) {
      await this.open(anchor, { showId: entry.id, status: t('couldNotSave', (err as Error).message) });
    }
  }

  private async addEntry(anchor: Element, draft: { term: string; english: string; explanation: string }): Promise<void> {
    try {
      const result = await sendMessage('addUserEntry', draft);
      if ('problems' in result) {
        await this.open(anchor, { status: t('couldNotAddEntry', result.worded.join('; ')) });
        return;
      }
      const { entry } = result;
      this.entries.set(entry.id, entry);
      this.close();
      this.options.onEntryAdded?.(entry);
    } catch (err) {
      await this.open(anchor, { status: t('couldNotAddEntry', (err as Error).message) });
    }
  }
}
