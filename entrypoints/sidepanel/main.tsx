import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/shared/theme.css';
import { mountPage } from '../../components/shared/mountPage';
import { playChime } from '../../utils/platform/chime';
import { answerMessages } from '../../utils/platform/message-answers';
import { App } from './App';

// The open panel plays the chime the background asks for (answering true, so
// the background does not play it a second time elsewhere).
let audio: AudioContext | undefined;
answerMessages({
  chime: {
    check: () => true,
    handle: () => {
      audio ??= new AudioContext();
      void playChime(audio);
      return true;
    },
  },
});

// A port open while the panel is shown: the background notices when it closes.
browser.runtime.connect({ name: 'panel' });

void mountPage((sessionId) => <App sessionId={sessionId} />, render);
