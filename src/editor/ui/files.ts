// Files in and out of the browser: share links, downloads. No React.
import { MAX_MAP_BYTES, tooLargeMessage } from '../../lang/limits.js';

/** Base64url of bytes. */
function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const b = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** Links longer than this (characters) are not offered: browsers do not open them (about 2 MB). */
export const SHARE_URL_LIMIT = 2_000_000;

/** The URL fragment that carries a map: `#map=` + deflate-raw + base64url. */
export async function encodeShareFragment(text: string): Promise<string> {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return `#map=${toBase64Url(packed)}`;
}

export type SharedMap = { readonly text: string } | { readonly problem: string };

/**
 * The map a share fragment carries (null: the fragment holds none). It is inflated as a stream and
 * abandoned as soon as it passes the map size limit, so a small link that inflates to gigabytes
 * costs nothing; a broken one says so.
 */
export async function decodeShareFragment(hash: string): Promise<SharedMap | null> {
  if (!hash.startsWith('#map=')) return null;
  const body = hash.slice(5);
  if (body.length > SHARE_URL_LIMIT * 2 || !/^[A-Za-z0-9_-]*$/.test(body))
    return { problem: 'The link does not hold a map (it is damaged or not a Mapwright link).' };
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  try {
    reader = new Blob([fromBase64Url(body) as BlobPart])
      .stream()
      .pipeThrough(new DecompressionStream('deflate-raw'))
      .getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total >= MAX_MAP_BYTES) {
        await reader.cancel();
        return { problem: tooLargeMessage('The map in this link', null) };
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return { text: new TextDecoder().decode(bytes) };
  } catch {
    void reader?.cancel().catch(() => {});
    return { problem: 'The link does not hold a map (it is damaged or not a Mapwright link).' };
  }
}

/**
 * An SVG document drawn into a PNG at `scale` times its size: the PNG export draws exactly the
 * picture the SVG export does (the same scene), not what the canvas shows on screen.
 */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image(width, height);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Offers `data` as a download named `name`. */
export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

interface SaveFilePicker {
  (o: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }): Promise<{ createWritable(): Promise<{ write(d: string): Promise<void>; close(): Promise<void> }> }>;
}

/** Saves with the File System Access API where the browser has it, else downloads. */
export async function saveText(name: string, text: string): Promise<void> {
  const picker = (window as unknown as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  if (picker) {
    try {
      const handle = await picker({
        suggestedName: name,
        types: [{ description: 'Wardley map', accept: { 'text/plain': ['.owm', '.wm'] } }],
      });
      const w = await handle.createWritable();
      await w.write(text);
      await w.close();
      return;
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
    }
  }
  download(name, new Blob([text], { type: 'text/plain;charset=utf-8' }));
}
