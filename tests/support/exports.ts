// Reading back a file an export action stored: its bytes from storage (where the link points), and the text of a
// Word file's tables (word/document.xml inside the docx zip), to compare with the board and the records.
import JSZip from 'jszip';
import { buffer } from 'node:stream/consumers';
import { storagePathOf } from '@/core/evidence/file-ids';
import type { ExportFileView } from '@/core/schemas/actions';
import type { Harness } from './harness';

/** The bytes of an exported file, after checking it sits under exports/<programme>/ and its link is a signed one. */
export async function exportedBytes(h: Harness, file: ExportFileView, programId: string): Promise<Buffer> {
  const storagePath = storagePathOf(file.fileId);
  expect(storagePath?.startsWith(`exports/${programId}/`)).toBe(true);
  const link = new URL(file.url, 'http://127.0.0.1');
  expect(decodeURIComponent(link.pathname)).toBe(`/files/${storagePath}`);
  const expires = Number(link.searchParams.get('expires'));
  expect(h.files.verifyLink(storagePath ?? '', expires, link.searchParams.get('signature') ?? '')).toBe(true);
  const stream = await h.files.read(file.fileId);
  if (!stream) throw new Error(`export ${file.fileId} is not in storage`);
  const bytes = await buffer(stream);
  expect(bytes.length).toBe(file.size);
  return bytes;
}

const decode = (xml: string) =>
  xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
/** The text of every <w:t> inside an XML fragment, joined. */
const textOf = (xml: string) => decode([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''));

export interface WordContent {
  /** Paragraph texts outside tables, in order. */
  paragraphs: string[];
  /** Each table as rows of cell texts (the first row is the header). */
  tables: string[][][];
}

/** Opens a docx (a zip) and reads word/document.xml: its paragraphs and its tables' cells. */
export async function wordContent(bytes: Buffer): Promise<WordContent> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('no word/document.xml in the docx');
  const body = xml.slice(xml.indexOf('<w:body>'));
  const tables = [...body.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? '').matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => textOf(cell[1] ?? '')),
    ),
  );
  const outside = body.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = [...outside.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((p) => textOf(p[1] ?? '')).filter(Boolean);
  return { paragraphs, tables };
}

/** A table's rows as records keyed by its header row. */
export function tableRecords(table: string[][]): Record<string, string>[] {
  const [headers = [], ...rows] = table;
  return rows.map((row) => Object.fromEntries(headers.map((header, index) => [header, row[index] ?? ''])));
}
