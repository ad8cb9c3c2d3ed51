/**
 * The peer: pdf.js's own viewer components (PDFViewer, EventBus, PDFLinkService from
 * pdfjs-dist/web/pdf_viewer.mjs) on a minimal page, with pdf.js's default loading (ranges and
 * streaming over HTTP). window.benchOpen opens a PDF with its password and resolves to the
 * milliseconds until the first page is painted; window.benchJump(n) to those until page n is.
 */
export const PEER_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>pdf.js viewer (peer)</title>
<link rel="stylesheet" href="/pdfjs/web/pdf_viewer.css">
<style>
  html, body { margin: 0; height: 100%; }
  #viewerContainer { position: absolute; inset: 0; overflow: auto; background: #525659; }
</style>
</head>
<body>
<div id="viewerContainer"><div id="viewer" class="pdfViewer"></div></div>
<script type="module">
  const pdfjsLib = await import('/pdfjs/build/pdf.mjs');
  globalThis.pdfjsLib = pdfjsLib;
  const { EventBus, PDFLinkService, PDFViewer } = await import('/pdfjs/web/pdf_viewer.mjs');
  pdfjsLib.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.mjs';
  const eventBus = new EventBus();
  const linkService = new PDFLinkService({ eventBus });
  const container = document.getElementById('viewerContainer');
  const viewer = new PDFViewer({ container, eventBus, linkService });
  linkService.setViewer(viewer);
  const painted = (page) => new Promise((resolve) => {
    const listener = (event) => {
      if (page !== undefined && event.pageNumber !== page) return;
      eventBus.off('pagerendered', listener);
      resolve(performance.now());
    };
    eventBus.on('pagerendered', listener);
  });
  window.benchOpen = async (url, password) => {
    const start = performance.now();
    const first = painted();
    const pdf = await pdfjsLib.getDocument({
      url,
      password,
      cMapUrl: '/pdfjs/cmaps/',
      cMapPacked: true,
      standardFontDataUrl: '/pdfjs/standard_fonts/',
      wasmUrl: '/pdfjs/wasm/',
    }).promise;
    viewer.setDocument(pdf);
    linkService.setDocument(pdf, null);
    return { ms: (await first) - start, pages: pdf.numPages };
  };
  window.benchJump = async (page) => {
    const start = performance.now();
    const done = painted(page);
    viewer.currentPageNumber = page;
    return (await done) - start;
  };
  window.benchReady = true;
</script>
</body>
</html>
`;
