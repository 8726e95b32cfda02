/**
 * Saved pages are hostile input: article HTML is sanitized with DOMPurify before it is stored and
 * again before it is rendered. Only reading markup survives: no scripts, event handlers, styles,
 * forms, frames, embedded objects, SVG or MathML, and links only to http(s) and mailto.
 */
import createDOMPurify, { type WindowLike } from 'dompurify';

const CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'link', 'meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'template', 'video', 'audio', 'source', 'track', 'dialog', 'noscript'],
  FORBID_ATTR: ['style', 'srcset', 'srcdoc', 'formaction', 'action', 'background', 'ping', 'poster', 'xlink:href', 'id', 'name'],
  ALLOW_DATA_ATTR: false,
  // http(s), mailto, relative URLs, the reader's own image references (yidu-image:N), and blob: URLs
  // created by the reader page. Everything else (javascript:, data:, vbscript:) is dropped.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|blob:|yidu-image:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

export function sanitizeArticleHtml(html: string, win: WindowLike = window): string {
  const purify = createDOMPurify(win);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('rel', 'noopener noreferrer');
      node.setAttribute('target', '_blank');
    }
  });
  const clean = purify.sanitize(html, CONFIG) as unknown as string;
  purify.removeAllHooks();
  return clean;
}
