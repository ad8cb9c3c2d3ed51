/** The 阅卷笔录 as a Word document (.docx), set in fonts that show Chinese. */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, TextRun, type IRunStylePropertiesOptions } from 'docx';
import { bookmarkLabel, headingLines, type ReadingNotes } from './reading-notes';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Body in 宋体, headings in 黑体; Latin text in Times New Roman. Word's own defaults show no Chinese glyph choice. */
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimHei' };
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' };

function headingRun(size: number): IRunStylePropertiesOptions {
  return { font: HEADING_FONT, size, bold: true, color: '000000', language: LANGUAGE };
}

/** How a quotation is set: indented, a rule at its left, in grey, as quoted passages are. */
const QUOTE_STYLE = {
  paragraph: { indent: { left: 480 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'A6A6A6', space: 8 } } },
  run: { color: '595959' },
};

/** One paragraph per block of the text; lines inside a block kept with line breaks. */
function textParagraphs(text: string, style?: typeof QUOTE_STYLE): Paragraph[] {
  return text
    .split(/(?:\r\n|\r|\n)\s*(?:\r\n|\r|\n)/)
    .map((block) => block.split(/\r\n|\r|\n/).filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0)
    .map(
      (lines) =>
        new Paragraph({
          ...style?.paragraph,
          children: lines.map((line, i) => new TextRun({ text: line, ...style?.run, ...(i > 0 ? { break: 1 } : {}) })),
        }),
    );
}

export async function readingNotesDocx(notes: ReadingNotes): Promise<Uint8Array> {
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(notes.title)] })];
  for (const line of headingLines(notes)) children.push(new Paragraph({ children: [new TextRun(line)] }));
  if (notes.volumes.length === 0) children.push(new Paragraph({ children: [new TextRun('（暂无笔记）')] }));
  for (const volume of notes.volumes) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(volume.name)] }));
    for (const document of volume.documents) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(document.title)] }));
      for (const entry of document.entries) {
        const cited = [new TextRun({ text: entry.citation, bold: true })];
        if (entry.kind === 'bookmark') cited.push(new TextRun(bookmarkLabel(entry.label)));
        if (entry.kind === 'highlight') cited.push(new TextRun('（高亮）'));
        children.push(
          new Paragraph({ spacing: { before: 120 }, children: cited }),
          ...textParagraphs(entry.quote ?? '', QUOTE_STYLE),
          ...textParagraphs(entry.text),
        );
      }
    }
  }

  const document = new Document({
    title: notes.title,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 24, language: LANGUAGE } },
        title: { run: headingRun(36) },
        heading1: { run: headingRun(30) },
        heading2: { run: headingRun(26) },
      },
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
