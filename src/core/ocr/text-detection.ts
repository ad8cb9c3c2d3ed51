/**
 * Where the text lines are: PaddleOCR's DB detector gives a probability map of "text here"; its
 * regions become boxes. Dossier pages are typeset, upright text, so a region's axis-aligned box,
 * grown as DB's "unclip" grows it, is the line's box (a slightly skewed scan still fits).
 */
import type { InferenceSession, Tensor as TensorType } from 'onnxruntime-node';
import { resample } from './gray-image';
import type { Box, GrayImage } from './ocr-types';

export interface DetectionOptions {
  /** The longer side the page is scaled to before detection (a multiple of 32). */
  maxSide: number;
  /** Probability above which a pixel is text. */
  threshold: number;
  /** Mean probability a region needs to count as a line. */
  boxThreshold: number;
  /** How far a region is grown (DB's unclip ratio): area × ratio / perimeter. */
  unclipRatio: number;
}

// 960: measured on 150-dpi A4 scans, both faster and more accurate than 1280 or 1600 (larger maps split
// printed lines into pieces); 12-pt print is still ~14 px high at that size.
export const DEFAULT_DETECTION: DetectionOptions = { maxSide: 960, threshold: 0.3, boxThreshold: 0.5, unclipRatio: 1.6 };

// ImageNet statistics the detector was trained with (the same for every channel of a grey page is
// not true, so each channel gets its own).
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export type TensorConstructor = typeof TensorType;

/** The scaled size, each side a multiple of 32 as the detector needs. */
export function detectionSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const round = (value: number) => Math.max(32, Math.round((value * scale) / 32) * 32);
  return { width: round(width), height: round(height) };
}

export async function detectLines(
  session: InferenceSession,
  Tensor: TensorConstructor,
  image: GrayImage,
  options: DetectionOptions = DEFAULT_DETECTION,
): Promise<Box[]> {
  const size = detectionSize(image.width, image.height, options.maxSide);
  const pixels = resample(image, 0, 0, image.width, image.height, size.width, size.height);
  const plane = size.width * size.height;
  const input = new Float32Array(plane * 3);
  for (let c = 0; c < 3; c++) {
    const mean = MEAN[c] as number;
    const std = STD[c] as number;
    const offset = c * plane;
    for (let i = 0; i < plane; i++) input[offset + i] = ((pixels[i] as number) / 255 - mean) / std;
  }
  const feeds = { [session.inputNames[0] as string]: new Tensor('float32', input, [1, 3, size.height, size.width]) };
  const output = await session.run(feeds);
  const map = output[session.outputNames[0] as string];
  if (!map) throw new Error('detector gave no output');
  const probabilities = map.data as Float32Array;
  const boxes = regionsToBoxes(probabilities, size.width, size.height, options);
  map.dispose();
  const sx = image.width / size.width;
  const sy = image.height / size.height;
  return boxes.map(([x0, y0, x1, y1]) => [
    Math.max(0, Math.floor(x0 * sx)),
    Math.max(0, Math.floor(y0 * sy)),
    Math.min(image.width, Math.ceil(x1 * sx)),
    Math.min(image.height, Math.ceil(y1 * sy)),
  ]);
}

/**
 * Connected regions of the thresholded map (4-neighbour flood fill), each as its bounding box,
 * kept when its mean probability is high enough, then grown by the unclip distance.
 */
export function regionsToBoxes(probabilities: Float32Array, width: number, height: number, options: DetectionOptions): Box[] {
  const label = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  const boxes: Box[] = [];
  let next = 0;
  for (let start = 0; start < label.length; start++) {
    if (label[start] !== 0 || (probabilities[start] as number) <= options.threshold) continue;
    next += 1;
    let top = 0;
    stack[top++] = start;
    label[start] = next;
    let x0 = width;
    let y0 = height;
    let x1 = -1;
    let y1 = -1;
    let sum = 0;
    let count = 0;
    while (top > 0) {
      const at = stack[--top] as number;
      const x = at % width;
      const y = (at - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      sum += probabilities[at] as number;
      count += 1;
      const neighbours = [x > 0 ? at - 1 : -1, x < width - 1 ? at + 1 : -1, y > 0 ? at - width : -1, y < height - 1 ? at + width : -1];
      for (const n of neighbours) {
        if (n < 0 || label[n] !== 0 || (probabilities[n] as number) <= options.threshold) continue;
        label[n] = next;
        stack[top++] = n;
      }
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < 3 || sum / count < options.boxThreshold) continue;
    const distance = (w * h * options.unclipRatio) / (2 * (w + h));
    boxes.push([
      Math.max(0, x0 - distance),
      Math.max(0, y0 - distance),
      Math.min(width, x1 + 1 + distance),
      Math.min(height, y1 + 1 + distance),
    ]);
  }
  return boxes;
}
