/**
 * A short, soft two-note chime made with Web Audio (no audio file to ship).
 * Takes the AudioContext so it runs in any page: the panel, Chrome's offscreen
 * document, Firefox's background page.
 */
export async function playChime(context: AudioContext): Promise<void> {
  if (context.state === 'suspended') await context.resume().catch(() => undefined);
  const notes = [
    { freq: 660, at: 0 },
    { freq: 880, at: 0.22 },
  ];
  for (const note of notes) {
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.type = 'sine';
    osc.frequency.value = note.freq;
    const start = context.currentTime + note.at;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.35);
    osc.connect(gain).connect(context.destination);
    osc.start(start);
    osc.stop(start + 0.4);
  }
  await new Promise((resolve) => setTimeout(resolve, 700));
}
