/**
 * What each line says: PaddleOCR's CRNN recogniser reads a line scaled to 48 px high and gives, per
 * time step, a probability for every character of its dictionary; CTC greedy decoding turns that
 * into text. Lines of similar width are read together in one batch (padded to the widest).
 */
import type { InferenceSession } from 'onnxruntime-node';
import { resample } from './gray-image';
import type { TensorConstructor } from './text-detection';
import type { Box, GrayImage } from './ocr-types';

export const LINE_HEIGHT = 48;
/** Widest line image read at once: longer lines are read in pieces (a table row across the page). */
const MAX_WIDTH = 1600;
/** Most lines per batch, and the most padding a batch may add (its narrowest line vs its widest). */
const BATCH_LINES = 8;
const BATCH_SPREAD = 1.5;

/** A character at least this likely is read even where the blank is a little likelier. */
const RARE_CHARACTER = 0.1;

export interface RecognisedLine {
  text: string;
  confidence: number;
}

/** The recogniser's characters: index 0 is CTC's blank, then the dictionary, then a space. */
export function recogniserAlphabet(dictionary: string): string[] {
  const characters = dictionary.split(/\r?\n/);
  if (characters.at(-1) === '') characters.pop();
  return ['', ...characters, ' '];
}

/** Greedy CTC: the best class per step, repeats merged, blanks dropped. */
export function ctcDecode(logits: Float32Array, steps: number, classes: number, offset: number, alphabet: readonly string[]): RecognisedLine {
  let text = '';
  let last = -1;
  let sum = 0;
  let count = 0;
  for (let t = 0; t < steps; t++) {
    const base = offset + t * classes;
    const blank = logits[base] as number;
    let best = 0;
    let bestValue = -1;
    for (let c = 1; c < classes; c++) {
      const value = logits[base + c] as number;
      if (value > bestValue) {
        bestValue = value;
        best = c;
      }
    }
    // A rare character (涪 of 涪陵) often comes out a little under the blank: a clear second
    // place is kept rather than lost.
    if (blank > bestValue && bestValue < RARE_CHARACTER) best = 0;
    if (best === 0) bestValue = blank;
    if (best !== 0 && best !== last) {
      text += alphabet[best] ?? '';
      sum += bestValue;
      count += 1;
    }
    last = best;
  }
  return { text: text.trim(), confidence: count === 0 ? 0 : sum / count };
}

interface Crop {
  index: number;
  box: Box;
  width: number;
}

export async function recogniseLines(
  session: InferenceSession,
  Tensor: TensorConstructor,
  image: GrayImage,
  boxes: readonly Box[],
  alphabet: readonly string[],
): Promise<RecognisedLine[]> {
  const crops: Crop[] = [];
  for (const [index, box] of boxes.entries()) {
    const [x0, y0, x1, y1] = box;
    const width = Math.max(8, Math.min(MAX_WIDTH, Math.round(((x1 - x0) * LINE_HEIGHT) / Math.max(1, y1 - y0))));
    crops.push({ index, box, width });
  }
  crops.sort((a, b) => a.width - b.width);
  const results: RecognisedLine[] = Array.from({ length: boxes.length }, () => ({ text: '', confidence: 0 }));
  for (let start = 0; start < crops.length; ) {
    let end = start + 1;
    while (end < crops.length && end - start < BATCH_LINES && (crops[end] as Crop).width <= (crops[start] as Crop).width * BATCH_SPREAD) end++;
    const batch = crops.slice(start, end);
    const batchWidth = Math.ceil((batch.at(-1) as Crop).width / 8) * 8;
    const plane = LINE_HEIGHT * batchWidth;
    const input = new Float32Array(batch.length * 3 * plane);
    for (const [n, crop] of batch.entries()) {
      const [x0, y0, x1, y1] = crop.box;
      const pixels = resample(image, x0, y0, x1 - x0, y1 - y0, crop.width, LINE_HEIGHT);
      for (let c = 0; c < 3; c++) {
        const offset = (n * 3 + c) * plane;
        for (let y = 0; y < LINE_HEIGHT; y++) {
          for (let x = 0; x < batchWidth; x++) {
            // Padding is white paper, as the line's surroundings are.
            const value = x < crop.width ? (pixels[y * crop.width + x] as number) : 255;
            input[offset + y * batchWidth + x] = value / 127.5 - 1;
          }
        }
      }
    }
    const feeds = { [session.inputNames[0] as string]: new Tensor('float32', input, [batch.length, 3, LINE_HEIGHT, batchWidth]) };
    const output = await session.run(feeds);
    const logits = output[session.outputNames[0] as string];
    if (!logits) throw new Error('recogniser gave no output');
    const [, steps, classes] = logits.dims as [number, number, number];
    const data = logits.data as Float32Array;
    for (const [n, crop] of batch.entries()) results[crop.index] = ctcDecode(data, steps, classes, n * steps * classes, alphabet);
    logits.dispose();
    start = end;
  }
  return results;
}
