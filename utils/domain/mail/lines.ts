/**
 * A reply's lines as the reader sees them: each with its quote depth, and the
 * lines that are not the coachee's words told apart (attributions such as
 * "On … wrote:" / "Am … schrieb …:", From:/Von: header blocks, separators,
 * signatures, "Sent from my iPhone"). An original a mail program pasted
 * unquoted under such a header (Outlook) is counted one level deeper, as a
 * quote would be. Also how answer lines are joined back into text.
 * Pure: no browser calls.
 */

/** A question's marker at the start of a line: `[1]`, `[4.2]`, bold or not. */
export const MARKER = /^[*_]*\[(\d)(?:\.(\d{1,2}))?\][*_]*(?:\s+(.*))?$/;

/** One line of a reply. */
export interface Line {
  /** Quote depth, with one added after an unquoted original's header. */
  depth: number;
  /** Quote depth as written (its `>` marks). */
  raw: number;
  text: string;
  /** A wrapped line of format=flowed (ends in a space). */
  flowed: boolean;
  /** Not the coachee's words: attribution, headers, signature, "Sent from". */
  skip: boolean;
}

/** A blank line (a paragraph's end), e.g. to join two runs of lines. */
export const BLANK: Line = { depth: 0, raw: 0, text: '', flowed: false, skip: false };

/** The text's lines with their quote depth. */
export function splitLines(text: string): Line[] {
  return text.split('\n').map((rawLine) => {
    const prefix = /^(?:[ \t]{0,3}>)+/.exec(rawLine)?.[0] ?? '';
    const depth = (prefix.match(/>/g) ?? []).length;
    const rest = rawLine.slice(prefix.length).replace(/^ /, '');
    return { depth, raw: depth, text: rest.trim(), flowed: / $/.test(rest) && rest.trim() !== '', skip: false };
  });
}

const ATTR_END = /\b(wrote|schrieb|a écrit|escribió)\b[^:]{0,160}:\s*$/i;
const ATTR_START = /^(On|Am|Le|El)\s/;
const SEPARATOR =
  /^(-{2,}\s*(original message|ursprüngliche nachricht|original-nachricht|forwarded message|weitergeleitete nachricht)\s*-{2,}|_{20,}|(begin forwarded message|anfang der weitergeleiteten nachricht):?)$/i;
const FORWARD = /forward|weitergeleitet/i;
const HEADER = /^\*?(from|von|sent|gesendet|date|datum|to|an|cc|subject|betreff|reply-to|antwort an)\*?:(\s|$)/i;
const SENT_FROM =
  /^(sent from|sent with|gesendet von|gesendet mit|get outlook for|outlook für .{1,20} beziehen|von meinem .{1,40} gesendet|diese nachricht wurde von meinem .{1,40} gesendet)/i;

/** How many lines from `i` are an attribution ("On … wrote:", possibly wrapped), or 0. */
function attributionAt(lines: Line[], i: number): number {
  const first = lines[i];
  if (!first?.text) return 0;
  if (ATTR_END.test(first.text) && (ATTR_START.test(first.text) || first.text.length < 100)) return 1;
  if (!ATTR_START.test(first.text)) return 0;
  let joined = first.text;
  for (let k = 1; k <= 2; k++) {
    const next = lines[i + k];
    if (!next?.text || next.raw !== first.raw) return 0;
    joined += ` ${next.text}`;
    if (ATTR_END.test(joined)) return k + 1;
  }
  return 0;
}

/** How many lines from `i` are a header block (From:/Sent:/To:/Subject:, Von:/Gesendet:/An:/Betreff:), or 0. */
function headerBlockAt(lines: Line[], i: number): number {
  const first = lines[i];
  if (!first || !HEADER.test(first.text)) return 0;
  let n = 0;
  let headers = 0;
  let from = false;
  while (n < 12) {
    const line = lines[i + n];
    if (!line?.text || line.raw !== first.raw) break;
    if (HEADER.test(line.text)) {
      headers++;
      if (/^\*?(from|von)\*?:/i.test(line.text)) from = true;
    } else if (headers < 2) break;
    n++;
  }
  return headers >= 2 && from ? n : 0;
}

/**
 * Mark what is not the coachee's text (attributions, headers, signatures,
 * "Sent from" lines) and deepen an unquoted original by one level, so its
 * questions sit below the answers above it, as a quote would.
 */
export function classify(lines: Line[]): void {
  let extra = 0;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    line.depth = line.raw + extra;
    let block = 0;
    let forward = false;
    if (SEPARATOR.test(line.text)) {
      forward = FORWARD.test(line.text);
      block = 1;
      while (lines[i + block] && !(lines[i + block] as Line).text && block < 3) block++;
      block += headerBlockAt(lines, i + block);
    } else block = attributionAt(lines, i) || headerBlockAt(lines, i);
    if (block > 0) {
      for (let k = 0; k < block; k++) {
        const l = lines[i + k] as Line;
        l.skip = true;
        l.depth = l.raw + extra;
      }
      // A forwarded mail is not a quote: it stays at its depth.
      const next = lines.slice(i + block).find((l) => l.text);
      if (!forward && next && next.raw <= line.raw) extra++;
      i += block;
      continue;
    }
    if (/^--\s?$/.test(line.text) || /^-- $/.test(line.text)) {
      // A signature: to the next attribution, header, question or change of depth.
      line.skip = true;
      let k = i + 1;
      while (k < lines.length) {
        const l = lines[k] as Line;
        if (l.raw !== line.raw || attributionAt(lines, k) || headerBlockAt(lines, k) || SEPARATOR.test(l.text) || MARKER.test(l.text))
          break;
        l.skip = true;
        l.depth = l.raw + extra;
        k++;
      }
      i = k;
      continue;
    }
    if (line.text.length < 90 && SENT_FROM.test(line.text)) line.skip = true;
    i++;
  }
}

/** Lines of an answer as text: wrapped lines joined again, paragraphs kept. */
export function joinAnswer(lines: readonly Line[]): string {
  const paras: string[] = [];
  let current = '';
  let prev: Line | null = null;
  for (const line of lines) {
    if (!line.text) {
      if (current) paras.push(current);
      current = '';
      prev = null;
      continue;
    }
    if (!current) current = line.text;
    else {
      const wrapped = prev && (prev.flowed || prev.text.length >= 55) && !/^([-*•]|\d+[.)])\s/.test(line.text);
      current += wrapped ? ` ${line.text}` : `\n${line.text}`;
    }
    prev = line;
  }
  if (current) paras.push(current);
  return paras.join('\n\n').trim();
}

/** Drop an answer's own leading marker ("1.", "A:", "Antwort:") when it repeats the question's number. */
export function stripOwnMarker(text: string, key: string): string {
  const top = key.split('.')[0];
  return text.replace(new RegExp(`^(?:\\[?${top}\\]?[.):]\\s+|(?:a|antwort|answer):\\s*)`, 'i'), '');
}

/** Paragraphs of the coachee's text (lines not skipped), for "could not place". */
export function paragraphs(lines: readonly Line[]): string[] {
  const text = joinAnswer(lines.filter((l) => !l.skip));
  return text ? text.split(/\n{2,}/).filter((p) => p.trim()) : [];
}
