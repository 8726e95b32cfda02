import { BUILTIN_GLOSSARY } from '../glossary/builtin';
import { Glossary } from '../glossary/glossary';
import type { GlossaryEntry } from '../glossary/types';

/**
 * The glossary as the background serves it: built-in entries with the user's own layered on top.
 * The service worker may be stopped at any time, so user entries are reloaded from IndexedDB on wake.
 */
export class GlossaryService {
  private current: Promise<Glossary>;

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

  /** Re-reads user entries after one was added, edited or removed. */
  reload(): Promise<Glossary> {
    this.current = this.load();
    return this.current;
  }
}
