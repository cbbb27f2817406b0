import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { unauthenticated } from '../common/errors';
import { Public } from '../common/public.decorator';
import type { AuthRequest } from '../common/request-context';
import { fileNotFound } from '../files/files.errors';
import { ReviewService } from './review.service';

/**
 * The files of a nominated attempt, for the museum's educators (who cannot open work files
 * at /files/:id). Public to the guard so that the service answers: the viewer is still read
 * from the session, and anyone who may not review the nomination gets NOT_FOUND.
 */
@Public()
@Controller('review')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Get('nominations/:id/files/:index')
  async file(@Param('id') id: string, @Param('index') index: string, @Req() req: AuthRequest, @Res() reply: FastifyReply) {
    const viewer = req.auth?.viewer;
    if (!viewer) throw unauthenticated();
    if (!/^\d{1,4}$/.test(index)) throw fileNotFound();
    const file = await this.review.openFile(viewer, id, Number(index));
    return reply
      .code(200)
      .header('content-type', file.contentType)
      .header('content-length', String(file.sizeBytes))
      .header('cache-control', 'private, no-store')
      .header('content-disposition', file.contentType.startsWith('image/') || file.contentType.startsWith('audio/') ? 'inline' : 'attachment')
      .header('x-content-type-options', 'nosniff')
      .send(file.body);
  }
}
