/**
 * A small Markdown reader for our own documents (PRIVACY.md, CHANGELOG.md):
 * headings, paragraphs and list items as plain text blocks, so a page shows
 * them as text nodes (never HTML). Pure: no browser calls.
 */

/** One block of a document: a heading (level 1–3), a paragraph, or a list item. */
export type TextBlock = { kind: 'heading'; level: 1 | 2 | 3; text: string } | { kind: 'paragraph' | 'item'; text: string };

/** Inline Markdown reduced to its words: `code`, **strong**, _em_ and [text](url) become their text. */
function plainInline(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/(^|\W)_([^_]+)_(?=\W|$)/g, '$1$2');
}

/** The blocks of a Markdown text; lines of one paragraph or list item are joined with a space. */
export function textBlocks(markdown: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let open: { kind: 'paragraph' | 'item'; text: string } | null = null;
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const item = /^[-*]\s+(.*)$/.exec(line);
    if (!line) {
      open = null;
    } else if (heading) {
      blocks.push({ kind: 'heading', level: (heading[1]?.length ?? 1) as 1 | 2 | 3, text: plainInline(heading[2] ?? '') });
      open = null;
    } else if (item) {
      open = { kind: 'item', text: plainInline(item[1] ?? '') };
      blocks.push(open);
    } else if (open) {
      open.text = `${open.text} ${plainInline(line)}`;
    } else {
      open = { kind: 'paragraph', text: plainInline(line) };
      blocks.push(open);
    }
  }
  return blocks;
}
