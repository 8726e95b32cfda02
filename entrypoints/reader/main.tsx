import { render } from 'preact';
import { ReaderApp, routeFromHash } from './reader-app';
import { preloadLibrary } from './library-view';
import { startPageLanguage } from '@/components/page-language';

// The library's list is read while the interface language is being settled, not after.
const route = routeFromHash();
if (route.kind === 'tab' && route.tab === 'library') preloadLibrary();
void startPageLanguage('readerTitle').finally(() => render(<ReaderApp />, document.getElementById('app')!));
