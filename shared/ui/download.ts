/** Offers bytes or text as a file download (task panes, side panels, options pages). */
export function downloadBytes(fileName: string, data: Uint8Array | string, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A JSON text as a file download. */
export function downloadJson(fileName: string, json: string): void {
  downloadBytes(fileName, json, 'application/json');
}
