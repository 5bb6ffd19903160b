import { render } from 'preact';
import '../../components/theme.css';
import { mountPage } from '../../components/mountPage';
import { bytesInUse } from '../../utils/data-store';
import { App } from './App';

void mountPage(async () => <App bytesInUse={await bytesInUse()} />, render);
