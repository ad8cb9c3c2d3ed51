/** PDF helpers shared by the library (page counts), search and the CLI: pdf.js in Node, decrypting in memory. */
export { countPdfPages } from './count-pdf-pages';
export { inspectPdf, type PdfInspection } from './inspect-pdf';
export { isEncrypted, openPdf, type OpenedPdf, type OpenPdfOptions } from './open-pdf';
export { pageTexts, readPages, type PageReadings } from './page-texts';
export { cornerStamp, type PositionedText } from './corner-stamp';
export { hasPdfHeader } from './pdf-header';
export { pdfjsAssetOptions } from './pdfjs-options';
