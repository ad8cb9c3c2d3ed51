/** PDF helpers shared by the library (page counts), search and the CLI: pdf.js in Node, decrypting in memory. */
export { countPdfFilePages, countPdfPages } from './count-pdf-pages';
export { inspectPdfFile, readPdfFile, type PdfFileReading, type ReadPdfFileOptions } from './read-pdf-file';
export { checkedPageCount, PDF_LIMITS, type PdfLimits } from './pdf-limits';
export { inspectPdf, type PdfInspection } from './inspect-pdf';
export { isEncrypted, openPdf, type OpenedPdf, type OpenPdfOptions } from './open-pdf';
export { pageTexts, readPages, type PageReadings } from './page-texts';
export { cornerStamp, type PositionedText } from './corner-stamp';
export { hasPdfHeader } from './pdf-header';
export { pdfjsAssetOptions } from './pdfjs-options';
