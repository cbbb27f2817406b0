/** PostgreSQL's unique_violation, e.g. two classes given the same new code at the same moment. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e?.code === '23505' || e?.driverError?.code === '23505';
}
