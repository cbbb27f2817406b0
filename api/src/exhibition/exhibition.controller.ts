import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/public.decorator';
import { fileNotFound } from '../files/files.errors';
import { ExhibitionService } from './exhibition.service';

/**
 * Images of exhibited works, by slug and position: the only public way to a pupil's file.
 * Not cached (no-store), so a withdrawn consent is honoured by the very next request.
 */
@Public()
@Controller('exhibition')
export class ExhibitionController {
  constructor(private readonly exhibition: ExhibitionService) {}

  @Get(':slug/images/:index')
  async image(@Param('slug') slug: string, @Param('index') index: string, @Res() reply: FastifyReply) {
    if (!/^\d{1,4}$/.test(index)) throw fileNotFound();
    const file = await this.exhibition.openImage(slug, Number(index));
    return reply
      .code(200)
      .header('content-type', file.contentType)
      .header('content-length', String(file.sizeBytes))
      .header('cache-control', 'no-store')
      .header('content-disposition', 'inline')
      .header('x-content-type-options', 'nosniff')
      .send(file.body);
  }
}
