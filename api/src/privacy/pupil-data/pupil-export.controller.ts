import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentUser } from '../../common/current-user.decorator';
import { Roles } from '../../common/roles.decorator';
import type { Viewer } from '../../common/viewer';
import { PupilExportService } from './pupil-export.service';

/**
 * GET /exports/pupils/<pupil id>/record.zip for a teacher of one of the pupil's classes or an
 * admin of the school's museum, with the session cookie or a Bearer token. A pupil the viewer
 * may not see answers 404 { code: NOT_FOUND }, exactly like one that does not exist.
 */
@Roles('TEACHER', 'ADMIN')
@Controller('exports/pupils')
export class PupilExportController {
  constructor(private readonly exports: PupilExportService) {}

  @Get(':pupilId/record.zip')
  async record(@CurrentUser() viewer: Viewer, @Param('pupilId') pupilId: string, @Res() reply: FastifyReply) {
    const { bytes } = await this.exports.zip(viewer, pupilId);
    return reply
      .code(200)
      .header('content-type', 'application/zip')
      .header('content-length', String(bytes.length))
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="pupil-record.zip"; filename*=UTF-8''${encodeURIComponent('学生数据')}.zip`)
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
  }
}
