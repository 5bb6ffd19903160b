import { render } from 'preact';
import '../../components/shared/theme.css';
import { mountStaticPage } from '../../components/shared/mountPage';
import { App } from './App';

// The options page works on no one session: opening it creates none.
mountStaticPage(() => <App />, render);
