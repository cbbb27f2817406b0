import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  isCodeShape,
  isGrade,
  isSchoolYear,
  newCode,
  normalizeCode,
  parseRoster,
  passwordProblem,
  pupilSignInPath,
  rosterHasProblems,
} from './index.js';

describe('passwordProblem', () => {
  it('wants at least ten characters', () => {
    expect(passwordProblem('short-pw')).toBe('TOO_SHORT');
    expect(passwordProblem('绿色的青铜器很好看')).toBe('TOO_SHORT');
    expect(passwordProblem('green bronze mirror')).toBeNull();
  });
  it('refuses common passwords whatever their case, repeats and runs', () => {
    expect(passwordProblem('Password123')).toBe('TOO_COMMON');
    expect(passwordProblem('1234567890')).toBe('TOO_COMMON');
    expect(passwordProblem('zzzzzzzzzzzz')).toBe('TOO_COMMON');
    expect(passwordProblem('ababababab')).toBe('TOO_COMMON');
    expect(passwordProblem('abcdefghijkl')).toBe('TOO_COMMON');
    expect(passwordProblem('9876543210')).toBe('TOO_COMMON');
  });
  it('refuses absurdly long input', () => {
    expect(passwordProblem('x'.repeat(10) + 'y'.repeat(300))).toBe('TOO_LONG');
  });
});

describe('codes', () => {
  it('uses no character a child can confuse', () => {
    for (const c of '0O1IL') expect(CODE_ALPHABET).not.toContain(c);
  });
  it('normalizes what was typed', () => {
    expect(normalizeCode('  wb4b-26 ')).toBe('WB4B26');
    expect(isCodeShape('WB4B26', 6)).toBe(true);
    expect(isCodeShape('WB0B26', 6)).toBe(false);
    expect(isCodeShape('WB4B2', 6)).toBe(false);
  });
  it('makes codes from the alphabet only', () => {
    let i = 0;
    const code = newCode(6, (n) => i++ % n);
    expect(code).toBe('ABCDEF');
    expect(isCodeShape(newCode(6, (n) => n - 1), 6)).toBe(true);
  });
  it('builds the card link', () => {
    expect(pupilSignInPath('WB4B26', 'K7M2QX')).toBe('/pupil-sign-in?class=WB4B26&code=K7M2QX');
  });
});

describe('classes', () => {
  it('knows grades and school years', () => {
    expect(isGrade(1)).toBe(true);
    expect(isGrade(12)).toBe(true);
    expect(isGrade(0)).toBe(false);
    expect(isGrade(4.5)).toBe(false);
    expect(isSchoolYear('2026-2027')).toBe(true);
    expect(isSchoolYear('2026-2028')).toBe(false);
    expect(isSchoolYear('2026/2027')).toBe(false);
  });
});

describe('parseRoster', () => {
  it('reads names and numbers, skipping a header and blank lines', () => {
    const parsed = parseRoster('姓名,学号\n王子涵,S-01\n\n"Li, Xin",\n  陈   宇航  ,S-03\n');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.map((r) => [r.line, r.displayName, r.studentNumber])).toEqual([
      [2, '王子涵', 'S-01'],
      [4, 'Li, Xin', null],
      [5, '陈 宇航', 'S-03'],
    ]);
    expect(rosterHasProblems(parsed.rows)).toBe(false);
  });
  it('lists every problem of every row', () => {
    const parsed = parseRoster(`王子涵,S-01\n,S-02\n${'长'.repeat(41)},S-01\n张三,S-04,2015-03-02\n"unclosed,S-05`);
    if (!parsed.ok) throw new Error('expected rows');
    expect(parsed.rows.map((r) => r.problems)).toEqual([
      ['DUPLICATE_STUDENT_NUMBER'],
      ['MISSING_NAME'],
      ['NAME_TOO_LONG', 'DUPLICATE_STUDENT_NUMBER'],
      ['TOO_MANY_COLUMNS'],
      ['UNCLOSED_QUOTE'],
    ]);
    expect(rosterHasProblems(parsed.rows)).toBe(true);
  });
  it('accepts semicolons and tabs as spreadsheets export them', () => {
    const parsed = parseRoster('王子涵;S-01\r\n李欣;S-02');
    expect(parsed.ok && parsed.rows.map((r) => r.studentNumber)).toEqual(['S-01', 'S-02']);
  });
  it('refuses an empty or oversized file as a whole', () => {
    expect(parseRoster(' \n\n')).toEqual({ ok: false, problem: 'EMPTY' });
    expect(parseRoster('name\n')).toEqual({ ok: false, problem: 'EMPTY' });
    expect(parseRoster(Array.from({ length: 201 }, (_, i) => `p${i}`).join('\n'))).toEqual({ ok: false, problem: 'TOO_MANY_ROWS' });
    expect(parseRoster('x'.repeat(70000))).toEqual({ ok: false, problem: 'TOO_LARGE' });
  });
});
