import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import { mountPage } from '../../components/mountPage';
import { pickCallTab } from '../../utils/call-urls';
import { App } from './App';

void mountPage(async (sessionId) => {
  // Without the `tabs` permission only Meet and Zoom tabs show their URL: enough to find the call.
  const tab = pickCallTab(await browser.tabs.query({ currentWindow: true }));
  return <App sessionId={sessionId} callTab={tab ? { id: tab.id, active: tab.active } : undefined} />;
}, render);
