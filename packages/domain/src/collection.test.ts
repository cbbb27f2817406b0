import { describe, expect, it } from 'vitest';
import { parseCollectionImport, validateCollectionObject } from './collection.js';

describe('collection records', () => {
  it('needs an accession number and both titles, and known themes', () => {
    expect(validateCollectionObject({ accessionNumber: 'A-1', titleZh: '鸡冠壶', titleEn: 'Cockscomb pot', themes: ['CRAFTS'] })).toEqual([]);
    expect(validateCollectionObject({ titleZh: '鸡冠壶', themes: ['POTTERY'] })).toEqual([
      { field: 'accessionNumber', problem: 'REQUIRED' },
      { field: 'titleEn', problem: 'REQUIRED' },
      { field: 'themes', problem: 'INVALID' },
    ]);
  });

  it('reads a CSV with a header line, quoted commas and themes separated by |', () => {
    const csv = 'accessionNumber,titleZh,titleEn,themes\nA-1,鸡冠壶,"Cockscomb pot, Liao",crafts|history\nA-2,瑞鹤图,Auspicious Cranes,ART\n';
    const { rows, fileProblem } = parseCollectionImport('CSV', csv);
    expect(fileProblem).toBeNull();
    expect(rows.map((r) => r.problems)).toEqual([[], []]);
    expect(rows[0]!.draft).toMatchObject({ titleEn: 'Cockscomb pot, Liao', themes: ['CRAFTS', 'HISTORY'] });
  });

  it('reports each broken row with its line, including duplicates within the file', () => {
    const csv = 'accessionNumber,titleZh,titleEn\nA-1,鸡冠壶,Cockscomb pot\n,瑞鹤图,\nA-1,鸡冠壶,Again\n';
    const { rows } = parseCollectionImport('CSV', csv);
    expect(rows.filter((r) => r.problems.length).map((r) => [r.row, r.problems.map((p) => `${p.field}:${p.problem}`)])).toEqual([
      [2, ['accessionNumber:DUPLICATE']],
      [3, ['accessionNumber:REQUIRED', 'titleEn:REQUIRED']],
      [4, ['accessionNumber:DUPLICATE']],
    ]);
  });

  it('reads JSON arrays and refuses unreadable files', () => {
    expect(parseCollectionImport('JSON', '[{"accessionNumber":"B-1","titleZh":"玉","titleEn":"Jade","themes":["HISTORY"]}]').rows[0]!.problems).toEqual([]);
    expect(parseCollectionImport('JSON', '{broken').fileProblem).toBe('UNREADABLE');
    expect(parseCollectionImport('CSV', 'name,colour\nx,y').fileProblem).toBe('UNREADABLE');
    expect(parseCollectionImport('CSV', '').fileProblem).toBe('EMPTY');
  });
});
