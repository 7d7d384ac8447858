/**
 * Downloads a file with its progress: the body is read as it arrives (the server sends its length)
 * and saved under the name the server gives, so a long export shows how far it has come.
 */
export async function downloadWithProgress(url: string, onProgress: (percent: number) => void, signal?: AbortSignal): Promise<void> {
  const response = await fetch(url, { credentials: 'same-origin', signal });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    throw new Error(body.message ?? response.statusText);
  }
  const length = Number(response.headers.get('content-length') ?? 0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    if (length > 0) onProgress(Math.min(100, Math.round((received / length) * 100)));
  }
  onProgress(100);
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = star ? decodeURIComponent(star) : (plain ?? 'download');
  const href = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? undefined }));
  const a = Object.assign(document.createElement('a'), { href, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
