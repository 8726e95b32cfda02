import { render } from 'preact';
import { ReaderApp } from '@/components/reader-app';

render(<ReaderApp />, document.getElementById('app')!);
