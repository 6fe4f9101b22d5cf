/**
 * Small raster helpers on 8-bit grayscale images (one byte a pixel), and the RGBA view jsQR reads.
 * Pure functions: no I/O, no randomness.
 */

/** A grayscale image, one byte a pixel, row-major. */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Luma (ITU-R BT.601, integer) of an RGBA buffer; alpha is composited onto white. */
export function grayFromRgba(width: number, height: number, rgba: Uint8Array): Gray {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    const a = rgba[p + 3]!;
    const y = (299 * rgba[p]! + 587 * rgba[p + 1]! + 114 * rgba[p + 2]!) / 1000;
    data[i] = a === 255 ? y : (y * a + 255 * (255 - a)) / 255;
  }
  return { width, height, data };
}

/** Box-filter downscale so that the longer side is at most `maxSide` (integer factor, at least 1). */
export function downscaleToFit(image: Gray, maxSide: number): Gray {
  const factor = Math.ceil(Math.max(image.width, image.height) / maxSide);
  return factor <= 1 ? image : boxDownscale(image, factor);
}

/** Averages `factor × factor` blocks (the last partial row/column is averaged over what exists). */
export function boxDownscale(image: Gray, factor: number): Gray {
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const data = new Uint8Array(width * height);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * image.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += image.data[row + dx]!;
      }
      data[y * width + x] = Math.round(sum / area);
    }
  }
  return { width, height, data };
}

/** Linear contrast stretch between the 1st and 99th percentiles (no-op on a flat image). */
export function contrastStretch(image: Gray): Gray {
  const histogram = new Uint32Array(256);
  for (const v of image.data) histogram[v]!++;
  const cut = Math.floor(image.data.length * 0.01);
  let lo = 0;
  for (let seen = 0; lo < 255 && seen + histogram[lo]! <= cut; lo++) seen += histogram[lo]!;
  let hi = 255;
  for (let seen = 0; hi > 0 && seen + histogram[hi]! <= cut; hi--) seen += histogram[hi]!;
  if (hi - lo < 2) return image;
  const data = new Uint8Array(image.data.length);
  const scale = 255 / (hi - lo);
  for (let i = 0; i < data.length; i++) data[i] = Math.min(255, Math.max(0, Math.round((image.data[i]! - lo) * scale)));
  return { width: image.width, height: image.height, data };
}

/** Global threshold by Otsu's method: pixels become 0 or 255. */
export function otsuThreshold(image: Gray): Gray {
  const histogram = new Float64Array(256);
  for (const v of image.data) histogram[v]!++;
  const total = image.data.length;
  let sumAll = 0;
  for (let t = 0; t < 256; t++) sumAll += t * histogram[t]!;
  let sumBack = 0;
  let weightBack = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    weightBack += histogram[t]!;
    if (weightBack === 0) continue;
    const weightFore = total - weightBack;
    if (weightFore === 0) break;
    sumBack += t * histogram[t]!;
    const meanBack = sumBack / weightBack;
    const meanFore = (sumAll - sumBack) / weightFore;
    const between = weightBack * weightFore * (meanBack - meanFore) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) data[i] = image.data[i]! > threshold ? 255 : 0;
  return { width: image.width, height: image.height, data };
}

/** 3 × 3 median filter (salt-and-pepper noise); borders copied. */
export function median3(image: Gray): Gray {
  const { width, height } = image;
  const data = Uint8Array.from(image.data);
  const window = new Uint8Array(9);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      let k = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) window[k++] = image.data[(y + dy) * width + x + dx]!;
      window.sort();
      data[y * width + x] = window[4]!;
    }
  }
  return { width, height, data };
}

/** Rotates by a multiple of 90° clockwise (`quarterTurns` 0–3). */
export function rotateQuarter(image: Gray, quarterTurns: number): Gray {
  const turns = ((quarterTurns % 4) + 4) % 4;
  if (turns === 0) return image;
  const { width, height } = image;
  const outWidth = turns === 2 ? width : height;
  const outHeight = turns === 2 ? height : width;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let nx: number;
      let ny: number;
      if (turns === 1) {
        nx = height - 1 - y;
        ny = x;
      } else if (turns === 2) {
        nx = width - 1 - x;
        ny = height - 1 - y;
      } else {
        nx = y;
        ny = width - 1 - x;
      }
      data[ny * outWidth + nx] = image.data[y * width + x]!;
    }
  }
  return { width: outWidth, height: outHeight, data };
}

/** The RGBA buffer jsQR reads (gray replicated, opaque). */
export function rgbaOf(image: Gray): Uint8ClampedArray {
  const out = new Uint8ClampedArray(image.data.length * 4);
  for (let i = 0, p = 0; i < image.data.length; i++, p += 4) {
    const v = image.data[i]!;
    out[p] = v;
    out[p + 1] = v;
    out[p + 2] = v;
    out[p + 3] = 255;
  }
  return out;
}
