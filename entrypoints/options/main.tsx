import { render } from 'preact';
import '../../components/shared/theme.css';
import { mountPage } from '../../components/shared/mountPage';
import { bytesInUse } from '../../utils/platform/data-store';
import { App } from './App';

void mountPage(async () => <App bytesInUse={await bytesInUse()} />, render);
