import { Controller, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/public.decorator';
import { BackupError } from './backup.errors';
import { BackupService } from './backup.service';

export const BACKUP_ROUTE = '/internal/backup';

/**
 * Called by `npm run backup` on the same machine (see BackupService). Public as far as the
 * session guard goes: its credential is the secret in DATA_DIR, and anything not from this
 * machine is answered as if the route did not exist.
 */
@Public()
@Controller('internal')
export class BackupController {
  constructor(private readonly backups: BackupService) {}

  @Post('backup')
  async capture(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const verdict = this.backups.allowed({ remoteAddress: req.socket.remoteAddress, localAddress: req.socket.localAddress, headers: req.headers });
    if (verdict === 'not-here') return reply.code(404).header('cache-control', 'no-store').send({ code: 'NOT_FOUND' });
    if (verdict === 'wrong-secret') return reply.code(403).header('cache-control', 'no-store').send({ code: 'FORBIDDEN' });
    try {
      const dir = await this.backups.capture();
      return reply.code(200).header('cache-control', 'no-store').send({ dir });
    } catch (err) {
      if (err instanceof BackupError) return reply.code(err.code === 'BUSY' ? 409 : 400).header('cache-control', 'no-store').send({ code: err.code, message: err.message });
      throw err;
    }
  }
}
