import { render } from 'preact';
import '../../components/shared/theme.css';
import { mountPage } from '../../components/shared/mountPage';
import { App } from './App';

void mountPage(() => <App />, render);
