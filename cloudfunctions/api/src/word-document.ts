// A Word file (docx) written from the blocks core/exports/documents.ts shapes: titles centred, headings, paragraphs
// and bordered tables with a bold header row, in 宋体 at the size Chinese official documents use.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { DocBlock } from '@/core/exports/documents';

const FONT = { ascii: 'Times New Roman', eastAsia: '宋体', hAnsi: 'Times New Roman' };
/** Half-points: 小四 (12 pt) for text, 三号 (16 pt) for titles. */
const TEXT_SIZE = 24;
const TITLE_SIZE = 32;

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font: FONT, size: 21 })] })] });

function blockOf(block: DocBlock): Paragraph | Table {
  switch (block.kind) {
    case 'title':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 200 },
        children: [new TextRun({ text: block.text, bold: true, font: FONT, size: TITLE_SIZE })],
      });
    case 'heading':
      return new Paragraph({
        heading: HeadingLevel.HEADING_2,
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: block.text, bold: true, font: FONT, size: TEXT_SIZE })],
      });
    case 'paragraph':
      return new Paragraph({
        alignment: block.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: block.align === 'right' ? undefined : { firstLine: 480 },
        children: [new TextRun({ text: block.text, font: FONT, size: TEXT_SIZE })],
      });
    case 'table':
      return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: block.headers.map((header) => cell(header, true)) }),
          ...block.rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
        ],
      });
  }
}

export async function wordDocument(title: string, blocks: readonly DocBlock[]): Promise<Buffer> {
  const document = new Document({
    title,
    creator: '学会奖补通',
    lastModifiedBy: '学会奖补通',
    revision: 1,
    styles: { default: { document: { run: { font: FONT, size: TEXT_SIZE } } } },
    sections: [{ children: blocks.map(blockOf) }],
  });
  return Packer.toBuffer(document);
}
