import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../common/app-config.module';
import { Public } from '../common/public.decorator';
import type { LocalizedText } from '../common/localized-text.model';
import type { AppConfig } from '../config/config';
import type { ExhibitedWorkSummary } from './exhibition.model';
import { ExhibitionService } from './exhibition.service';

/**
 * A shared exhibited work's page (`/exhibition/works/<slug>`): the portal's index.html with Open
 * Graph and Twitter tags, so a link pasted into a messaging app shows the work's title, its
 * credit as the guardian consented to it, and its first image. A withdrawn or unknown work gets
 * the plain index.html (the portal then says it is not there). Consent is read on every request
 * and the page is `no-cache`, so a withdrawal shows in the next preview fetched.
 */
@Public()
@Controller('exhibition/works')
export class ExhibitionPageController {
  private template: string | null = null;

  constructor(
    private readonly exhibition: ExhibitionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':slug')
  async page(@Param('slug') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const html = this.indexHtml();
    // Without the built portal the API serves no pages at all.
    if (html === null) throw new NotFoundException();
    const work = await this.exhibition.sharedSummary(slug);
    // Nothing to add: the built page as every other route sends it (precompressed, app.ts).
    if (!work) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    const page = Buffer.from(withSharingTags(html, work, publicOrigin(request, this.config.trustProxy)));
    const encoding = chosenEncoding(request.headers['accept-encoding']);
    reply.code(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'Accept-Encoding');
    if (encoding === 'br') return reply.header('content-encoding', 'br').send(brotliCompressSync(page, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
    if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(gzipSync(page));
    return reply.send(page);
  }

  private indexHtml(): string | null {
    if (this.template === null && this.config.webDist) {
      const path = join(this.config.webDist, 'index.html');
      if (existsSync(path)) this.template = readFileSync(path, 'utf8');
    }
    return this.template;
  }
}

/** The page is made per request, so it is compressed here, as the browser asks (brotli first). */
function chosenEncoding(header: string | string[] | undefined): 'br' | 'gzip' | null {
  const accepted = (Array.isArray(header) ? header.join(',') : header ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || !/^\s*q\s*=\s*0(\.0*)?\s*$/.test(q))
    .map(([name]) => name!.toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return null;
}

/** The page's title, description, image and address as tags in its <head>, every value escaped. */
export function withSharingTags(html: string, work: ExhibitedWorkSummary, origin: string | null): string {
  const title = text(work.projectTitle) ?? '小小博物馆研究员 · Little Museum Researcher';
  const description = [text(work.credit), text(work.museumName), text(work.season.label)].filter(Boolean).join(' · ');
  const url = origin ? `${origin}/exhibition/works/${encodeURIComponent(work.slug)}` : null;
  const image = origin && work.coverImageUrl ? `${origin}${work.coverImageUrl}` : null;
  const tags = [
    ['property', 'og:type', 'article'],
    ['property', 'og:site_name', '小小博物馆研究员 · Little Museum Researcher'],
    ['property', 'og:title', title],
    ['property', 'og:description', description],
    ...(url ? [['property', 'og:url', url]] : []),
    ...(image ? [['property', 'og:image', image]] : []),
    ['name', 'twitter:card', image ? 'summary_large_image' : 'summary'],
    ['name', 'twitter:title', title],
    ['name', 'twitter:description', description],
    ...(image ? [['name', 'twitter:image', image]] : []),
  ]
    .map(([attribute, name, content]) => `<meta ${attribute}="${name}" content="${escapeHtml(content!)}" />`)
    .join('\n    ');
  return html
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(title)}</title>`)
    .replace('</head>', () => `  ${tags}\n  </head>`);
}

/** Chinese first, as the portal opens in Chinese. */
function text(value: LocalizedText | null | undefined): string | null {
  return value?.zh?.trim() || value?.en?.trim() || null;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * `scheme://host` the request was addressed to (behind our proxy, the last X-Forwarded-Proto and
 * -Host it added), for absolute URLs; null when the host is not a plain host name, so a forged
 * Host header can put nothing odd into the page.
 */
export function publicOrigin(request: FastifyRequest, trustProxy: boolean): string | null {
  const last = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value)?.split(',').map((s) => s.trim()).filter(Boolean).pop();
  const host = (trustProxy ? last(request.headers['x-forwarded-host']) : undefined) ?? request.headers.host;
  const proto = (trustProxy ? last(request.headers['x-forwarded-proto']) : undefined) ?? request.protocol;
  if (!host || !/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host) || (proto !== 'http' && proto !== 'https')) return null;
  return `${proto}://${host.toLowerCase()}`;
}
