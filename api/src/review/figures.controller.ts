import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { GRADE_BANDS, THEME_NAMES } from '@lmr/domain';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import type { Viewer } from '../common/viewer';
import { FiguresService } from './figures.service';

function cell(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** GET /exports/programme-figures.csv[?season=2026-AUTUMN]: UTF-8 with a BOM, so Excel keeps the Chinese. */
@Roles('MUSEUM_EDUCATOR', 'ADMIN')
@Controller('exports')
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  @Get('programme-figures.csv')
  async csv(@CurrentUser() viewer: Viewer, @Query('season') season: string | undefined, @Res() reply: FastifyReply) {
    const figures = await this.figures.figures(viewer, season || null);
    const header = [
      '主题 Theme', '学段 Grade band', '学校 Schools', '班级 Classes', '学生 Pupils', '学生×任务 Pupil assignments', '已提交 Submitted',
      '提交率 Submission rate', '提交作品 Works submitted', '推荐 Nominations', '推荐率 Nomination rate', '优秀 Outstanding', '表彰 Commended', '未入选 Not selected', '待定 Awaiting',
    ];
    const lines = figures.rows.map((r) => [
      `${THEME_NAMES[r.theme].zh} ${THEME_NAMES[r.theme].en}`,
      GRADE_BANDS.find((b) => b.key === r.gradeBand)!.name.zh,
      r.schools, r.classes, r.pupils, r.pupilAssignments, r.submitted, r.submissionRate, r.worksSubmitted, r.nominations, r.nominationRate,
      r.outstanding, r.commended, r.notSelected, r.awaitingDecision,
    ]);
    const csv = '\uFEFF' + [header, ...lines].map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n';
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="programme-figures.csv"`)
      .header('Cache-Control', 'no-store')
      .send(csv);
  }
}
