/**
 * A class roster as teachers export it from a spreadsheet: one pupil a line, the display
 * name first and, optionally, the school's student number second. A first line naming the
 * columns is recognised and skipped. Pupils are children: no other column is read, so an
 * export with birth dates or phone numbers is refused rather than half-read.
 */
import { splitCsv } from './csv.js';

export const MAX_DISPLAY_NAME_LENGTH = 40;
export const MAX_STUDENT_NUMBER_LENGTH = 32;
export const MAX_ROSTER_ROWS = 200;
export const MAX_ROSTER_CSV_LENGTH = 64 * 1024;

export const ROSTER_ROW_PROBLEMS = [
  'MISSING_NAME',
  'NAME_TOO_LONG',
  'STUDENT_NUMBER_TOO_LONG',
  'DUPLICATE_STUDENT_NUMBER',
  'STUDENT_NUMBER_IN_CLASS',
  'TOO_MANY_COLUMNS',
  'UNCLOSED_QUOTE',
] as const;
export type RosterRowProblem = (typeof ROSTER_ROW_PROBLEMS)[number];

export interface RosterRow {
  /** Line in the file, counting from 1, so a teacher can find it. */
  line: number;
  displayName: string;
  studentNumber: string | null;
  problems: RosterRowProblem[];
}

export type RosterFileProblem = 'EMPTY' | 'TOO_LARGE' | 'TOO_MANY_ROWS';

export type ParsedRoster = { ok: true; rows: RosterRow[] } | { ok: false; problem: RosterFileProblem };

const HEADER_WORDS = new Set(['name', 'display name', 'displayname', 'pupil', 'student', '姓名', '名字', '学生', '学生姓名']);

/** Reads the CSV and checks each row on its own and against the others; saves nothing. */
export function parseRoster(csv: string): ParsedRoster {
  if (csv.length > MAX_ROSTER_CSV_LENGTH) return { ok: false, problem: 'TOO_LARGE' };
  const lines = splitCsv(csv.replace(/^\uFEFF/, ''));
  const content = lines.filter((l) => !(l.cells.length === 1 && l.cells[0]!.trim() === ''));
  if (content.length > 0 && HEADER_WORDS.has(content[0]!.cells[0]!.trim().toLowerCase())) content.shift();
  if (content.length === 0) return { ok: false, problem: 'EMPTY' };
  if (content.length > MAX_ROSTER_ROWS) return { ok: false, problem: 'TOO_MANY_ROWS' };

  const rows: RosterRow[] = content.map(({ line, cells, unclosed }) => {
    const displayName = collapse(cells[0] ?? '');
    const number = collapse(cells[1] ?? '');
    const problems: RosterRowProblem[] = [];
    if (unclosed) problems.push('UNCLOSED_QUOTE');
    if (cells.slice(2).some((c) => c.trim() !== '')) problems.push('TOO_MANY_COLUMNS');
    if (displayName === '') problems.push('MISSING_NAME');
    else if ([...displayName].length > MAX_DISPLAY_NAME_LENGTH) problems.push('NAME_TOO_LONG');
    if ([...number].length > MAX_STUDENT_NUMBER_LENGTH) problems.push('STUDENT_NUMBER_TOO_LONG');
    return { line, displayName, studentNumber: number === '' ? null : number, problems };
  });

  const seen = new Map<string, number>();
  for (const row of rows) if (row.studentNumber) seen.set(row.studentNumber, (seen.get(row.studentNumber) ?? 0) + 1);
  for (const row of rows) {
    if (row.studentNumber && seen.get(row.studentNumber)! > 1) row.problems.push('DUPLICATE_STUDENT_NUMBER');
  }
  return { ok: true, rows };
}

export function rosterHasProblems(rows: RosterRow[]): boolean {
  return rows.some((r) => r.problems.length > 0);
}

/** A display name or number as it is stored: trimmed, inner runs of spaces made one. */
export function collapse(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}
