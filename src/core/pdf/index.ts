/** PDF helpers shared by the library (page counts), search and the CLI: pdf.js in Node, decrypting in memory. */
export { countPdfPages } from './count-pdf-pages';
export { inspectPdf, type PdfInspection } from './inspect-pdf';
export { isEncrypted, openPdf, type OpenedPdf, type OpenPdfOptions } from './open-pdf';
export { pageTexts } from './page-texts';
export { hasPdfHeader } from './pdf-header';
export { pdfjsAssetOptions } from './pdfjs-options';
