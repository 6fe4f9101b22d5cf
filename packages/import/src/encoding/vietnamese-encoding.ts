import { decodeTcvn3 } from './tcvn3.js';
import { decodeVni } from './vni.js';

/**
 * The encodings a Vietnamese spreadsheet export comes in: UTF-8 (with or without BOM), Windows-1258
 * (Excel "CSV" on Vietnamese Windows), and the legacy font encodings TCVN3 (ABC) and VNI.
 */
export type VietnameseEncoding = 'utf-8' | 'windows-1258' | 'tcvn3' | 'vni';

/** The encodings, in the order detection prefers them on a tie. */
export const VIETNAMESE_ENCODINGS: readonly VietnameseEncoding[] = ['utf-8', 'windows-1258', 'tcvn3', 'vni'];

/** An incremental decoder: bytes in, NFC text out. */
export interface VietnameseDecoder {
  readonly encoding: VietnameseEncoding;
  /** Decodes the next chunk; text of a letter still open at the chunk's end is held back. */
  write(bytes: Uint8Array): string;
  /** Flushes what is held back. */
  end(): string;
}

/**
 * Where NFC may be applied: after the last character that no combining mark can follow (ASCII
 * other than a letter). Everything after it is held back until more text comes.
 */
function safeCut(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c < 0x80 && !((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return i + 1;
  }
  return 0;
}

/**
 * An incremental decoder for `encoding`: decodes chunk by chunk, strips a UTF-8 BOM, and returns
 * NFC text (a letter whose marks straddle two chunks is composed once both are in). Browser-safe
 * (Windows-1258 through the WHATWG `TextDecoder`).
 *
 * @example
 * ```ts
 * const decoder = createVietnameseDecoder('tcvn3');
 * const text = decoder.write(bytes) + decoder.end();
 * ```
 */
export function createVietnameseDecoder(encoding: VietnameseEncoding): VietnameseDecoder {
  let held = '';
  let lastChar = '';
  const text =
    encoding === 'utf-8'
      ? (() => {
          const d = new TextDecoder('utf-8', { ignoreBOM: false });
          return (bytes: Uint8Array, flush: boolean) => d.decode(bytes, { stream: !flush });
        })()
      : encoding === 'windows-1258'
        ? (() => {
            const d = new TextDecoder('windows-1258');
            return (bytes: Uint8Array, flush: boolean) => d.decode(bytes, { stream: !flush });
          })()
        : encoding === 'tcvn3'
          ? (bytes: Uint8Array) => decodeTcvn3(bytes)
          : (bytes: Uint8Array) => {
              const out = decodeVni(bytes, lastChar);
              if (out.length > 0) lastChar = out[out.length - 1] as string;
              return out;
            };
  return {
    encoding,
    write(bytes) {
      const all = held + text(bytes, false);
      const cut = safeCut(all);
      held = all.slice(cut);
      return all.slice(0, cut).normalize('NFC');
    },
    end() {
      const all = held + text(new Uint8Array(0), true);
      held = '';
      return all.normalize('NFC');
    },
  };
}

/**
 * Decodes a whole buffer (see `createVietnameseDecoder`).
 *
 * @example
 * ```ts
 * decodeVietnamese(bytes, 'windows-1258') // NFC text
 * ```
 */
export function decodeVietnamese(bytes: Uint8Array, encoding: VietnameseEncoding): string {
  const decoder = createVietnameseDecoder(encoding);
  return decoder.write(bytes) + decoder.end();
}
