/**
 * Where a card sits and what keeps it open, for every card the host shows (a term's, a looked-up
 * word's): placed by its term and never over it (./placement.ts), following it as the page scrolls
 * and closing when it leaves the viewport. A hover card closes when the pointer leaves (after a grace
 * period, longer on the path into the card); a card pinned by a click, a tap or the keyboard stays
 * until Escape, × or a click outside. Keyboard: ./term-keys.ts. What a term's card shows: ./host.tsx.
 */
import { render, type ComponentChild } from 'preact';
import { loadLanguage } from '@/lib/i18n-card';
import { CARD_TAG, MARK_TAG, OCCURRENCE_ATTR, TERM_ATTR } from '@/lib/dom-names';
import { inView, onSafePath, placeCard, unionBox, type Box } from './placement';
import { cycleTab, firstTermInView, isTermNavigationShortcut, markOf, termAfter, termStep } from './term-keys';
import cardCss from '@/assets/styles/card.css?inline';

const HOVER_OPEN_MS = 180;
const HOVER_CLOSE_MS = 350;
/** On the path between a term and its card: time to get there across the page or another term. */
const SAFE_PATH_MS = 700;

/** What a card explains: a mark, or a looked-up word's range. */
type Target = { getBoundingClientRect(): DOMRect };

export interface OpenOptions {
  /** Pin the card (click, tap, keyboard); left out, a re-render of the same term keeps its state. */
  pin?: boolean;
  /** Move focus into the card (Enter or Space on a term). */
  focus?: boolean;
}

export abstract class CardFrame {
  protected host: HTMLElement | undefined;
  protected shadow: ShadowRoot | undefined;
  protected anchor: Element | undefined;
  /** The box of what the card explains: every piece of the mark's occurrence, or the word's range. */
  private target: (() => Box | undefined) | undefined;
  private pieces: Element[] = [];
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly abort = new AbortController();
  /** Set while focus goes back to a term after Escape, so that focus does not reopen its card. */
  private returningFocus = false;
  /** Bumped by every open and close, so a slow open that was overtaken does not show a stale card. */
  protected generation = 0;
  /** Told when the shown word card (not a mark's card) goes away: its highlight goes with it. */
  protected onWordClosed: (() => void) | undefined;
  /** A pinned card ignores the pointer: only Escape, × or a click outside close it. */
  protected pinned = false;
  /** A pinned open (a click, a tap) is on its way: a hover meanwhile must not overtake it and leave the card unpinned. */
  protected pinning = 0;
  /** Whether the term has been in view since the card opened (a card may open while ‹ › scroll to it). */
  private seen = false;
  /** The card's height before the room cuts it, measured when its content changes (not per scroll frame). */
  private natural: { width: number; height: number } | undefined;
  private frame = 0;
  /** A resize or a click inside asked for the next frame to measure the card again. */
  private measureNext = false;
  /** Alt+Shift+J was pressed and focus is still on terms: n / b and the arrows move between them. */
  protected navigating = false;

  constructor(protected readonly doc: Document) {
    // The user's language choice, read once (and followed) before the first card opens.
    void loadLanguage();
    const on = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void, passive = false) =>
      doc.addEventListener(type, fn as EventListener, { capture: true, passive, signal: this.abort.signal });
    on('mouseover', (e) => this.pointerOver(e));
    on('mouseout', (e) => {
      // Passing over a term on the way elsewhere does not open it.
      if (markOf(e)) clearTimeout(this.openTimer);
    });
    on('focusin', (e) => {
      const mark = markOf(e);
      if (mark && !this.returningFocus) void this.open(mark);
      else if (!mark && !this.isInCard(e)) this.navigating = false;
    });
    on('click', (e) => {
      const mark = markOf(e);
      // A tap on a term opens its card; inside a link the link still works (its card opens on hover).
      if (mark && !mark.closest('a[href]')) void this.open(mark, { pin: true });
    });
    on('pointerdown', (e) => {
      if (!this.host) return;
      if (this.isInCard(e)) this.pinned = true;
      else if (!markOf(e)) this.close();
    });
    on('keydown', (e) => this.key(e));
    // Scrolling anything (the page or a scrolled box around the term) moves the term: the card follows.
    on('scroll', () => this.follow(), true);
    doc.defaultView?.addEventListener('resize', () => this.follow(true), { passive: true, signal: this.abort.signal });
  }

  private pointerOver(e: MouseEvent): void {
    if (this.isInCard(e)) {
      clearTimeout(this.closeTimer);
      clearTimeout(this.openTimer);
      return;
    }
    const mark = markOf(e);
    if (mark && this.pieces.includes(mark)) return void clearTimeout(this.closeTimer);
    if ((this.host && this.pinned) || this.pinning) return;
    const safe = this.onPathToCard(e);
    if (mark) {
      clearTimeout(this.openTimer);
      this.openTimer = setTimeout(() => {
        if (!this.pinning && !(this.host && this.pinned)) void this.open(mark, { pin: false });
      }, safe ? SAFE_PATH_MS : HOVER_OPEN_MS);
    } else this.scheduleClose(safe ? SAFE_PATH_MS : HOVER_CLOSE_MS);
  }

  private key(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      if (this.host) return this.close();
      if (this.navigating && markOf(e)) {
        this.navigating = false;
        (this.doc.activeElement as HTMLElement | null)?.blur?.();
      }
      return;
    }
    if (this.host && this.isInCard(e)) {
      if (e.key === 'Tab') cycleTab(e, this.shadow!);
      return;
    }
    const consume = () => {
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    if (isTermNavigationShortcut(e)) {
      const first = firstTermInView(this.doc);
      if (!first) return;
      consume();
      this.navigating = true;
      first.focus();
      return;
    }
    const mark = markOf(e);
    if (!mark || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter' || e.key === ' ') {
      consume();
      void this.open(mark, { pin: true, focus: true });
      return;
    }
    const step = this.navigating ? termStep(e) : 0;
    if (!step) return;
    consume();
    termAfter(this.doc, mark, step)?.focus();
  }

  /** Is the event's target the card (events from inside its shadow root reach the document as its host)? */
  private isInCard(e: Event): boolean {
    return !!this.host && e.composedPath().includes(this.host);
  }

  private onPathToCard(e: MouseEvent): boolean {
    const term = this.target?.();
    const card = this.shadow?.querySelector('.card')?.getBoundingClientRect();
    return !!term && !!card && onSafePath({ x: e.clientX, y: e.clientY }, term, card);
  }

  private scheduleClose(delay: number): void {
    if (!this.host) return;
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(), delay);
  }

  /** The card's placement again, once per frame while the page scrolls. */
  private follow(measure = false): void {
    if (!this.host) return;
    this.measureNext ||= measure;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const again = this.measureNext;
      this.measureNext = false;
      this.position(again);
    });
  }

  /** Is a card pinned (a click, a tap, the keyboard)? The word lookup leaves such a card alone. */
  get isPinned(): boolean {
    return !!this.host && this.pinned;
  }

  destroy(): void {
    this.abort.abort();
    this.close();
  }

  /** Is a word card (a dictionary lookup) what the card shows now? */
  get showsWord(): boolean {
    return !!this.host && !!this.onWordClosed;
  }

  /** Is a mark's card (not a word card) open? A lookup answering late must not replace it. */
  get showsMark(): boolean {
    return !!this.host && !this.onWordClosed;
  }

  /** Shows `content` (the word card) by `word` (its range), in place of any card open now; `onClosed` runs when it closes. */
  showWord(content: ComponentChild, word: Target, onClosed: () => void): void {
    this.close();
    this.mount();
    this.onWordClosed = onClosed;
    this.target = () => word.getBoundingClientRect();
    this.seen = false;
    this.pinned = false;
    render(content, this.shadow!);
    this.position(true);
  }

  /** Re-renders the word card in place (a saved state, a status line). */
  updateWord(content: ComponentChild): void {
    if (!this.showsWord) return;
    render(content, this.shadow!);
    this.position(true);
  }

  /** Closes the card; focus inside it goes back to its term (the dialog pattern). */
  close(): void {
    const closed = this.onWordClosed;
    this.onWordClosed = undefined;
    closed?.();
    this.generation++;
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const focusInside = !!this.host && this.doc.activeElement === this.host;
    const anchor = this.anchor as HTMLElement | undefined;
    if (this.shadow) render(null, this.shadow);
    this.host?.remove();
    this.host = undefined;
    this.shadow = undefined;
    this.anchor = undefined;
    this.target = undefined;
    this.pieces = [];
    this.pinned = false;
    if (focusInside && anchor?.isConnected) {
      this.returningFocus = true;
      anchor.focus({ preventScroll: true });
      this.returningFocus = false;
    }
  }

  /** Makes `anchor` (a mark) what the card explains and follows, before its content is ready. */
  protected retarget(anchor: Element): void {
    if (this.anchor === anchor) return;
    this.anchor = anchor;
    this.seen = false;
    const root = anchor.getRootNode() as ParentNode;
    const id = CSS.escape(anchor.getAttribute(TERM_ATTR) ?? '');
    const n = CSS.escape(anchor.getAttribute(OCCURRENCE_ATTR) ?? '');
    const pieces = [...root.querySelectorAll(`${MARK_TAG}[${TERM_ATTR}="${id}"][${OCCURRENCE_ATTR}="${n}"]`)];
    this.pieces = pieces.includes(anchor) ? pieces : [anchor];
    this.target = () => unionBox(this.pieces.filter((p) => p.isConnected).map((p) => p.getBoundingClientRect()));
  }

  /** Opens (or re-targets) the card for the mark `anchor`. */
  abstract open(anchor: Element, options?: OpenOptions): Promise<void>;

  protected mount(): void {
    if (this.host?.isConnected) return;
    this.host = this.doc.createElement(CARD_TAG);
    this.shadow = this.host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = cardCss;
    this.shadow.append(style);
    this.host.addEventListener('mouseleave', (e) => {
      if (!this.pinned) this.scheduleClose(this.onPathToCard(e) ? SAFE_PATH_MS : HOVER_CLOSE_MS);
    });
    // A click inside may change the card's height (more senses, the explanation form): measure again.
    this.shadow.addEventListener('click', () => this.follow(true));
    this.doc.documentElement.append(this.host);
  }

  /**
   * Places the card by its term (./placement.ts), its height cut to the room. Closes it once its term,
   * seen in the viewport, has left it. `measure`: the content changed, so read its natural size again.
   */
  protected position(measure = false): void {
    const card = this.shadow?.querySelector<HTMLElement>('.card');
    const term = this.target?.();
    if (!card || !term) return;
    const win = this.doc.defaultView!;
    // The viewport without its scroll bar (innerWidth counts it).
    const view = { width: Math.min(win.innerWidth, this.doc.documentElement.clientWidth || win.innerWidth), height: win.innerHeight };
    if (!inView(term, view)) {
      if (this.seen) this.close();
      return;
    }
    this.seen = true;
    if (measure || !this.natural) {
      card.style.maxHeight = '';
      this.natural = { width: card.offsetWidth, height: card.offsetHeight };
    }
    const place = placeCard(term, this.natural, view);
    card.style.left = `${place.left}px`;
    card.style.top = `${place.top}px`;
    card.style.maxHeight = `${place.maxHeight}px`;
  }
}
