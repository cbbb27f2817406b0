import type { Readable } from 'node:stream';
import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/public.decorator';
import type { AuthRequest } from '../common/request-context';
import type { UploadedFile } from './files.model';
import { FilesService, type ServedFile } from './files.service';

const FILE_NAME_MAX = 120;

/**
 * The HTTP side of files. Public as far as the guard goes: the upload's credential is its
 * ticket, and reading checks each file (collection images need no session). The guard has
 * still looked up the session from the cookie or bearer token, so req.auth.viewer is set.
 */
@Public()
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post('upload')
  upload(@Req() req: AuthRequest): Promise<UploadedFile> {
    const length = req.headers['content-length'];
    return this.files.upload(
      header(req, 'x-upload-ticket'),
      req.body as Readable,
      typeof length === 'string' && /^\d+$/.test(length) ? Number(length) : null,
      fileName(header(req, 'x-file-name')),
    );
  }

  @Get(':id')
  async read(@Param('id') id: string, @Req() req: AuthRequest, @Res() reply: FastifyReply) {
    return send(reply, await this.files.open(req.auth?.viewer ?? null, id, 'original'));
  }

  @Get(':id/thumbnail')
  async thumbnail(@Param('id') id: string, @Req() req: AuthRequest, @Res() reply: FastifyReply) {
    return send(reply, await this.files.open(req.auth?.viewer ?? null, id, 'thumbnail'));
  }
}

function send(reply: FastifyReply, file: ServedFile) {
  return reply
    .code(200)
    .header('content-type', file.contentType)
    .header('content-length', String(file.sizeBytes))
    .header('cache-control', file.cacheControl)
    .header('content-disposition', file.contentDisposition)
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}

function header(req: AuthRequest, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The name the file had on the device (X-File-Name, URI-encoded): kept only to show beside
 * the work and to name a download; folders, control characters and excess length are cut.
 */
function fileName(raw: string | null): string | null {
  if (!raw) return null;
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    return null;
  }
  name = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return name === '' ? null : [...name].slice(0, FILE_NAME_MAX).join('');
}
