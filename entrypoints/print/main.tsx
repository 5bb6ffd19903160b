import { render } from 'preact';
import '../../components/shared/theme.css';
import '../../components/options/print.css';
import { PrintView } from '../../components/options/PrintView';
import { scopeFromHash } from '../../utils/domain/export-scope';
import { readDataSet } from '../../utils/platform/data-store';
import { t, uiLanguage } from '../../utils/platform/i18n';

document.documentElement.lang = uiLanguage();
document.title = t('printTitle');
const root = document.getElementById('app') as HTMLElement;
void readDataSet().then(({ data }) => render(<PrintView data={data} scope={scopeFromHash(location.hash)} />, root));
