/**
 * Opens the term card on hover, keyboard focus or tap of a mark, in a shadow root attached to
 * <html> (not <body>, whose HTML must stay the page's own). Closes on Escape or an outside click.
 */
import { render, type ComponentChild } from 'preact';
import { sendMessage } from '@/lib/messages';
import type { GlossaryEntry } from '@/lib/glossary/types';
import { candidatePhrase, isCandidateId } from '@/lib/annotate/candidates';
import { CARD_TAG, MARK_TAG, OCCURRENCE_ATTR, TERM_ATTR } from '@/lib/dom-names';
import { occurrencesOf, sentenceAround } from '@/lib/annotate/occurrences';
import { TermCard, type TermCardProps } from './card';
import { surfaceOf, textAfter } from '@/lib/annotate/mark-context';
import { loadLanguage, t } from '@/lib/i18n';
import { problemText } from '@/components/problem-text';
import cardCss from '@/assets/styles/card.css?inline';

const HOVER_OPEN_MS = 180;
const HOVER_CLOSE_MS = 350;

export interface CardHostOptions {
  /** Called after the reader adds an entry, so the page can be marked again with it. */
  onEntryAdded?(entry: GlossaryEntry): void;
  /** The page a saved term came from (the reader shows saved articles: their own title and URL). */
  page?: () => { title: string; url: string };
}

export class TermCardHost {
  private host: HTMLElement | undefined;
  private shadow: ShadowRoot | undefined;
  private anchor: Element | undefined;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly saved = new Set<string>();
  private readonly entries = new Map<string, GlossaryEntry>();
  private readonly abort = new AbortController();
  /** Set while focus goes back to a term after Escape, so that focus does not reopen its card. */
  private returningFocus = false;
  /** Bumped by every open and close, so a slow open that was overtaken does not show a stale card. */
  private generation = 0;
  /** Told when the shown word card (not a mark's card) goes away: its highlight goes with it. */
  private onWordClosed: (() => void) | undefined;

  constructor(
    private readonly doc: Document,
    private readonly options: CardHostOptions,
  ) {
    // The user's language choice, read once (and followed) before the first card opens.
    void loadLanguage();
    const on = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void) =>
      doc.addEventListener(type, fn as EventListener, { capture: true, signal: this.abort.signal });
    on('mouseover', (e) => {
      const mark = markOf(e.target);
      if (mark) {
        clearTimeout(this.closeTimer);
        clearTimeout(this.openTimer);
        this.openTimer = setTimeout(() => void this.open(mark), HOVER_OPEN_MS);
      } else if (!this.isInCard(e.target)) this.scheduleClose();
    });
    on('mouseout', (e) => {
      if (markOf(e.target)) clearTimeout(this.openTimer);
    });
    on('focusin', (e) => {
      const mark = markOf(e.target);
      if (mark && !this.returningFocus) void this.open(mark);
    });
    on('click', (e) => {
      const mark = markOf(e.target);
      // A tap on a term opens its card; inside a link the link still works (its card opens on hover).
      if (mark && !mark.closest('a[href]')) void this.open(mark);
    });
    on('pointerdown', (e) => {
      if (this.host && !this.isInCard(e.target) && !markOf(e.target)) this.close();
    });
    on('keydown', (e) => {
      if (e.key === 'Escape' && this.host) {
        const anchor = this.anchor;
        this.close();
        this.returningFocus = true;
        (anchor as HTMLElement | undefined)?.focus?.({ preventScroll: true });
        this.returningFocus = false;
      }
    });
  }

  destroy(): void {
    this.abort.abort();
    this.close();
  }

  private isInCard(target: EventTarget | null): boolean {
    return !!this.host && target instanceof Node && (target === this.host || this.host.contains(target));
  }

  private scheduleClose(): void {
    if (!this.host) return;
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(), HOVER_CLOSE_MS);
  }

  /** Is a word card (a dictionary lookup) what the card shows now? */
  get showsWord(): boolean {
    return !!this.host && !!this.onWordClosed;
  }

  /** Is a mark's card (not a word card) open? A lookup answering late must not replace it. */
  get showsMark(): boolean {
    return !!this.host && !this.onWordClosed;
  }

  /** Shows `content` (the word card) below or above `rect`, in place of any card open now; `onClosed` runs when it closes. */
  showWord(content: ComponentChild, rect: DOMRect, onClosed: () => void): void {
    this.close();
    this.mount();
    this.onWordClosed = onClosed;
    render(content, this.shadow!);
    this.position(rect);
  }

  /** Re-renders the word card in place (a saved state, a status line). */
  updateWord(content: ComponentChild): void {
    if (this.showsWord) render(content, this.shadow!);
  }

  close(): void {
    const closed = this.onWordClosed;
    this.onWordClosed = undefined;
    closed?.();
    this.generation++;
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    if (this.shadow) render(null, this.shadow);
    this.host?.remove();
    this.host = undefined;
    this.shadow = undefined;
    this.anchor = undefined;
  }

  private async fetchEntries(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.entries.has(id));
    if (missing.length) for (const e of await sendMessage('getEntries', missing)) this.entries.set(e.id, e);
  }

  /** Opens (or re-targets) the card for the mark `anchor`, optionally showing another entry. */
  async open(anchor: Element, showId?: string, status?: string): Promise<void> {
    const generation = ++this.generation;
    const id = anchor.getAttribute(TERM_ATTR)!;
    const shownId = showId ?? id;
    const candidate = isCandidateId(shownId);
    if (!candidate) await this.fetchEntries([shownId]).catch(() => undefined);
    const entry = this.entries.get(shownId);
    if (entry) await this.fetchEntries(entry.related).catch(() => undefined);
    const extras = await this.extrasFor(anchor, shownId === id ? entry : undefined, candidate ? candidatePhrase(shownId) : undefined);
    if (generation !== this.generation || !anchor.isConnected) return;
    const occurrences = occurrencesOf(this.doc, id);
    if (this.onWordClosed) this.close(); // a word card gives way to the mark's card
    const index = Math.max(0, occurrences.findIndex((o) => o.getAttribute(OCCURRENCE_ATTR) === anchor.getAttribute(OCCURRENCE_ATTR)));
    this.anchor = anchor;
    this.mount();
    const go = (step: number) => {
      const next = occurrences[(index + step + occurrences.length) % occurrences.length]!;
      next.scrollIntoView({ block: 'center' });
      (next as HTMLElement).focus?.({ preventScroll: true });
      void this.open(next);
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
        onPrevious={() => go(-1)}
        onNext={() => go(1)}
        onRelated={(relatedId) => void this.open(anchor, relatedId)}
        onClose={() => this.close()}
        onSave={() => void this.saveVocabulary(anchor, entry!)}
        onAddExplanation={(draft) => void this.addEntry(anchor, draft)}
        {...extras}
      />,
      this.shadow!,
    );
    this.position(anchor.getBoundingClientRect());
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
      await this.open(anchor, entry.id);
    } catch (err) {
      await this.open(anchor, entry.id, t('couldNotSave', (err as Error).message));
    }
  }

  private async addEntry(anchor: Element, draft: { term: string; english: string; explanation: string }): Promise<void> {
    try {
      const result = await sendMessage('addUserEntry', draft);
      if ('problems' in result) {
        await this.open(anchor, undefined, t('couldNotAddEntry', result.problems.map(problemText).join('; ')));
        return;
      }
      const { entry } = result;
      this.entries.set(entry.id, entry);
      this.close();
      this.options.onEntryAdded?.(entry);
    } catch (err) {
      await this.open(anchor, undefined, t('couldNotAddEntry', (err as Error).message));
    }
  }

  private mount(): void {
    if (this.host?.isConnected) return;
    this.host = this.doc.createElement(CARD_TAG);
    this.shadow = this.host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = cardCss;
    this.shadow.append(style);
    this.host.addEventListener('mouseenter', () => clearTimeout(this.closeTimer));
    this.host.addEventListener('mouseleave', () => this.scheduleClose());
    this.doc.documentElement.append(this.host);
  }

  /** Below the term when there is room, else above; always inside the viewport. */
  private position(rect: DOMRect): void {
    const card = this.shadow?.querySelector<HTMLElement>('.card');
    if (!card) return;
    const view = this.doc.defaultView!;
    const width = card.offsetWidth;
    const height = card.offsetHeight;
    const margin = 8;
    const left = Math.min(Math.max(margin, rect.left), view.innerWidth - width - margin);
    const below = rect.bottom + 6;
    const top = below + height <= view.innerHeight - margin ? below : Math.max(margin, rect.top - height - 6);
    card.style.left = `${Math.max(margin, left)}px`;
    card.style.top = `${top}px`;
  }
}

function markOf(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest(`${MARK_TAG}[${TERM_ATTR}]`) : null;
}
