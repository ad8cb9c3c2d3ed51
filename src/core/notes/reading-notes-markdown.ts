/** The 阅卷笔录 as Markdown (CommonMark, UTF-8). */
import { bookmarkLabel, headingLines, type ReadingNotes, type ReadingNotesEntry } from './reading-notes';

/** Characters that would turn a lawyer's plain text into emphasis, links, code, HTML or entities. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_~[\]<>&]/g, (char) => `\\${char}`);
}

/** A line that would otherwise start a heading, quote, list or rule. */
function escapeLine(line: string): string {
  return escapeInline(line.trim())
    .replace(/^([#>+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Paragraphs split at blank lines; lines inside a paragraph kept with hard breaks. */
function paragraphs(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      if (current.length > 0) out.push(current.join('\\\n'));
      current = [];
    } else {
      current.push(escapeLine(line));
    }
  }
  if (current.length > 0) out.push(current.join('\\\n'));
  return out;
}

/** A quotation as a block quote: its paragraphs kept, each line escaped. */
function blockQuote(text: string): string[] {
  const quoted = paragraphs(text);
  return quoted.length === 0 ? [] : [quoted.map((paragraph) => paragraph.split('\n').map((line) => `> ${line}`).join('\n')).join('\n>\n')];
}

/** After the citation: （书签：name）, （高亮） or nothing. */
function kindSuffix(entry: ReadingNotesEntry): string {
  if (entry.kind === 'bookmark') return escapeInline(bookmarkLabel(entry.label));
  return entry.kind === 'highlight' ? '（高亮）' : '';
}

export function readingNotesMarkdown(notes: ReadingNotes): string {
  // The heading's lines as one paragraph, one per line (hard breaks).
  const blocks: string[] = [`# ${escapeInline(notes.title)}`, headingLines(notes).map(escapeInline).join('\\\n')];
  if (notes.volumes.length === 0) blocks.push('（暂无笔记）');
  for (const volume of notes.volumes) {
    blocks.push(`## ${escapeInline(volume.name)}`);
    for (const document of volume.documents) {
      blocks.push(`### ${escapeInline(document.title)}`);
      for (const entry of document.entries) {
        const cited = `**${escapeInline(entry.citation)}**`;
        blocks.push(`${cited}${kindSuffix(entry)}`, ...blockQuote(entry.quote ?? ''), ...paragraphs(entry.text));
      }
    }
  }
  return `${blocks.join('\n\n')}\n`;
}
