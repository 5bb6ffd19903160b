import { ROLE_PAGES, viewFor } from '../../utils/platform/role-page';
import { readRoleQuickly } from '../../utils/platform/storage-quick';

// The toolbar button's first page: it opens the popup of the role chosen, or asks the question.
void readRoleQuickly().then((role) => {
  if (role && !location.search.includes('ask')) location.replace(ROLE_PAGES[viewFor(role)]);
  else void import('./question').then((m) => m.askRole());
});
