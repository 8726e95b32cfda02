import { render } from 'preact';
import { PopupApp } from './popup-app';
import { startPageLanguage } from '@/components/page-language';

void startPageLanguage('extName').finally(() => render(<PopupApp />, document.getElementById('app')!));
