import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { notFound, unauthenticated } from '../common/errors';
import { Public } from '../common/public.decorator';
import type { AuthRequest } from '../common/request-context';
import { CertificatesService } from './certificates.service';

/** GET /certificates/<nomination id>.pdf, for a signed-in viewer who may have it (the service checks). */
@Public()
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get(':file')
  async certificate(@Param('file') file: string, @Req() req: AuthRequest, @Res() reply: FastifyReply) {
    const viewer = req.auth?.viewer;
    if (!viewer) throw unauthenticated();
    const match = /^([0-9a-f-]{36})\.pdf$/i.exec(file);
    if (!match) throw notFound('certificate');
    const pdf = await this.certificates.pdf(viewer, match[1]!);
    return reply
      .code(200)
      .header('content-type', 'application/pdf')
      .header('content-length', String(pdf.length))
      .header('cache-control', 'private, no-store')
      .header('content-disposition', 'attachment; filename="certificate.pdf"')
      .send(Buffer.from(pdf));
  }
}
