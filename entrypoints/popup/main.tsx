import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import { mountPage } from '../../components/mountPage';
import { App } from './App';

void mountPage(async (sessionId) => {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return <App sessionId={sessionId} tab={tab ? { id: tab.id, url: tab.url } : undefined} />;
}, render);
