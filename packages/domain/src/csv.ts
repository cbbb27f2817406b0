/** One CSV record: the line it starts on, its cells, and whether a quote was left open. */
export interface CsvRecord {
  line: number;
  cells: string[];
  unclosed: boolean;
}

/** RFC 4180-style: commas (or semicolons, or tabs, as spreadsheets export), quotes doubled inside quotes. */
export function splitCsv(text: string): CsvRecord[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = firstLine.includes(',') || firstLine.includes('，') ? null : firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : null;
  const isSeparator = (c: string) => (separator ? c === separator : c === ',' || c === '，');
  const out: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (isSeparator(c)) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      out.push({ line: startLine, cells, unclosed: false });
      cells = [];
      cell = '';
      line++;
      startLine = line;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || cells.length > 0 || quoted) {
    cells.push(cell);
    out.push({ line: startLine, cells, unclosed: quoted });
  }
  return out;
}
