export const MIN_GRADE = 1;
export const MAX_GRADE = 12;
export const MAX_CLASS_NAME_LENGTH = 60;
export const MAX_SCHOOL_NAME_LENGTH = 120;

export function isGrade(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_GRADE && value <= MAX_GRADE;
}

/** A school year is written "2026-2027": two consecutive years. */
export function isSchoolYear(value: string): boolean {
  const match = /^(\d{4})-(\d{4})$/.exec(value);
  if (!match) return false;
  const first = Number(match[1]);
  return first >= 2000 && first <= 2100 && Number(match[2]) === first + 1;
}
