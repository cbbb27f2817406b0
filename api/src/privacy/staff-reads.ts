import { applyDecorators, Injectable, SetMetadata, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { mergeMap, type Observable } from 'rxjs';
import type { AuditAction } from '@lmr/domain';
import { requestOf } from '../common/request-context';
import type { Viewer } from '../common/viewer';
import { isUuid } from '../common/ids';
import { currentCounter, outsideOperations, type StatementCounter } from '../common/sql-count';

/** What a member of staff read: a piece of work (attempts, grading view) or a class's or assignment's grades. */
export type StaffReadSubject =
  | { subjectType: 'Work' | 'Class' | 'Assignment'; subjectId: string }
  /** A work named by one of its attempts, or by a nomination of one: the INSERT finds the work itself. */
  | { subjectType: 'Work'; versionId: string }
  | { subjectType: 'Work'; nominationId: string };

export interface StaffRead {
  action: Extract<AuditAction, 'PUPIL_WORK_VIEWED' | 'PUPIL_GRADES_VIEWED'>;
  /** Which screen or file, e.g. GRADING_VIEW or GRADEBOOK_CSV. */
  view: string;
  subject: StaffReadSubject;
}

/** Entries written together at most; more wait for the next INSERT. */
const MAX_BATCH = 200;

/** The subject's one id, in the column it goes to (the others null). */
function idsOf(subject: StaffReadSubject): { subjectId: string | null; versionId: string | null; nominationId: string | null } {
  if ('nominationId' in subject) return { subjectId: null, versionId: null, nominationId: subject.nominationId };
  if ('versionId' in subject) return { subjectId: null, versionId: subject.versionId, nominationId: null };
  return { subjectId: subject.subjectId, versionId: null, nominationId: null };
}

interface Waiting {
  viewer: Viewer;
  read: StaffRead;
  ids: ReturnType<typeof idsOf>;
  /** The operation that made the read, charged with the statement that writes its entry. */
  counter: StatementCounter | null;
  done: (err?: unknown) => void;
}

/**
 * Writes "who read which pupil's work or grades, and when" to the audit log, with only what
 * the request already knows (no lookups), so the read paths stay cheap. Reads of a class's or
 * an assignment's grades are one entry for the class, not one per pupil; the admin's
 * per-pupil list joins them to the pupil's classes.
 *
 * Group commit: a read is answered only once its entry is stored, but while one INSERT is on
 * its way, the entries of reads that finish meanwhile wait and go together in the next one.
 * Under load that is one statement and one commit for many reads instead of one each (the
 * commit's flush to disk was a third of a class progress page's time); alone, a read's entry
 * goes at once.
 */
@Injectable()
export class StaffReadsService {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly dataSource: DataSource) {}

  record(viewer: Viewer, read: StaffRead): Promise<void> {
    if (viewer.role === 'PUPIL') return Promise.resolve();
    const ids = idsOf(read.subject);
    // Every id here came from a read that succeeded; a malformed one must not sink a batch.
    if (!isUuid(ids.subjectId ?? ids.versionId ?? ids.nominationId ?? '')) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ viewer, read, ids, counter: currentCounter(), done: (err) => (err ? reject(err) : resolve()) });
      // The writer runs outside this request's operation: each read is charged its own statement.
      if (!this.writing) outsideOperations(() => void this.writeWaiting());
    });
  }

  private async writeWaiting(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        try {
          await this.insert(batch);
          for (const w of batch) {
            if (w.counter) w.counter.statements += 1;
            w.done();
          }
        } catch (err) {
          for (const w of batch) w.done(err);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /** One INSERT for the batch; a work named by an attempt or a nomination is found by the statement itself. */
  private async insert(batch: Waiting[]): Promise<void> {
    const column = (pick: (w: Waiting) => string | null) => batch.map(pick);
    await this.dataSource.query(
      `INSERT INTO audit_entry (actor_id, museum_id, action, subject_type, subject_id, details)
       SELECT e.actor_id, e.museum_id, e.action, e.subject_type, COALESCE(e.subject_id, v.work_id),
              CASE WHEN v.id IS NULL THEN jsonb_build_object('view', e.view) ELSE jsonb_build_object('view', e.view, 'versionId', v.id) END
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::uuid[], $8::uuid[])
              AS e(actor_id, museum_id, action, subject_type, subject_id, view, version_id, nomination_id)
         LEFT JOIN nomination n ON n.id = e.nomination_id
         LEFT JOIN work_version v ON v.id = COALESCE(e.version_id, n.version_id)
        WHERE e.subject_id IS NOT NULL OR v.id IS NOT NULL`,
      [
        column((w) => w.viewer.id),
        column((w) => w.viewer.museumId),
        column((w) => w.read.action),
        column((w) => w.read.subject.subjectType),
        column((w) => w.ids.subjectId),
        column((w) => w.read.view),
        column((w) => w.ids.versionId),
        column((w) => w.ids.nominationId),
      ],
    );
  }
}

const STAFF_READ = 'lmr:staff-read';

type Describe = (args: Record<string, unknown>, result: unknown) => StaffRead | null;

/**
 * Marks a read path whose staff readers are audited. `describe` names what was read from the
 * operation's arguments and its result; the entry is written only once the read succeeded
 * (so a refused read, answered NOT_FOUND, leaves no trace of an object the reader may not know).
 */
export const AuditStaffRead = (describe: Describe) => applyDecorators(SetMetadata(STAFF_READ, describe), UseInterceptors(StaffReadInterceptor));

@Injectable()
export class StaffReadInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly reads: StaffReadsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const describe = this.reflector.get<Describe | undefined>(STAFF_READ, context.getHandler());
    const viewer = requestOf(context).req?.auth?.viewer;
    if (!describe || !viewer || viewer.role === 'PUPIL') return next.handle();
    const args: Record<string, unknown> =
      context.getType<string>() === 'graphql'
        ? GqlExecutionContext.create(context).getArgs()
        : ((context.switchToHttp().getRequest<{ params?: Record<string, unknown> }>().params ?? {}) as Record<string, unknown>);
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        const read = describe(args, result);
        if (read) await this.reads.record(viewer, read);
        return result;
      }),
    );
  }
}
