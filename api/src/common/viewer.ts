import type { Role } from '@lmr/domain';

/** Who is asking: the signed-in user behind the current session. */
export interface Viewer {
  id: string;
  role: Role;
  /** Teachers' and pupils' school. */
  schoolId: string | null;
  /** The museum the viewer works for or whose programme their school takes part in. */
  museumId: string | null;
  sessionId: string;
}
