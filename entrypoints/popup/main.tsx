import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/shared/theme.css';
import { mountPage } from '../../components/shared/mountPage';
import { pickCallTab } from '../../utils/domain/call-urls';
import { App } from './App';

void mountPage(async (sessionId) => {
  // Without the `tabs` permission only Meet and Zoom tabs show their URL: enough to find the call.
  const [tabs, planSessionId] = await Promise.all([
    browser.tabs.query({ currentWindow: true }), // The month's plan lookup loads beside the tabs query (kept off the popup's start-up bytes).
    import('../../utils/platform/plan-session').then((m) => m.findCurrentPlanSession(sessionId)),
  ]);
  const tab = pickCallTab(tabs);
  return <App sessionId={sessionId} planSessionId={planSessionId} callTab={tab ? { id: tab.id, active: tab.active } : undefined} />;
}, render);
