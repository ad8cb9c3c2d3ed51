/** What a scanned paper shows (a form, a list, a statement, photos), before it is laid out on the page. */

/** One cell of a ruled form; `span` counts the form's four columns (label, value, label, value). */
export interface FormCell {
  text: string;
  span?: number;
}

export interface TableColumn {
  title: string;
  /** Share of the table's width. */
  share: number;
}

export type ScanBlock =
  /** Centered, large: the organ's name, the paper's name. */
  | { kind: 'title'; text: string }
  /** Centered at body size: the document number. */
  | { kind: 'subtitle'; text: string }
  /** Paragraphs wrapped to the text width; prose opens with two full-width spaces when `indent`. */
  | { kind: 'paragraphs'; texts: string[]; indent?: boolean }
  /** Short lines set flush right (signatures, the sealing organ, the date). */
  | { kind: 'signature'; lines: string[] }
  /** A ruled form of label and value cells, four columns wide; long values wrap inside their cell. */
  | { kind: 'form'; rows: FormCell[][] }
  /** A list with a header row: ruled (扣押清单) or not (a bank's statement, in smaller type). */
  | { kind: 'table'; columns: TableColumn[]; rows: string[][]; ruled: boolean; small?: boolean }
  /** A photo of the scene with its caption below. */
  | { kind: 'photo'; caption: string };

export interface ScanContent {
  blocks: ScanBlock[];
  /** The unit whose red seal is pressed over the last signature block. */
  seal?: string;
}
