import { render } from 'preact';
import '../../components/theme.css';
import { mountPage } from '../../components/mountPage';
import { App } from './App';

void mountPage((sessionId) => <App sessionId={sessionId} />, render);
