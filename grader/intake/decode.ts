/** Turns a source file's bytes into text, or says in the student's terms why it cannot. */

// fatal: invalid bytes are an error, not silently replaced; ignoreBOM: false consumes a leading BOM.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientUtf8 = new TextDecoder('utf-8');

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

export function decodeSource(bytes: Uint8Array, path: string): DecodeResult {
  if (looksLikeUtf16(bytes)) return { ok: false, message: `${path} is saved as UTF-16; save it as UTF-8 and resubmit.` };
  try {
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    return { ok: false, message: `${path} is not valid UTF-8 text (first bad byte on line ${firstBadLine(bytes)}); save it as UTF-8 and resubmit.` };
  }
}

// Windows editors' "Unicode" encoding starts with a UTF-16 byte order mark.
const looksLikeUtf16 = (bytes: Uint8Array): boolean => bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));

function firstBadLine(bytes: Uint8Array): number {
  const text = lenientUtf8.decode(bytes);
  const bad = text.indexOf('\uFFFD');
  return text.slice(0, Math.max(bad, 0)).split('\n').length;
}
