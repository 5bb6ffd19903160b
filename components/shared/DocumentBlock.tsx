import type { DocBlock } from '../../utils/domain/export-markdown';

/**
 * One block of a session's document as elements (text nodes only), laid out for paper: the
 * print view and the options page's session show it; the Markdown export renders the same model.
 */
export function printBlock(block: DocBlock, i: number) {
  switch (block.kind) {
    case 'heading':
      return block.level === 1 ? <h1 key={i}>{block.text}</h1> : <h2 key={i}>{block.text}</h2>;
    case 'field':
      return (
        <p key={i} class={block.block ? 'prewrap' : undefined}>
          <strong>{block.label}:</strong> {block.text}
        </p>
      );
    case 'text':
      return (
        <p key={i} class="prewrap">
          {block.text}
        </p>
      );
    case 'table':
      return (
        <table key={i}>
          <thead>
            <tr>
              {block.head.map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((c, k) => (
                  <td key={k}>{c}</td>
                ))}
              </tr>
            ))}
            {block.total && (
              <tr>
                <th scope="row">{block.total[0]}</th>
                {block.total.slice(1).map((c, k) => (
                  <td key={k}>{c}</td>
                ))}
              </tr>
            )}
          </tbody>
        </table>
      );
    case 'list':
      return (
        <ul key={i}>
          {block.items.map((item, k) => (
            <li key={k} class="prewrap">
              {item.checked === undefined ? '' : item.checked ? '☑ ' : '☐ '}
              {item.text}
              {item.sub?.map((line) => (
                <p class="prewrap" key={line}>
                  {line}
                </p>
              ))}
            </li>
          ))}
        </ul>
      );
  }
}
