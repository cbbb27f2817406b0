import { describe, expect, it } from 'vitest';
import { isRole, isStaff, isTheme, pageSize, THEMES, THEME_NAMES, isErrorCode } from './index.js';

describe('roles', () => {
  it('knows the four roles and which are staff', () => {
    expect(isRole('PUPIL')).toBe(true);
    expect(isRole('pupil')).toBe(false);
    expect(isRole(undefined)).toBe(false);
    expect(isStaff('PUPIL')).toBe(false);
    expect(isStaff('TEACHER')).toBe(true);
    expect(isStaff('MUSEUM_EDUCATOR')).toBe(true);
    expect(isStaff('ADMIN')).toBe(true);
  });
});

describe('themes', () => {
  it('names every theme in both languages', () => {
    for (const theme of THEMES) {
      expect(THEME_NAMES[theme].zh.length).toBeGreaterThan(0);
      expect(THEME_NAMES[theme].en.length).toBeGreaterThan(0);
    }
    expect(isTheme('CRAFTS')).toBe(true);
    expect(isTheme('POTTERY')).toBe(false);
  });
});

describe('error codes', () => {
  it('accepts only known codes', () => {
    expect(isErrorCode('NOT_FOUND')).toBe(true);
    expect(isErrorCode('ENOENT')).toBe(false);
  });
});

describe('pageSize', () => {
  it('defaults to 20 and caps at 100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(5)).toBe(5);
    expect(pageSize(100)).toBe(100);
    expect(pageSize(1000)).toBe(100);
  });
  it('refuses what is not a positive whole number', () => {
    expect(pageSize(0)).toBeNull();
    expect(pageSize(-3)).toBeNull();
    expect(pageSize(2.5)).toBeNull();
  });
});
