/** The tasks the PDF reading thread runs, as its parent posts them. */
import type { ReadPdfFileOptions } from '../pdf';

export interface CountInput {
  path: string;
  password: string | undefined;
}

export interface ReadInput {
  path: string;
  passwords: readonly string[];
  options: ReadPdfFileOptions;
}

export interface InspectInput {
  path: string;
  password: string | undefined;
  text: boolean;
}
