import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import type { Viewer } from '../common/viewer';
import { AuditStaffRead } from '../privacy/staff-reads';
import { ProgressService } from './progress.service';

function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // Quote what a spreadsheet would misread; a leading =, +, - or @ would become a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The gradebook as a CSV file that Excel opens with Chinese names intact (UTF-8 with a BOM). */
@Roles('TEACHER', 'ADMIN')
@Controller('exports')
export class GradebookController {
  constructor(private readonly progress: ProgressService) {}

  @Get('classes/:classId/gradebook.csv')
  @AuditStaffRead((params) => ({ action: 'PUPIL_GRADES_VIEWED', view: 'GRADEBOOK_CSV', subject: { subjectType: 'Class', subjectId: String(params.classId) } }))
  async gradebookCsv(@CurrentUser() viewer: Viewer, @Param('classId') classId: string, @Req() _req: unknown, @Res() reply: FastifyReply) {
    const book = await this.progress.gradebook(viewer, classId);
    const header = ['姓名 Name', '学号 Student number', ...book.columns.map((c) => `${c.title.zh ?? c.title.en ?? ''} (${c.maxPoints})`), '总分 Total', '满分 Out of'];
    const lines = [header, ...book.rows.map((r) => [r.pupil.displayName, r.studentNumber, ...r.cells.map((c) => (c.score ?? c.state)), r.total, r.totalMax])];
    const csv = '\uFEFF' + lines.map((l) => l.map((v) => cell(v as string | number | null)).join(',')).join('\r\n') + '\r\n';
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="gradebook.csv"; filename*=UTF-8''${encodeURIComponent('成绩册')}.csv`)
      .header('Cache-Control', 'no-store')
      .send(csv);
  }
}
