import { splitCsv } from './csv.js';
import { isTheme } from './themes.js';

/** A collection record as an educator types it or an import file gives it. */
export interface CollectionObjectDraft {
  accessionNumber?: string | null;
  titleZh?: string | null;
  titleEn?: string | null;
  makerZh?: string | null;
  makerEn?: string | null;
  periodZh?: string | null;
  periodEn?: string | null;
  kindZh?: string | null;
  kindEn?: string | null;
  descriptionZh?: string | null;
  descriptionEn?: string | null;
  location?: string | null;
  themes?: string[] | null;
  rightsStatement?: string | null;
}

export type CollectionProblem = 'REQUIRED' | 'TOO_LONG' | 'INVALID' | 'DUPLICATE';

export interface CollectionFieldProblem {
  field: keyof CollectionObjectDraft | 'row';
  problem: CollectionProblem;
}

/** The columns of an import file, in this order for CSV (a header line naming them is expected). */
export const COLLECTION_COLUMNS = [
  'accessionNumber',
  'titleZh',
  'titleEn',
  'makerZh',
  'makerEn',
  'periodZh',
  'periodEn',
  'kindZh',
  'kindEn',
  'descriptionZh',
  'descriptionEn',
  'location',
  'themes',
  'rightsStatement',
] as const;

export const MAX_IMPORT_ROWS = 5000;
const SHORT = 300;
const LONG = 8000;

/** Every problem with one record; titles are required in both languages, as the museum publishes both. */
export function validateCollectionObject(d: CollectionObjectDraft): CollectionFieldProblem[] {
  const p: CollectionFieldProblem[] = [];
  const need = (field: keyof CollectionObjectDraft, value: string | null | undefined, max: number) => {
    if (!value || value.trim() === '') p.push({ field, problem: 'REQUIRED' });
    else if (value.length > max) p.push({ field, problem: 'TOO_LONG' });
  };
  const may = (field: keyof CollectionObjectDraft, value: string | null | undefined, max: number) => {
    if (value && value.length > max) p.push({ field, problem: 'TOO_LONG' });
  };
  need('accessionNumber', d.accessionNumber, 64);
  need('titleZh', d.titleZh, SHORT);
  need('titleEn', d.titleEn, SHORT);
  for (const f of ['makerZh', 'makerEn', 'periodZh', 'periodEn', 'kindZh', 'kindEn', 'location', 'rightsStatement'] as const) may(f, d[f], SHORT);
  may('descriptionZh', d.descriptionZh, LONG);
  may('descriptionEn', d.descriptionEn, LONG);
  if ((d.themes ?? []).some((t) => !isTheme(t))) p.push({ field: 'themes', problem: 'INVALID' });
  return p;
}

export interface ImportRow {
  /** Line in a CSV file, or position (from 1) in a JSON array. */
  row: number;
  draft: CollectionObjectDraft;
  problems: CollectionFieldProblem[];
}

function clean(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

function fromRecord(record: Record<string, unknown>): CollectionObjectDraft {
  const themes = record.themes;
  const draft: CollectionObjectDraft = {};
  for (const column of COLLECTION_COLUMNS) {
    if (column === 'themes') continue;
    draft[column] = clean(record[column]);
  }
  draft.themes = Array.isArray(themes)
    ? themes.map((t) => String(t).trim().toUpperCase())
    : (clean(themes) ?? '')
        .split(/[|;；、\s]+/)
        .filter(Boolean)
        .map((t) => t.toUpperCase());
  return draft;
}

/**
 * Reads an import file (CSV with a header line, or a JSON array of records) and checks every
 * row on its own and against the others. The caller saves all rows or none.
 */
export function parseCollectionImport(format: 'CSV' | 'JSON', content: string): { rows: ImportRow[]; fileProblem: 'EMPTY' | 'TOO_MANY_ROWS' | 'UNREADABLE' | null } {
  let records: { row: number; record: Record<string, unknown>; unreadable?: boolean }[] = [];
  if (format === 'JSON') {
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch {
      return { rows: [], fileProblem: 'UNREADABLE' };
    }
    const list = Array.isArray(data) ? data : Array.isArray((data as { objects?: unknown })?.objects) ? (data as { objects: unknown[] }).objects : null;
    if (!list) return { rows: [], fileProblem: 'UNREADABLE' };
    records = list.map((item, i) =>
      item && typeof item === 'object' && !Array.isArray(item) ? { row: i + 1, record: item as Record<string, unknown> } : { row: i + 1, record: {}, unreadable: true },
    );
  } else {
    const lines = splitCsv(content.replace(/^\uFEFF/, '')).filter((l) => !(l.cells.length === 1 && l.cells[0]!.trim() === ''));
    if (lines.length === 0) return { rows: [], fileProblem: 'EMPTY' };
    const header = lines[0]!.cells.map((c) => c.trim());
    const known = new Set<string>(COLLECTION_COLUMNS);
    if (!header.includes('accessionNumber') || header.some((h) => h !== '' && !known.has(h))) return { rows: [], fileProblem: 'UNREADABLE' };
    records = lines.slice(1).map((l) => ({
      row: l.line,
      record: Object.fromEntries(header.map((h, i) => [h, l.cells[i] ?? ''])),
      unreadable: l.unclosed || l.cells.length > header.length,
    }));
  }
  if (records.length === 0) return { rows: [], fileProblem: 'EMPTY' };
  if (records.length > MAX_IMPORT_ROWS) return { rows: [], fileProblem: 'TOO_MANY_ROWS' };
  const rows: ImportRow[] = records.map(({ row, record, unreadable }) => {
    const draft = fromRecord(record);
    const problems = unreadable ? [{ field: 'row' as const, problem: 'INVALID' as const }] : validateCollectionObject(draft);
    return { row, draft, problems };
  });
  const count = new Map<string, number>();
  for (const r of rows) if (r.draft.accessionNumber) count.set(r.draft.accessionNumber, (count.get(r.draft.accessionNumber) ?? 0) + 1);
  for (const r of rows) if (r.draft.accessionNumber && count.get(r.draft.accessionNumber)! > 1) r.problems.push({ field: 'accessionNumber', problem: 'DUPLICATE' });
  return { rows, fileProblem: null };
}

