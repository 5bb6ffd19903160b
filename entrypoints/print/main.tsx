import { render } from 'preact';
import '../../components/theme.css';
import '../../components/print.css';
import { PrintView } from '../../components/PrintView';
import { readDataSet } from '../../utils/data-store';
import { scopeFromHash } from '../../utils/export-scope';
import { t, uiLanguage } from '../../utils/i18n';

document.documentElement.lang = uiLanguage();
document.title = t('printTitle');
const root = document.getElementById('app') as HTMLElement;
void readDataSet().then(({ data }) => render(<PrintView data={data} scope={scopeFromHash(location.hash)} />, root));
