import type { ComponentChild } from 'preact';
import type { TextBlock } from '../../utils/domain/text-blocks';

/** A document of our own (privacy policy, changelog) as headings, paragraphs and lists; every word a text node. */
export function TextDocument({ blocks }: { blocks: TextBlock[] }) {
  const out: ComponentChild[] = [];
  let items: string[] = [];
  const flush = () => {
    if (items.length)
      out.push(
        <ul key={`ul-${out.length}`}>
          {items.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>,
      );
    items = [];
  };
  for (const block of blocks) {
    if (block.kind === 'item') {
      items.push(block.text);
      continue;
    }
    flush();
    const key = `b-${out.length}`;
    if (block.kind !== 'heading') out.push(<p key={key}>{block.text}</p>);
    else if (block.level === 1) out.push(<h1 key={key}>{block.text}</h1>);
    else if (block.level === 2) out.push(<h2 key={key}>{block.text}</h2>);
    else out.push(<h3 key={key}>{block.text}</h3>);
  }
  flush();
  return <>{out}</>;
}
