/**
 * What a file is, decided from its bytes alone: the name and the Content-Type a client sends
 * are never trusted. Only kinds a tablet produces and a browser shows are accepted.
 *
 * HEIC is refused: iPadOS converts HEIC photos to JPEG when a web page's file input asks for
 * images, sharp's prebuilt libvips cannot decode HEVC, and only Safari could display the file.
 */
export type DetectedKind = 'image' | 'pdf' | 'audio';

export interface Detected {
  contentType: string;
  kind: DetectedKind;
}

/** How much of the beginning of a file the checks below look at. */
export const HEAD_BYTES = 4096;

const ascii = (head: Buffer, offset: number, text: string) =>
  head.length >= offset + text.length && head.toString('latin1', offset, offset + text.length) === text;

const startsWith = (head: Buffer, bytes: number[]) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);

/** ISO base media brands of audio-only files and of the generic containers voice recorders write. */
const MP4_AUDIO_BRANDS = new Set(['M4A ', 'M4B ']);
const MP4_GENERIC_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'dash']);

function mpegAudioFrame(head: Buffer): boolean {
  if (head.length < 4 || head[0] !== 0xff) return false;
  const b1 = head[1]!;
  const sync = (b1 & 0xe0) === 0xe0;
  const version = (b1 >> 3) & 0b11; // 01 is reserved
  const layer = (b1 >> 1) & 0b11; // 01 is layer III
  const bitrate = head[2]! >> 4; // 1111 is invalid
  return sync && version !== 0b01 && layer === 0b01 && bitrate !== 0b1111;
}

/**
 * `head` is the first HEAD_BYTES of the file (or all of it); `hasVideo` says whether a scan of
 * the whole file found a video track, which turns an audio container into something refused.
 */
export function detectContentType(head: Buffer, hasVideo: boolean): Detected | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', kind: 'image' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { contentType: 'image/png', kind: 'image' };
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a')) return { contentType: 'image/gif', kind: 'image' };
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return { contentType: 'image/webp', kind: 'image' };
  if (ascii(head, 0, '%PDF-')) return { contentType: 'application/pdf', kind: 'pdf' };

  const audio = (contentType: string): Detected | null => (hasVideo ? null : { contentType, kind: 'audio' });
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return audio('audio/wav');
  if (ascii(head, 0, 'ID3') || mpegAudioFrame(head)) return audio('audio/mpeg');
  if (ascii(head, 0, 'OggS')) return audio('audio/ogg');
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    // EBML: only the WebM profile of Matroska (DocType element 0x4282 holding "webm").
    const docType = head.indexOf(Buffer.from([0x42, 0x82]));
    if (docType < 0 || docType >= 64 || !head.includes('webm', docType, 'latin1')) return null;
    return matroskaVideoCodec(head) ? null : audio('audio/webm');
  }
  if (ascii(head, 4, 'ftyp')) {
    const brand = head.toString('latin1', 8, 12);
    if (MP4_AUDIO_BRANDS.has(brand) || MP4_GENERIC_BRANDS.has(brand)) return audio('audio/mp4');
  }
  return null;
}

/**
 * A WebM's track list comes before its media data, so its codec ids are in the head: a
 * CodecID element (0x86), a one-byte size, then "V_…" for a video codec. (Searched only in
 * the head: over megabytes of compressed audio, three such bytes would turn up by chance.)
 */
function matroskaVideoCodec(head: Buffer): boolean {
  for (let at = head.indexOf(0x86); at >= 0; at = head.indexOf(0x86, at + 1)) {
    const size = head[at + 1];
    if (size !== undefined && (size & 0x80) === 0x80 && head.toString('latin1', at + 2, at + 4) === 'V_') return true;
  }
  return false;
}

/**
 * Patterns only a video track leaves, long enough never to occur by chance: an MP4 handler
 * box of type "vide" (the movie box may come last, so the whole file is scanned) and an Ogg
 * Theora header.
 */
const HDLR = Buffer.from('hdlr', 'latin1');
const THEORA = Buffer.from('\x80theora', 'latin1');
const MARKER_OVERLAP = 24;

/** Fed every chunk of an upload in order; keeps the head and looks for video tracks. */
export class ContentSniffer {
  private headParts: Buffer[] = [];
  private headLength = 0;
  private tail: Buffer = Buffer.alloc(0);
  hasVideo = false;

  push(chunk: Buffer): void {
    if (this.headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.headParts.push(part);
      this.headLength += part.length;
    }
    if (!this.hasVideo) {
      const window = Buffer.concat([this.tail, chunk]);
      this.hasVideo = containsVideoMarker(window);
      this.tail = window.subarray(Math.max(0, window.length - MARKER_OVERLAP));
    }
  }

  get head(): Buffer {
    return Buffer.concat(this.headParts);
  }
}

export function containsVideoMarker(window: Buffer): boolean {
  // hdlr box: "hdlr", version and flags (4 bytes), pre_defined (4 bytes), handler type.
  for (let at = window.indexOf(HDLR); at >= 0; at = window.indexOf(HDLR, at + 1)) {
    if (window.toString('latin1', at + 12, at + 16) === 'vide') return true;
  }
  return window.includes(THEORA);
}
