// Files in and out of the browser: share links, autosave, downloads. No React.

const AUTOSAVE_KEY = 'mapwright:autosave';

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

/** The URL fragment that carries a map: `#map=` + deflate-raw + base64url. */
export async function encodeShareFragment(text: string): Promise<string> {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return `#map=${toBase64Url(packed)}`;
}

/** The map a share fragment carries, or null when the fragment holds none. */
export async function decodeShareFragment(hash: string): Promise<string | null> {
  const m = /^#map=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return null;
  try {
    const bytes = await pipe(fromBase64Url(m[1]!), new DecompressionStream('deflate-raw'));
    return new TextDecoder().decode(bytes);
  } catch {
    return null;
  }
}

export interface Saved { readonly text: string; readonly fileName: string }

export function loadAutosave(): Saved | null {
  try {
    const raw = localStorage.getItem(AUTOSAVE_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Saved;
    return typeof v.text === 'string' && typeof v.fileName === 'string' ? v : null;
  } catch {
    return null;
  }
}

export function autosave(s: Saved): void {
  try { localStorage.setItem(AUTOSAVE_KEY, JSON.stringify(s)); } catch { /* storage full or blocked: the text is still in the editor */ }
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
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'));
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

interface SaveFilePicker { (o: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }): Promise<{ createWritable(): Promise<{ write(d: string): Promise<void>; close(): Promise<void> }> }> }

/** Saves with the File System Access API where the browser has it, else downloads. */
export async function saveText(name: string, text: string): Promise<void> {
  const picker = (window as unknown as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  if (picker) {
    try {
      const handle = await picker({ suggestedName: name, types: [{ description: 'Wardley map', accept: { 'text/plain': ['.owm', '.wm'] } }] });
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
