import { defineContentScript } from '#imports';
import { AUTO_MATCHES } from '@/lib/sites';
import { startPageAnnotation } from '@/lib/content/page-annotation';
import './style.css';

export default defineContentScript({
  matches: [...AUTO_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    startPageAnnotation(document, ctx.signal);
  },
});

/* Test URLs (manual checks):
   https://www.yiwu.gov.cn/
   http://www.zgyww.cn/
   https://www.gov.cn/zhengce/
*/
