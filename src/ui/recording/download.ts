// Save a text as a file on this device: a Blob and a temporary <a download>. Nothing is uploaded.
export function downloadText(name: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The click starts the download synchronously; revoke on the next task so every browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
