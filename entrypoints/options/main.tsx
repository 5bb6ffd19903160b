import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import { mountPage } from '../../components/mountPage';
import { App } from './App';

void mountPage(async () => {
  const bytesInUse = await browser.storage.local.getBytesInUse?.(null).catch(() => undefined);
  return <App bytesInUse={bytesInUse} />;
}, render);
