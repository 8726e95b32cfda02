import type { ArticleRecord } from '@/lib/db/schema';
import { library } from '@/lib/db/connection';
import { sanitizeArticleHtml } from '@/lib/extract/sanitize';
import { IMAGE_SCHEME } from '@/lib/dom-names';

export interface StoredArticleBody {
  /** The article's markup, images already pointing at their stored Blobs; attach it once. */
  content: DocumentFragment;
  /** Object URLs to revoke when the article is left. */
  objectUrls: string[];
}

/**
 * A saved article's body, ready to attach: sanitized again (it is stored sanitized, but read as
 * hostile), parsed in an inert <template>, and every `yidu-image:N` reference swapped for an object
 * URL of the image stored in IndexedDB before anything is attached, so the page never requests the
 * placeholder address and images show from the first paint. Images not stored keep their alt text and
 * request nothing.
 */
export async function storedArticleBody(article: ArticleRecord): Promise<StoredArticleBody> {
  const template = document.createElement('template');
  template.innerHTML = sanitizeArticleHtml(article.html);
  // The reader never loads anything from the network: an image that was not stored (its fetch failed
  // at save time) keeps only its alt text, and no srcset or <source> can name a remote file.
  for (const el of template.content.querySelectorAll('img, source')) {
    el.removeAttribute('srcset');
    if (!el.getAttribute('src')?.startsWith(IMAGE_SCHEME)) el.removeAttribute('src');
  }
  const imgs = [...template.content.querySelectorAll('img')].filter((img) => img.getAttribute('src')?.startsWith(IMAGE_SCHEME));
  const records = await Promise.all(
    imgs.map((img) => {
      const key = article.images[Number(img.getAttribute('src')!.slice(IMAGE_SCHEME.length))];
      // An unreadable image is shown as missing rather than keeping the whole article from opening.
      return key ? library().articles.image(key).catch(() => undefined) : undefined;
    }),
  );
  const objectUrls: string[] = [];
  imgs.forEach((img, i) => {
    const record = records[i];
    if (!record) return img.removeAttribute('src');
    const url = URL.createObjectURL(record.blob);
    objectUrls.push(url);
    img.setAttribute('src', url);
  });
  return { content: template.content, objectUrls };
}
