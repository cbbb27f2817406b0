import pino, { type Logger } from 'pino';
import type { LoggerService } from '@nestjs/common';
import type { LogLevel } from '../config/config';

export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'lmr-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Pupils' and staff's personal data never belong in logs; these keys are cut if passed by mistake.
    redact: {
      paths: ['password', '*.password', 'email', '*.email', 'displayName', '*.displayName', 'token', '*.token', 'req.headers.cookie', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  });
}

/** Nest's own messages (start-up, routes) go to the same JSON log. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
