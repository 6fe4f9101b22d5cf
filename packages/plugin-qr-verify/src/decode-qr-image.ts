import jpeg from 'jpeg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { contrastStretch, downscaleToFit, grayFromRgba, median3, otsuThreshold, rgbaOf, rotateQuarter, type Gray } from './internal/raster.js';

/** The preprocessing passes, in the order they are tried (see {@link decodeQrImage}). */
export type QrDecodePass = 'plain' | 'otsu' | 'median' | 'stretched' | 'half' | 'rotate90' | 'rotate180' | 'rotate270';

/** Every pass, in order. */
export const QR_DECODE_PASSES: readonly QrDecodePass[] = Object.freeze(['plain', 'otsu', 'median', 'stretched', 'half', 'rotate90', 'rotate180', 'rotate270']);

/**
 * Bounds on the work done for one photo.
 *
 * @example
 * ```ts
 * const limits: QrDecodeLimits = { maxBytes: 10 * 1024 * 1024, maxPixels: 24_000_000, workingSide: 1200, maxPasses: 8 };
 * ```
 */
export interface QrDecodeLimits {
  /** Larger files are not decoded (status `unreadable`). Default 25 MiB. */
  maxBytes?: number;
  /** Larger images (width × height) are not decoded. Default 50,000,000 (50 MP). */
  maxPixels?: number;
  /** The photo is box-downscaled so that its longer side is at most this. Default 1200 px. */
  workingSide?: number;
  /** At most this many passes of {@link QR_DECODE_PASSES}, in order. Default 8 (all). */
  maxPasses?: number;
}

/**
 * The result of decoding one photo: the payload and the pass that read it, or why nothing was read.
 *
 * @example
 * ```ts
 * const r: QrDecodeResult = { ok: true, payload: 'https://qr.pccovid.gov.vn/HT-436-000123', format: 'png', pass: 'plain', passesTried: 1 };
 * ```
 */
export type QrDecodeResult =
  | { ok: true; payload: string; format: 'png' | 'jpeg'; pass: QrDecodePass; passesTried: number }
  | { ok: false; reason: 'unsupported-format' | 'corrupt-image' | 'too-large' | 'no-code-found'; format?: 'png' | 'jpeg'; passesTried: number };

const DEFAULTS = { maxBytes: 25 * 1024 * 1024, maxPixels: 50_000_000, workingSide: 1200, maxPasses: QR_DECODE_PASSES.length } as const;

function formatOf(bytes: Uint8Array): 'png' | 'jpeg' | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

function pngDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function readRaster(bytes: Uint8Array, format: 'png' | 'jpeg', maxPixels: number): Gray | 'corrupt-image' | 'too-large' {
  try {
    if (format === 'png') {
      const size = pngDimensions(bytes);
      if (size === null) return 'corrupt-image';
      if (size.width * size.height > maxPixels) return 'too-large';
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return grayFromRgba(png.width, png.height, png.data);
    }
    const image = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: maxPixels / 1_000_000,
      maxMemoryUsageInMB: Math.ceil((maxPixels * 6) / 1_000_000) + 64,
    });
    return grayFromRgba(image.width, image.height, image.data);
  } catch (error) {
    return error instanceof Error && /maxResolutionInMP|maxMemoryUsageInMB/.test(error.message) ? 'too-large' : 'corrupt-image';
  }
}

function pass(name: QrDecodePass, base: Gray, cache: Map<string, Gray>): Gray {
  const memo = (key: string, make: () => Gray) => {
    let image = cache.get(key);
    if (image === undefined) {
      image = make();
      cache.set(key, image);
    }
    return image;
  };
  const stretched = () => memo('stretched', () => contrastStretch(base));
  switch (name) {
    case 'plain':
      return base;
    case 'stretched':
      return stretched();
    case 'otsu':
      return otsuThreshold(stretched());
    case 'median':
      return median3(stretched());
    case 'half':
      return downscaleToFit(stretched(), Math.max(64, Math.ceil(Math.max(base.width, base.height) / 2)));
    case 'rotate90':
      return rotateQuarter(stretched(), 1);
    case 'rotate180':
      return rotateQuarter(stretched(), 2);
    case 'rotate270':
      return rotateQuarter(stretched(), 3);
  }
}

/**
 * Decodes the QR code in a PNG or JPEG photo (pure JS: pngjs, jpeg-js, jsQR). The photo is
 * turned to grayscale and box-downscaled to `workingSide`; then passes are tried in order until
 * one reads a code: `plain`, `otsu` (1–99 % contrast stretch, then a global Otsu threshold),
 * `median` (stretched, 3 × 3 median against noise and speckle), `stretched` (also tried
 * inverted), `half` (stretched at half size), and the stretched image turned 90°, 180° and 270°
 * (cheap insurance: jsQR locates rotated codes itself). The cost is bounded: at most `maxPasses` jsQR runs on at most
 * `workingSide²` pixels each. Synchronous and deterministic.
 *
 * @example
 * ```ts
 * const result = decodeQrImage(readFileSync('b2-gate.jpg'));
 * if (result.ok) console.log(result.payload, result.pass);
 * ```
 */
export function decodeQrImage(bytes: Uint8Array, limits: QrDecodeLimits = {}): QrDecodeResult {
  const maxBytes = limits.maxBytes ?? DEFAULTS.maxBytes;
  const maxPixels = limits.maxPixels ?? DEFAULTS.maxPixels;
  const workingSide = limits.workingSide ?? DEFAULTS.workingSide;
  const maxPasses = Math.min(limits.maxPasses ?? DEFAULTS.maxPasses, QR_DECODE_PASSES.length);
  const format = formatOf(bytes);
  if (format === null) return { ok: false, reason: 'unsupported-format', passesTried: 0 };
  if (bytes.length > maxBytes) return { ok: false, reason: 'too-large', format, passesTried: 0 };
  const raster = readRaster(bytes, format, maxPixels);
  if (typeof raster === 'string') return { ok: false, reason: raster, format, passesTried: 0 };
  const base = downscaleToFit(raster, workingSide);
  const cache = new Map<string, Gray>();
  for (let i = 0; i < maxPasses; i++) {
    const name = QR_DECODE_PASSES[i]!;
    const image = pass(name, base, cache);
    const code = jsQR(rgbaOf(image), image.width, image.height, { inversionAttempts: name === 'stretched' ? 'attemptBoth' : 'dontInvert' });
    if (code !== null && code.data !== '') return { ok: true, payload: code.data, format, pass: name, passesTried: i + 1 };
  }
  return { ok: false, reason: 'no-code-found', format, passesTried: maxPasses };
}
