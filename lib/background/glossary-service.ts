import { BUILTIN_GLOSSARY } from '../glossary/builtin';
import { Glossary, toPatternSources } from '../glossary/glossary';
import type { PatternPayload } from '../messages';
import type { GlossaryEntry } from '../glossary/types';

/**
 * The glossary as the background serves it: built-in entries with the user's own layered on top.
 * The service worker may be stopped at any time, so user entries are reloaded from IndexedDB on wake.
 */
export class GlossaryService {
  private current: Promise<Glossary>;
  private payload: Promise<PatternPayload> | undefined;

  constructor(private readonly loadUserEntries: () => Promise<GlossaryEntry[]>) {
    this.current = this.load();
  }

  private async load(): Promise<Glossary> {
    let user: GlossaryEntry[] = [];
    try {
      user = await this.loadUserEntries();
    } catch (err) {
      console.warn('Yidu: user entries could not be read; serving the built-in glossary', err);
    }
    return new Glossary(BUILTIN_GLOSSARY, user);
  }

  get(): Promise<Glossary> {
    return this.current;
  }

  /** What content scripts match with: built once per glossary load, as every page and frame asks. */
  patterns(): Promise<PatternPayload> {
    this.payload ??= this.current.then((g) => ({
      sources: toPatternSources(g.entries()),
      english: Object.fromEntries([...g.entries()].map((e) => [e.id, e.english])),
    }));
    return this.payload;
  }

  /** Re-reads user entries after one was added, edited or removed. */
  reload(): Promise<Glossary> {
    this.current = this.load();
    this.payload = undefined;
    return this.current;
  }
}
