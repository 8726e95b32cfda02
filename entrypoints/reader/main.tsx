import { render } from 'preact';
import { ReaderApp } from './reader-app';
import { startPageLanguage } from '@/components/page-language';

void startPageLanguage('readerTitle').finally(() => render(<ReaderApp />, document.getElementById('app')!));
