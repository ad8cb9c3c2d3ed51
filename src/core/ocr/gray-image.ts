/** Grey pixels from the RGB(A) or grey data decoders give, and the resampling OCR needs. */
import type { GrayImage } from './ocr-types';

/** Luminance (ITU-R BT.601) from interleaved channels; 1 channel is copied as it is. */
export function toGray(width: number, height: number, data: Uint8Array | Uint8ClampedArray, channels: number): GrayImage {
  const count = width * height;
  if (data.length < count * channels) throw new Error(`image data too short: ${data.length} < ${count * channels}`);
  const out = new Uint8Array(count);
  if (channels === 1) {
    out.set(data.subarray(0, count));
    return { width, height, data: out };
  }
  for (let i = 0, j = 0; i < count; i++, j += channels) {
    out[i] = (77 * (data[j] as number) + 150 * (data[j + 1] as number) + 29 * (data[j + 2] as number)) >> 8;
  }
  return { width, height, data: out };
}

/** Bilinear resampling of a window [x, y, w, h] of the image to `outWidth`×`outHeight`. */
export function resample(image: GrayImage, x: number, y: number, w: number, h: number, outWidth: number, outHeight: number): Float32Array {
  const out = new Float32Array(outWidth * outHeight);
  const sx = w / outWidth;
  const sy = h / outHeight;
  const maxX = image.width - 1;
  const maxY = image.height - 1;
  for (let oy = 0; oy < outHeight; oy++) {
    const fy = Math.min(maxY, Math.max(0, y + (oy + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(maxY, y0 + 1);
    const wy = fy - y0;
    const row0 = y0 * image.width;
    const row1 = y1 * image.width;
    for (let ox = 0; ox < outWidth; ox++) {
      const fx = Math.min(maxX, Math.max(0, x + (ox + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(maxX, x0 + 1);
      const wx = fx - x0;
      const d = image.data;
      const top = (d[row0 + x0] as number) * (1 - wx) + (d[row0 + x1] as number) * wx;
      const bottom = (d[row1 + x0] as number) * (1 - wx) + (d[row1 + x1] as number) * wx;
      out[oy * outWidth + ox] = top * (1 - wy) + bottom * wy;
    }
  }
  return out;
}
