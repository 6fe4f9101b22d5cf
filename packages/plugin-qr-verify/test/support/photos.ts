/**
 * Generated photos of posted QR codes, from a fixed seed: the code is made with the `qrcode`
 * package, then scaled, rotated by any angle (nearest-module sampling, 2 × 2 supersampled), pasted onto a larger, uneven
 * background, lowered in contrast, made noisy and saved as PNG or JPEG (jpeg-js) — all in pure JS.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { mulberry32 } from '@pccovid-inspect/core';

/** mulberry32: a small seeded PRNG, [0, 1). */
export const seededRandom: (seed: number) => () => number = mulberry32;

export interface GrayImage {
  width: number;
  height: number;
  data: Float32Array;
}

/** The code as a grayscale image, one pixel a module, with a 4-module quiet zone. */
export async function qrModules(text: string, errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' = 'M'): Promise<GrayImage> {
  const png = PNG.sync.read(await QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel, margin: 4, scale: 1 }));
  const data = new Float32Array(png.width * png.height);
  for (let i = 0; i < data.length; i++) data[i] = png.data[i * 4]!;
  return { width: png.width, height: png.height, data };
}

export interface PhotoParams {
  /** Pixels per module in the photo. */
  moduleSize: number;
  /** Rotation in degrees (any). */
  angle: number;
  /** Photo size. */
  width: number;
  height: number;
  /** Dark and light levels of the code after lowering the contrast (0–255). */
  dark: number;
  light: number;
  /** Gaussian noise, standard deviation in grey levels. */
  noise: number;
  /** Salt-and-pepper fraction of pixels. */
  speckle: number;
  /** `png`, or a JPEG quality 1–100. */
  encoding: 'png' | number;
  /** Keep only this fraction of the code's width (1 = whole code), to make unreadable ones. */
  visibleFraction?: number;
  /** Background mean level. */
  background: number;
}

const SUBSAMPLES: readonly (readonly [number, number])[] = [
  [0.25, 0.25],
  [0.75, 0.25],
  [0.25, 0.75],
  [0.75, 0.75],
];

/** Renders the photo and encodes it. */
export function renderPhoto(code: GrayImage | null, p: PhotoParams, random: () => number): Buffer {
  const { width, height } = p;
  const out = new Float32Array(width * height);
  // Uneven background: a gradient plus a few soft blobs.
  const gx = (random() - 0.5) * 60;
  const gy = (random() - 0.5) * 60;
  const blobs = Array.from({ length: 4 }, () => ({ x: random() * width, y: random() * height, r: 30 + random() * 120, v: (random() - 0.5) * 80 }));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = p.background + (gx * x) / width + (gy * y) / height;
      for (const b of blobs) {
        const d2 = (x - b.x) ** 2 + (y - b.y) ** 2;
        v += b.v * Math.exp(-d2 / (b.r * b.r));
      }
      out[y * width + x] = v;
    }
  }
  if (code !== null) {
    const side = code.width * p.moduleSize;
    const rad = (p.angle * Math.PI) / 180;
    const cos = Math.cos(rad);
    const sin = Math.sin(rad);
    const half = side / 2;
    const extent = half * (Math.abs(cos) + Math.abs(sin));
    const cx = extent + random() * Math.max(0, width - 2 * extent);
    const cy = extent + random() * Math.max(0, height - 2 * extent);
    const visible = (p.visibleFraction ?? 1) * side;
    for (let y = Math.max(0, Math.floor(cy - extent)); y < Math.min(height, Math.ceil(cy + extent)); y++) {
      for (let x = Math.max(0, Math.floor(cx - extent)); x < Math.min(width, Math.ceil(cx + extent)); x++) {
        // Inverse rotation into the code's frame (in photo pixels), then into modules.
        // 2 × 2 supersampling: each sample is mapped back into the code's frame (inverse rotation)
        // and takes the nearest module; the photo pixel averages the samples inside the code.
        let sum = 0;
        let inside = 0;
        for (const [ox, oy] of SUBSAMPLES) {
          const dx = x + ox - cx;
          const dy = y + oy - cy;
          const u = cos * dx + sin * dy + half;
          const w = -sin * dx + cos * dy + half;
          if (u < 0 || w < 0 || u >= side || w >= side || u > visible) continue;
          sum += code.data[Math.floor(w / p.moduleSize) * code.width + Math.floor(u / p.moduleSize)]!;
          inside++;
        }
        if (inside === 0) continue;
        const m = sum / inside;
        const photo = out[y * width + x]!;
        const cover = inside / SUBSAMPLES.length;
        out[y * width + x] = (1 - cover) * photo + cover * (p.dark + ((p.light - p.dark) * m) / 255);
      }
    }
  }
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < out.length; i++) {
    let v = out[i]!;
    if (p.noise > 0) {
      const u1 = Math.max(random(), 1e-9);
      v += p.noise * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random());
    }
    if (p.speckle > 0 && random() < p.speckle) v = random() < 0.5 ? 0 : 255;
    const g = Math.max(0, Math.min(255, Math.round(v)));
    rgba[i * 4] = g;
    rgba[i * 4 + 1] = g;
    rgba[i * 4 + 2] = g;
    rgba[i * 4 + 3] = 255;
  }
  if (p.encoding === 'png') {
    const png = new PNG({ width, height });
    rgba.copy(png.data);
    return PNG.sync.write(png);
  }
  return jpeg.encode({ width, height, data: rgba }, p.encoding).data;
}

/** A rough camera-like variation, readable by design (module ≥ 2.5 px, contrast ≥ 80 levels, noise ≤ 18). */
export function readableParams(random: () => number, codeModules: number): PhotoParams {
  const moduleSize = 2.5 + random() * 5;
  const side = codeModules * moduleSize * 1.45;
  const width = Math.ceil(side + random() * 250);
  const height = Math.ceil(side + random() * 250);
  const contrast = 80 + random() * 175;
  const dark = random() * (255 - contrast);
  const pick = random();
  return {
    moduleSize,
    angle: random() < 0.25 ? [0, 90, 180, 270][Math.floor(random() * 4)]! : random() * 360,
    width,
    height,
    dark,
    light: dark + contrast,
    noise: random() * 18,
    speckle: random() < 0.2 ? random() * 0.02 : 0,
    encoding: pick < 0.4 ? 'png' : Math.round(40 + random() * 55),
    // The posted sheet is the brightest thing around it, or close: a wall up to 20 levels brighter.
    background: Math.min(230, dark + contrast + 20) - random() * 110,
  };
}

/** Photos nobody can read: no code, a tiny code, half a code, or almost no contrast under heavy noise. */
export function unreadableParams(random: () => number, codeModules: number, kind: 'blank' | 'tiny' | 'cropped' | 'washed'): PhotoParams {
  const base = readableParams(random, codeModules);
  if (kind === 'tiny') return { ...base, moduleSize: 0.6, noise: 6, speckle: 0 };
  if (kind === 'cropped') return { ...base, angle: 0, visibleFraction: 0.45 };
  if (kind === 'washed') return { ...base, dark: 120, light: 130, noise: 40, speckle: 0.05 };
  return base;
}
