import { playChime } from '../../utils/platform/chime';

// Chrome's offscreen document (reason AUDIO_PLAYBACK): plays the chime when no
// panel is open, then closes itself.
void playChime(new AudioContext()).finally(() => window.close());
