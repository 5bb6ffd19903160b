/**
 * Save text as a file through the browser's own download (an object URL and a
 * link): no `downloads` permission needed.
 */
export function downloadText(fileName: string, text: string, mime: string, doc: Document = document): void {
  downloadBlob(fileName, new Blob([text], { type: `${mime};charset=utf-8` }), doc);
}

/** Save a Blob as a file (a large export is built as a Blob of pieces, never one string). */
export function downloadBlob(fileName: string, blob: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
