/** The school year a date falls in: a Chinese school year starts in September ("2026-2027"). */
export function currentSchoolYear(today: Date = new Date()): string {
  const year = today.getFullYear();
  const first = today.getMonth() >= 7 ? year : year - 1;
  return `${first}-${first + 1}`;
}
