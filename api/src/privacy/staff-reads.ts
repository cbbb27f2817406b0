import { applyDecorators, Injectable, SetMetadata, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { mergeMap, type Observable } from 'rxjs';
import type { AuditAction } from '@lmr/domain';
import { requestOf } from '../common/request-context';
import type { Viewer } from '../common/viewer';

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

/**
 * Writes "who read which pupil's work or grades, and when" to the audit log: one INSERT, with
 * only what the request already knows (no lookups), so the read paths stay cheap. Reads of a
 * class's or an assignment's grades are one entry for the class, not one per pupil; the
 * admin's per-pupil list joins them to the pupil's classes.
 */
@Injectable()
export class StaffReadsService {
  constructor(private readonly dataSource: DataSource) {}

  async record(viewer: Viewer, read: StaffRead): Promise<void> {
    if (viewer.role === 'PUPIL') return;
    const subject = read.subject;
    if ('nominationId' in subject) {
      await this.dataSource.query(
        `INSERT INTO audit_entry (actor_id, museum_id, action, subject_type, subject_id, details)
         SELECT $1, $2, $3, 'Work', v.work_id, jsonb_build_object('view', $5::text, 'versionId', v.id)
           FROM nomination n JOIN work_version v ON v.id = n.version_id WHERE n.id = $4`,
        [viewer.id, viewer.museumId, read.action, subject.nominationId, read.view],
      );
      return;
    }
    if ('versionId' in subject) {
      await this.dataSource.query(
        `INSERT INTO audit_entry (actor_id, museum_id, action, subject_type, subject_id, details)
         SELECT $1, $2, $3, 'Work', v.work_id, jsonb_build_object('view', $5::text, 'versionId', v.id) FROM work_version v WHERE v.id = $4`,
        [viewer.id, viewer.museumId, read.action, subject.versionId, read.view],
      );
      return;
    }
    await this.dataSource.query(
      `INSERT INTO audit_entry (actor_id, museum_id, action, subject_type, subject_id, details) VALUES ($1, $2, $3, $4, $5, jsonb_build_object('view', $6::text))`,
      [viewer.id, viewer.museumId, read.action, subject.subjectType, subject.subjectId, read.view],
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
