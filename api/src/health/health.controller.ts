import { Controller, Get, HttpCode, HttpStatus, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DATABASE } from '../database/database.module';
import type { Database } from '../database/database';

const READY_TIMEOUT_MS = 2000;

@Controller('health')
export class HealthController {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** The process is up. */
  @Get('live')
  @HttpCode(HttpStatus.OK)
  live() {
    return { status: 'ok' };
  }

  /** The process can serve requests: the database answers. */
  @Get('ready')
  async ready(@Res() reply: FastifyReply) {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.database.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS);
        }),
      ]);
      return reply.code(200).send({ status: 'ready', database: this.database.kind });
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: this.database.kind });
    } finally {
      clearTimeout(timer);
    }
  }
}
