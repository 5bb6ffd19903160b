import { describe, expect, it } from 'vitest';
import { CARD_MAX_BYTES, crc32, dataLine, type PlanCard, type PreworkCard } from '../../../../utils/domain/card-format';
import { decodeCard, encodeCard } from '../../../../utils/platform/card-codec';

const prework: PreworkCard = {
  kind: 'prework',
  id: 'card-1',
  createdAt: 1_700_000_000_000,
  from: { id: 'id-abc', name: 'Ada' },
  sessionId: 'me-1',
  sessionOn: '2026-12-03',
  topic: { title: 'Speaking up in meetings', difficulty: 'Twice I said nothing. <script>alert(1)</script>', outcome: 'One thing to try' },
  progress: {
    fromSessionId: 'from-id-abc-x1',
    steps: [{ id: 's1', text: 'Speak first', mark: 'partly', heldBack: 'Fear', dreading: 'Silence' }],
    homework: [{ id: 'h1', title: 'Journal', minutesPerWeek: 30, logged: { '2026-11-02': 45, '2026-11-09': 40 } }],
    rootCause: 'Fear of being wrong',
  },
};
/** The same pre-work as a card of format 1 carried it. */
const preworkV1 = {
  kind: 'prework',
  id: 'card-1',
  createdAt: 1_700_000_000_000,
  from: { id: 'id-abc', name: 'Ada' },
  sessionOn: '2026-12-03',
  topic: prework.topic,
  review: { items: [{ text: 'Speak first', status: 'partly', heldBack: 'Fear', dreading: 'Silence' }], rootCause: 'Fear of being wrong' },
};
const plan: PlanCard = {
  kind: 'plan',
  id: 'card-2',
  createdAt: 1_700_000_000_000,
  from: { name: 'Dana' },
  to: { id: 'id-abc', name: 'Ada' },
  sessionId: 'from-id-abc-x1',
  forSessionId: 'me-1',
  plan: [{ id: 'p1', text: 'Say my point in the first ten minutes' }],
  homework: [{ id: 'h1', kind: 'reading', title: 'Crucial Conversations ch. 1', minutesPerWeek: 30 }],
  next: { day: '2026-12-03', time: '10:00', zone: 'Europe/Berlin' },
  feedback: 'Good hour.',
};

/** A card's data line around some readable text, as a mail would carry it. */
const mail = (line: string) => `Hello,\n\nhere is my pre-work.\n\n${line}\n\nBye`;
/** A data line for arbitrary JSON, compressed like a real card's. */
async function lineFor(json: string, kind: 'prework' | 'plan' = 'prework') {
  const bytes = new TextEncoder().encode(json);
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const out = new Uint8Array(await new Response(stream).arrayBuffer());
  const payload = btoa(String.fromCharCode(...out))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return dataLine(kind, payload);
}

describe('cards: round trip', () => {
  it.each([
    ['pre-work', prework],
    ['plan', plan],
  ] as const)('a %s card comes back as it went, from a whole mail', async (_, card) => {
    const line = dataLine(card.kind, await encodeCard(card));
    expect(line).toMatch(/^sidecoach-card\.2\.(prework|plan)\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    expect(await decodeCard(mail(line))).toEqual({ ok: true, card });
  });

  it('reads a card of format 1: its review as the progress, its next date (noon) as the day only, the card naming the session', async () => {
    const v1 = (await lineFor(JSON.stringify(preworkV1))).replace('sidecoach-card.2.', 'sidecoach-card.1.');
    expect(await decodeCard(mail(v1))).toEqual({
      ok: true,
      card: {
        ...prework,
        sessionId: 'card-card-1',
        progress: {
          fromSessionId: null,
          steps: [{ id: null, text: 'Speak first', mark: 'partly', heldBack: 'Fear', dreading: 'Silence' }],
          homework: [],
          rootCause: 'Fear of being wrong',
        },
      },
    });
    const { from: _from, sessionId: _s, forSessionId: _f, next: _n, ...rest } = plan;
    const planV1 = { ...rest, nextSessionAt: Date.UTC(2026, 11, 3, 11, 0) };
    const line = (await lineFor(JSON.stringify(planV1), 'plan')).replace('sidecoach-card.2.', 'sidecoach-card.1.');
    expect(await decodeCard(line, 'Europe/Berlin')).toEqual({
      ok: true,
      card: {
        ...plan,
        from: { name: '' },
        sessionId: 'card-card-2',
        forSessionId: null,
        next: { day: '2026-12-03', time: null, zone: null },
      },
    });
  });

  it('refuses a format-1 shape under a format-2 line (and the reverse)', async () => {
    expect(await decodeCard(await lineFor(JSON.stringify(preworkV1)))).toMatchObject({ ok: false, problem: { kind: 'invalid' } });
    const v1 = (await lineFor(JSON.stringify(prework))).replace('sidecoach-card.2.', 'sidecoach-card.1.');
    expect(await decodeCard(v1)).toMatchObject({ ok: false, problem: { kind: 'invalid' } });
  });

  it('survives a mail program wrapping the long line', async () => {
    const line = dataLine('prework', await encodeCard(prework));
    const wrapped = line.match(/.{1,60}/g)?.join('\n') ?? line;
    expect(await decodeCard(mail(wrapped))).toEqual({ ok: true, card: prework });
  });
});

describe('cards: every bad card is refused with its reason', () => {
  it('no card at all', async () => {
    expect(await decodeCard('Hi, see you Tuesday!')).toEqual({ ok: false, problem: { kind: 'noCard' } });
  });

  it('damaged: one character changed', async () => {
    const line = dataLine('prework', await encodeCard(prework));
    const i = line.length - 20;
    const broken = line.slice(0, i) + (line[i] === 'A' ? 'B' : 'A') + line.slice(i + 1);
    expect(await decodeCard(broken)).toEqual({ ok: false, problem: { kind: 'damaged' } });
  });

  it('truncated', async () => {
    const line = dataLine('plan', await encodeCard(plan));
    expect(await decodeCard(line.slice(0, line.length - 30))).toMatchObject({ ok: false, problem: { kind: 'damaged' } });
  });

  it('a valid checksum over a payload that is not deflate data', async () => {
    expect(await decodeCard(dataLine('plan', 'bm90IGRlZmxhdGU'))).toEqual({ ok: false, problem: { kind: 'damaged' } });
  });

  it('from a newer format', async () => {
    const line = dataLine('plan', await encodeCard(plan)).replace('sidecoach-card.2.', 'sidecoach-card.3.');
    expect(await decodeCard(line)).toEqual({ ok: false, problem: { kind: 'futureVersion', version: 3 } });
  });

  it('over the size limit', async () => {
    const text = `${'x'.repeat(CARD_MAX_BYTES)}\n${dataLine('plan', await encodeCard(plan))}`;
    expect(await decodeCard(text)).toMatchObject({ ok: false, problem: { kind: 'tooLarge' } });
  });

  it('inflating to more than a card can be (a compression bomb)', async () => {
    const bomb = await lineFor(`{"kind":"prework","x":"${'a'.repeat(2_000_000)}"}`);
    expect(bomb.length).toBeLessThan(CARD_MAX_BYTES);
    expect(await decodeCard(bomb)).toEqual({ ok: false, problem: { kind: 'damaged' } });
  });

  it('with an unknown field', async () => {
    const result = await decodeCard(await lineFor(JSON.stringify({ ...prework, extra: 1 })));
    expect(result).toMatchObject({ ok: false, problem: { kind: 'invalid' } });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('with a %s key', async (key) => {
    const json = JSON.stringify(prework).replace('"from":{', `"from":{"${key}":{"polluted":true},`);
    expect(await decodeCard(await lineFor(json))).toEqual({ ok: false, problem: { kind: 'unsafeKey', key } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('with wrong types or over-long texts', async () => {
    expect(await decodeCard(await lineFor(JSON.stringify({ ...plan, plan: [{ id: 'p', text: 5 }] }), 'plan'))).toMatchObject({
      ok: false,
      problem: { kind: 'invalid' },
    });
    const long = { ...prework, topic: { ...prework.topic, title: 'x'.repeat(201) } };
    expect(await decodeCard(await lineFor(JSON.stringify(long)))).toMatchObject({ ok: false, problem: { kind: 'invalid' } });
  });

  it('whose data line names another kind than its content', async () => {
    expect(await decodeCard(await lineFor(JSON.stringify(prework), 'plan'))).toEqual({ ok: false, problem: { kind: 'damaged' } });
  });

  it('keeps HTML and script in texts as plain text (it is never markup)', async () => {
    const result = await decodeCard(dataLine('prework', await encodeCard(prework)));
    expect(result.ok && result.card.kind === 'prework' && result.card.topic.difficulty).toContain('<script>');
  });

  it('checksums by CRC-32', () => {
    expect(crc32('123456789')).toBe('cbf43926');
  });
});
