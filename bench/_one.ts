import { benchLongPages } from './long-pages.bench';
await benchLongPages();
