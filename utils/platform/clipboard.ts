/**
 * Copy plain text to the clipboard (a platform adapter). The synchronous copy
 * command runs inside the click's user gesture and works in every extension
 * page; the asynchronous Clipboard API is the fallback where it is refused.
 */
export async function copyText(text: string, doc: Document = document): Promise<void> {
  const active = doc.activeElement as HTMLElement | null;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = doc.execCommand('copy');
  } finally {
    area.remove();
    active?.focus();
  }
  if (!copied) await navigator.clipboard.writeText(text);
}
