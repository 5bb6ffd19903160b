import { render } from 'preact';
import '../../components/shared/theme.css';
import { mountStaticPage } from '../../components/shared/mountPage';
import { t } from '../../utils/platform/i18n';
import { App } from './App';

document.title = t('welcomeTitle');
mountStaticPage(() => <App />, render);
