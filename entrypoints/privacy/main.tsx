import { render } from 'preact';
import '../../components/shared/theme.css';
import { mountStaticPage } from '../../components/shared/mountPage';
import { TextDocument } from '../../components/shared/TextDocument';
import german from '../../PRIVACY.de.md?raw';
import english from '../../PRIVACY.md?raw';
import { textBlocks } from '../../utils/domain/text-blocks';
import { uiLanguage } from '../../utils/platform/i18n';

// The same text as PRIVACY.md (and its German twin), shown inside the extension.
const blocks = textBlocks(uiLanguage().startsWith('de') ? german : english);
const title = blocks.find((b) => b.kind === 'heading');
if (title) document.title = title.text;
mountStaticPage(
  () => (
    <main class="welcome">
      <TextDocument blocks={blocks} />
    </main>
  ),
  render,
);
