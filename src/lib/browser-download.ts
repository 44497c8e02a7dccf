// The browser's way of handing a person a file: a hidden link that downloads it.

/** Follows a link as a download saved under fileName (a same-origin or blob link; others open as the server says). */
export function downloadLink(fileName: string, href: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

export function downloadInBrowser(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  downloadLink(fileName, url);
  // The download has started by now; the URL is freed a while later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
