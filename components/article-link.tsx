import type { ComponentChildren } from 'preact';

/** The reader page's address for a saved article (the page routes on its hash). */
export function articleHref(url: string): string {
  return `#article=${encodeURIComponent(url)}`;
}

/** A plain link to a saved article in the reader: following it changes the hash, which opens it. */
export function ArticleLink({ url, children }: { url: string; children: ComponentChildren }) {
  return <a href={articleHref(url)}>{children}</a>;
}
