// The browser's way of handing a person a file: a hidden link that downloads it.

export function downloadInBrowser(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is freed a while later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
