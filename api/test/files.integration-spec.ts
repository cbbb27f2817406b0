import { spawnSync } from 'node:child_process';
import { randomUUID, createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import type { Viewer } from '../src/common/viewer';
import { loadConfig } from '../src/config/config';
import { FilesService } from '../src/files/files.service';
import { createTestApp, type TestApp } from './test-app';
import { newMuseum, newStaff, newWorld, signInPupil, signInStaff, type World } from './factories';
import { newAssignment, newBrief, newTeam } from './project-factories';

const MAX_BYTES = 64 * 1024;

const REQUEST_UPLOAD = `mutation ($input: RequestUploadInput!) { requestUpload(input: $input) { ticket uploadUrl maxBytes expiresAt } }`;
const ADD_IMAGE = `mutation ($input: AddCollectionObjectImageInput!) { addCollectionObjectImage(input: $input) { object { id images { fileId url thumbnailUrl width height caption } } } }`;
const REMOVE_IMAGE = `mutation ($input: RemoveCollectionObjectImageInput!) { removeCollectionObjectImage(input: $input) { object { id images { fileId } } } }`;

type Persona = 'pupil' | 'classmate' | 'otherSchoolPupil' | 'teacher' | 'colleague' | 'otherSchoolTeacher' | 'educator' | 'admin';

/** Every file under a folder, as paths relative to it (an absent folder holds none). */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
  } catch {
    return [];
  }
}

const jpeg = () => sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 180, g: 120, b: 40 } } }).jpeg().toBuffer();
const png = () => sharp({ create: { width: 300, height: 500, channels: 4, background: { r: 20, g: 90, b: 160, alpha: 1 } } }).png().toBuffer();
const pdf = () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A WAV file of a tenth of a second of silence (8 kHz, 8-bit mono). */
function wav(): Buffer {
  const samples = 800;
  const b = Buffer.alloc(44 + samples, 0x80);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(36 + samples, 4);
  b.write('WAVEfmt ', 8, 'latin1');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(8000, 28);
  b.writeUInt16LE(1, 32);
  b.writeUInt16LE(8, 34);
  b.write('data', 36, 'latin1');
  b.writeUInt32LE(samples, 40);
  return b;
}

describe('file settings', () => {
  const S3 = { FILE_STORE: 's3', S3_ENDPOINT: 'https://s3.example.com/', S3_BUCKET: 'lmr', S3_REGION: 'cn-north-1', S3_ACCESS_KEY_ID: 'AK', S3_SECRET_ACCESS_KEY: 'SK' };

  it('defaults to 20 MB on the local disk and ignores S3 settings there', () => {
    expect(loadConfig({ S3_ENDPOINT: 'not a url' })).toMatchObject({ fileMaxBytes: 20 * 1024 * 1024, fileStore: { kind: 'local' } });
    expect(loadConfig(S3).fileStore).toEqual({ kind: 's3', endpoint: 'https://s3.example.com', bucket: 'lmr', region: 'cn-north-1', accessKeyId: 'AK', secretAccessKey: 'SK' });
  });

  it.each(['S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'])('names a missing %s when FILE_STORE=s3', (name) => {
    expect(() => loadConfig({ ...S3, [name]: '' })).toThrow(`${name} is required when FILE_STORE=s3`);
  });

  it('refuses bad values', () => {
    expect(() => loadConfig({ FILE_STORE: 'ftp' })).toThrow(/^FILE_STORE must be one of local, s3/);
    expect(() => loadConfig({ FILE_MAX_BYTES: '20MB' })).toThrow(/^FILE_MAX_BYTES must be a whole number/);
    expect(() => loadConfig({ ...S3, S3_ENDPOINT: 'ftp://x' })).toThrow(/^S3_ENDPOINT must start with https:\/\/ or http:\/\//);
  });

  it('stops the built server with one line naming the missing setting', () => {
    const run = spawnSync(process.execPath, [join(process.cwd(), 'dist/main.js')], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...S3, S3_SECRET_ACCESS_KEY: '' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('Configuration error: S3_SECRET_ACCESS_KEY is required when FILE_STORE=s3');
  });
});

describe('files', () => {
  let t: TestApp;
  let w: World;
  const tokens = new Map<Persona, string>();
  let objectId: string;

  beforeAll(async () => {
    t = await createTestApp({ FILE_MAX_BYTES: String(MAX_BYTES) });
    w = await newWorld(t);
    tokens.set('pupil', await signInPupil(t, w.pupil));
    tokens.set('classmate', await signInPupil(t, w.classmate));
    tokens.set('otherSchoolPupil', await signInPupil(t, w.otherSchoolPupil));
    tokens.set('teacher', await signInStaff(t, w.teacher));
    tokens.set('colleague', await signInStaff(t, w.colleague));
    tokens.set('otherSchoolTeacher', await signInStaff(t, w.otherSchoolTeacher));
    tokens.set('educator', await signInStaff(t, w.educator));
    tokens.set('admin', await signInStaff(t, w.admin));
    [{ id: objectId }] = await t.dataSource.query(
      `INSERT INTO collection_object (museum_id, accession_number, title_zh, title_en) VALUES ($1, 'IMG-1', '铜镜', 'Bronze mirror') RETURNING id`,
      [w.museum.id],
    );
  });
  afterAll(async () => t.close());

  const token = (p: Persona) => tokens.get(p)!;

  async function ticketFor(persona: Persona, purpose: 'WORK_ATTACHMENT' | 'COLLECTION_IMAGE' = 'WORK_ATTACHMENT'): Promise<string> {
    const res = await t.gql(REQUEST_UPLOAD, { input: { purpose } }, { token: token(persona) });
    expect(res.errors).toBeUndefined();
    return res.data!.requestUpload.ticket;
  }

  function send(ticket: string | null, body: Buffer, contentType = 'application/octet-stream', headers: Record<string, string> = {}) {
    let req = t.http().post('/files/upload').set('content-type', contentType);
    if (ticket) req = req.set('x-upload-ticket', ticket);
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    // The bytes as they are: superagent would otherwise JSON-encode a Buffer labelled application/json.
    return req.serialize((data: unknown) => data as string).send(body);
  }

  async function upload(persona: Persona, body: Buffer, purpose: 'WORK_ATTACHMENT' | 'COLLECTION_IMAGE' = 'WORK_ATTACHMENT'): Promise<string> {
    const res = await send(await ticketFor(persona, purpose), body);
    expect(res.status).toBe(201);
    return res.body.fileId;
  }

  const read = (id: string, persona: Persona | null, path = '') => {
    const req = t.http().get(`/files/${id}${path}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    return persona ? req.set('authorization', `Bearer ${token(persona)}`) : req;
  };

  const rowCount = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM (${sql}) x`, params))[0].n);

  describe('upload tickets', () => {
    it('hands a pupil a ten-minute ticket for the upload endpoint, stored only as a hash', async () => {
      const res = await t.gql(REQUEST_UPLOAD, { input: { purpose: 'WORK_ATTACHMENT' } }, { token: token('pupil') });
      const payload = res.data!.requestUpload;
      expect(payload).toMatchObject({ uploadUrl: '/files/upload', maxBytes: MAX_BYTES });
      const minutes = (Date.parse(payload.expiresAt) - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(9);
      expect(minutes).toBeLessThanOrEqual(10);
      const hash = createHash('sha256').update(payload.ticket).digest('hex');
      expect(await rowCount(`SELECT 1 FROM upload_ticket WHERE token_hash = $1 AND user_id = $2`, [hash, w.pupil.id])).toBe(1);
      expect(await rowCount(`SELECT 1 FROM upload_ticket WHERE token_hash = $1`, [payload.ticket])).toBe(0);
    });

    it.each([
      ['educator', 'WORK_ATTACHMENT'],
      ['admin', 'WORK_ATTACHMENT'],
      ['pupil', 'COLLECTION_IMAGE'],
      ['teacher', 'COLLECTION_IMAGE'],
    ] as const)('refuses %s a %s ticket', async (persona, purpose) => {
      const res = await t.gql(REQUEST_UPLOAD, { input: { purpose } }, { token: token(persona) });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('uploading', () => {
    it('stores a JPEG without its camera metadata, with its size and a WebP thumbnail, and serves it to its uploader', async () => {
      // A tablet photo carries the place and the device; none of it may be kept.
      const bytes = await sharp(await jpeg()).withExif({ IFD0: { Artist: 'SECRET-CHILD-NAME', Model: 'Classroom Tablet' } }).jpeg().toBuffer();
      expect((await sharp(bytes).metadata()).exif).toBeDefined();
      const res = await send(await ticketFor('pupil'), bytes, 'application/octet-stream', { 'x-file-name': encodeURIComponent('我的铜镜.jpg') });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ fileId: expect.any(String), contentType: 'image/jpeg', sizeBytes: expect.any(Number), thumbnail: true });
      const [row] = await t.dataSource.query(`SELECT * FROM stored_file WHERE id = $1`, [res.body.fileId]);
      expect(row).toMatchObject({
        uploaded_by_id: w.pupil.id,
        purpose: 'WORK_ATTACHMENT',
        content_type: 'image/jpeg',
        width: 800,
        height: 600,
        original_name: '我的铜镜.jpg',
      });

      const original = await read(res.body.fileId, 'pupil');
      expect(original.status).toBe(200);
      expect(Number(row.size_bytes)).toBe(original.body.length);
      expect(row.sha256).toBe(createHash('sha256').update(original.body).digest('hex'));
      expect((await sharp(original.body).metadata()).exif).toBeUndefined();
      expect(original.body.includes(Buffer.from('SECRET-CHILD-NAME'))).toBe(false);
      expect(await sharp(original.body).metadata()).toMatchObject({ format: 'jpeg', width: 800, height: 600 });
      expect(original.headers).toMatchObject({
        'content-type': 'image/jpeg',
        'content-length': String(original.body.length),
        'cache-control': 'private, max-age=300',
        'x-content-type-options': 'nosniff',
      });
      expect(original.headers['content-disposition']).toMatch(/^inline/);

      const thumb = await read(res.body.fileId, 'pupil', '/thumbnail');
      expect(thumb.status).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/webp');
      const meta = await sharp(thumb.body).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: 400, height: 300 });

      // The portal's cookie works as well as a bearer token.
      const byCookie = await t.http().get(`/files/${res.body.fileId}`).set('cookie', `lmr_session=${token('pupil')}`);
      expect(byCookie.status).toBe(200);
    });

    it('detects a PNG from its bytes whatever the client calls it', async () => {
      const bytes = await png();
      const res = await send(await ticketFor('teacher'), bytes, 'application/json');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ contentType: 'image/png', thumbnail: true });
      const thumb = await sharp((await read(res.body.fileId, 'teacher', '/thumbnail')).body).metadata();
      expect([thumb.width, thumb.height]).toEqual([240, 400]);
    });

    it('stores a PDF without a thumbnail and serves it as a download', async () => {
      const res = await send(await ticketFor('pupil'), pdf(), 'image/png');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ contentType: 'application/pdf', thumbnail: false });
      const got = await read(res.body.fileId, 'pupil');
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.headers['content-disposition']).toMatch(/^attachment/);
      expect((await read(res.body.fileId, 'pupil', '/thumbnail')).status).toBe(404);
    });

    it('stores a recording and serves it inline', async () => {
      const res = await send(await ticketFor('pupil'), wav());
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ contentType: 'audio/wav', thumbnail: false });
      expect((await read(res.body.fileId, 'pupil')).headers['content-disposition']).toBe('inline');
    });

    it('refuses a file over FILE_MAX_BYTES with 413, keeping no row and no bytes', async () => {
      const before = filesUnder(t.dataDir);
      const rows = await rowCount(`SELECT 1 FROM stored_file`);
      const ticket = await ticketFor('pupil');
      const big = Buffer.concat([await jpeg(), Buffer.alloc(MAX_BYTES)]);
      const res = await send(ticket, big, 'image/jpeg');
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', maxBytes: MAX_BYTES });
      expect(await rowCount(`SELECT 1 FROM stored_file`)).toBe(rows);
      expect(filesUnder(t.dataDir)).toEqual(before);
      // The ticket was not used up: the pupil can send a smaller file with it.
      expect((await send(ticket, await jpeg())).status).toBe(201);
    });

    it('refuses an oversized body sent without a length (chunked) once it passes the limit', async () => {
      const before = filesUnder(t.dataDir);
      const rows = await rowCount(`SELECT 1 FROM stored_file`);
      const req = t.http().post('/files/upload').set('x-upload-ticket', await ticketFor('pupil')).set('content-type', 'image/jpeg');
      const head = await jpeg();
      req.write(head);
      for (let sent = head.length; sent <= MAX_BYTES; sent += 8192) req.write(Buffer.alloc(8192));
      const res = await req;
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await rowCount(`SELECT 1 FROM stored_file`)).toBe(rows);
      expect(filesUnder(t.dataDir)).toEqual(before);
    });

    it('refuses a text file named .png and sent as image/png with 415', async () => {
      const before = filesUnder(t.dataDir);
      const rows = await rowCount(`SELECT 1 FROM stored_file`);
      const res = await send(await ticketFor('pupil'), Buffer.from('just some notes, not a picture\n'), 'image/png', { 'x-file-name': 'drawing.png' });
      expect(res.status).toBe(415);
      expect(res.body).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(await rowCount(`SELECT 1 FROM stored_file`)).toBe(rows);
      expect(filesUnder(t.dataDir)).toEqual(before);
    });

    it('refuses bytes that only begin like an image', async () => {
      const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('not really a jpeg at all')]);
      const res = await send(await ticketFor('pupil'), fake);
      expect(res.status).toBe(415);
    });

    it('refuses an empty body, and anything but an image for a collection image', async () => {
      expect((await send(await ticketFor('pupil'), Buffer.alloc(0))).status).toBe(415);
      const res = await send(await ticketFor('educator', 'COLLECTION_IMAGE'), pdf());
      expect(res.status).toBe(415);
      expect(res.body).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('refuses a used, expired, unknown or missing ticket with 401', async () => {
      const used = await ticketFor('pupil');
      expect((await send(used, pdf())).status).toBe(201);
      const again = await send(used, pdf());
      expect(again.status).toBe(401);
      expect(again.body).toEqual({ code: 'UNAUTHENTICATED' });

      const expired = await ticketFor('pupil');
      await t.dataSource.query(`UPDATE upload_ticket SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
        createHash('sha256').update(expired).digest('hex'),
      ]);
      expect((await send(expired, pdf())).status).toBe(401);
      expect((await send('x'.repeat(43), pdf())).status).toBe(401);
      expect((await send(null, pdf())).status).toBe(401);
    });

    it('lets one of two uploads racing with the same ticket win, leaving no stray bytes', async () => {
      const ticket = await ticketFor('pupil');
      const before = filesUnder(join(t.dataDir, 'files')).length;
      const rows = await rowCount(`SELECT 1 FROM stored_file`);
      const results = await Promise.all([send(ticket, await jpeg()), send(ticket, await png())]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 401]);
      expect(await rowCount(`SELECT 1 FROM stored_file`)).toBe(rows + 1);
      expect(filesUnder(join(t.dataDir, 'files')).length).toBe(before + 2); // the winner's original and thumbnail
    });
  });

  describe('who may read a pupil’s file', () => {
    const OUTSIDERS: Persona[] = ['classmate', 'otherSchoolPupil', 'otherSchoolTeacher', 'colleague', 'educator', 'admin'];

    async function draftWith(fileIds: string[], owner: { pupilId?: string; teamId?: string; assignmentId: string }) {
      const [work] = await t.dataSource.query(`INSERT INTO work (assignment_id, pupil_id, team_id) VALUES ($1, $2, $3) RETURNING id`, [
        owner.assignmentId,
        owner.pupilId ?? null,
        owner.teamId ?? null,
      ]);
      await t.dataSource.query(
        `INSERT INTO work_part (work_id, part_key, body, evidence, attachment_ids, revision) VALUES ($1, 'REFLECTION', $2, '[]', $3::uuid[], 1)`,
        [work.id, JSON.stringify({ type: 'doc', content: [] }), fileIds],
      );
      return work.id as string;
    }

    async function assignment(mode: 'INDIVIDUAL' | 'TEAM') {
      const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
      return (await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id, mode })).id;
    }

    it('serves a file on a pupil’s draft to the pupil and the class’s teacher, and 404 to everyone else exactly like a missing file', async () => {
      // Uploaded by the teacher, so the pupil reads it because it is on their work, not as its uploader.
      const fileId = await upload('teacher', pdf());
      await draftWith([fileId], { pupilId: w.pupil.id, assignmentId: await assignment('INDIVIDUAL') });

      expect((await read(fileId, 'pupil')).status).toBe(200);
      expect((await read(fileId, 'teacher')).status).toBe(200);

      const missing = await read(randomUUID(), 'pupil');
      const garbage = await read('not-a-uuid', 'pupil');
      expect(missing.status).toBe(404);
      expect(garbage.body.equals(missing.body)).toBe(true);
      for (const persona of [...OUTSIDERS, null]) {
        for (const path of ['', '/thumbnail']) {
          const res = await read(fileId, persona, path);
          expect({ persona, path, status: res.status }).toEqual({ persona, path, status: 404 });
          expect(res.body.equals(missing.body)).toBe(true);
          expect(res.headers['content-type']).toBe(missing.headers['content-type']);
        }
      }
      expect(JSON.parse(missing.body.toString())).toEqual({ code: 'NOT_FOUND' });
    });

    it('serves a photo on a team’s work to the whole team', async () => {
      const assignmentId = await assignment('TEAM');
      const team = await newTeam(t, assignmentId, [w.pupil.id, w.classmate.id]);
      const fileId = await upload('pupil', await jpeg());
      await draftWith([fileId], { teamId: team.id, assignmentId });
      for (const persona of ['pupil', 'classmate', 'teacher'] as const) expect((await read(fileId, persona, '/thumbnail')).status).toBe(200);
      for (const persona of ['otherSchoolPupil', 'colleague', 'educator'] as const) expect((await read(fileId, persona)).status).toBe(404);
    });

    it('serves a file kept only in a submitted attempt', async () => {
      const fileId = await upload('classmate', wav());
      const [work] = await t.dataSource.query(`INSERT INTO work (assignment_id, pupil_id) VALUES ($1, $2) RETURNING id`, [await assignment('INDIVIDUAL'), w.pupil.id]);
      await t.dataSource.query(
        `INSERT INTO work_version (work_id, scope, attempt, idempotency_key, parts, status, late, submitted_at, status_changed_at)
         VALUES ($1, 'PROJECT', 1, $2, $3, 'SUBMITTED', false, now(), now())`,
        [work.id, randomUUID(), JSON.stringify([{ partKey: 'REFLECTION', body: {}, evidence: [], attachmentIds: [randomUUID(), fileId], revision: 1 }])],
      );
      expect((await read(fileId, 'pupil')).status).toBe(200);
      expect((await read(fileId, 'teacher')).status).toBe(200);
      expect((await read(fileId, 'otherSchoolTeacher')).status).toBe(404);
    });

    it('tells the submissions module which files a viewer may attach', async () => {
      const files = t.app.get(FilesService);
      const viewer = (id: string, role: Viewer['role']): Viewer => ({ id, role, schoolId: w.schoolA.id, museumId: w.museum.id, sessionId: randomUUID() });
      const own = await upload('pupil', pdf());
      const classmates = await upload('classmate', pdf());
      const collectionImage = await upload('educator', await png(), 'COLLECTION_IMAGE');
      const pupil = viewer(w.pupil.id, 'PUPIL');
      expect(await files.attachableIds(pupil, [classmates, own, 'nonsense', collectionImage, own, randomUUID()])).toEqual([own]);

      // Once the classmate's file is on their shared team work, the pupil may attach it too.
      const assignmentId = await assignment('TEAM');
      const team = await newTeam(t, assignmentId, [w.pupil.id, w.classmate.id]);
      await draftWith([classmates], { teamId: team.id, assignmentId });
      await t.dataSource.transaction(async (tx) => {
        expect(await files.attachableIds(pupil, [classmates, own], tx)).toEqual([classmates, own]);
      });
      expect(await files.attachableIds(viewer(w.otherSchoolPupil.id, 'PUPIL'), [classmates, own])).toEqual([]);
    });
  });

  describe('collection images', () => {
    it('lets the museum’s educator add an image everyone can see, listed with one query for many objects', async () => {
      const fileId = await upload('educator', await jpeg(), 'COLLECTION_IMAGE');
      const added = await t.gql(ADD_IMAGE, { input: { objectId, fileId, caption: '  正面 / front  ' } }, { token: token('educator') });
      expect(added.errors).toBeUndefined();
      expect(added.data!.addCollectionObjectImage.object.images).toEqual([
        { fileId, url: `/files/${fileId}`, thumbnailUrl: `/files/${fileId}/thumbnail`, width: 800, height: 600, caption: '正面 / front' },
      ]);

      for (const path of ['', '/thumbnail']) {
        const res = await read(fileId, null, path);
        expect(res.status).toBe(200);
        expect(res.headers['cache-control']).toMatch(/^public/);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }

      // More objects with images: the list still asks for images once.
      for (let i = 2; i <= 4; i++) {
        const [{ id }] = await t.dataSource.query(
          `INSERT INTO collection_object (museum_id, accession_number, title_zh, title_en) VALUES ($1, $2, '玉璧', 'Jade disc') RETURNING id`,
          [w.museum.id, `IMG-${i}`],
        );
        const other = await upload('educator', await png(), 'COLLECTION_IMAGE');
        expect((await t.gql(ADD_IMAGE, { input: { objectId: id, fileId: other } }, { token: token('educator') })).errors).toBeUndefined();
      }
      const original = t.dataSource.query.bind(t.dataSource);
      let imageQueries = 0;
      t.dataSource.query = ((sql: string, ...rest: unknown[]) => {
        if (sql.includes('collection_object_image')) imageQueries += 1;
        return (original as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
      }) as typeof t.dataSource.query;
      try {
        const list = await t.gql(`{ collectionObjects(first: 10, search: "IMG-") { edges { node { accessionNumber images { url caption } } } } }`);
        expect(list.errors).toBeUndefined();
        const nodes = list.data!.collectionObjects.edges.map((e: { node: unknown }) => e.node);
        expect(nodes).toHaveLength(4);
        expect(nodes[0]).toEqual({ accessionNumber: 'IMG-1', images: [{ url: `/files/${fileId}`, caption: '正面 / front' }] });
        expect(imageQueries).toBe(1);
      } finally {
        t.dataSource.query = original;
      }
    });

    it('refuses other people, other museums’ educators and files that are not collection images', async () => {
      const fileId = await upload('educator', await png(), 'COLLECTION_IMAGE');
      for (const persona of ['teacher', 'pupil', 'admin'] as const) {
        const res = await t.gql(ADD_IMAGE, { input: { objectId, fileId } }, { token: token(persona) });
        expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      const otherMuseum = await newMuseum(t);
      const stranger = await newStaff(t, { role: 'MUSEUM_EDUCATOR', museumId: otherMuseum.id });
      const strangerToken = await signInStaff(t, stranger);
      expect((await t.gql(ADD_IMAGE, { input: { objectId, fileId } }, { token: strangerToken })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      // The stranger's own upload cannot be put on this museum's object by this museum's educator either.
      const ticket = (await t.gql(REQUEST_UPLOAD, { input: { purpose: 'COLLECTION_IMAGE' } }, { token: strangerToken })).data!.requestUpload.ticket;
      const strangersFile = (await send(ticket, await png())).body.fileId;
      const pupilsFile = await upload('pupil', await png());
      for (const id of [strangersFile, pupilsFile, randomUUID(), 'nonsense']) {
        const res = await t.gql(ADD_IMAGE, { input: { objectId, fileId: id } }, { token: token('educator') });
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileId' });
      }
      expect((await t.gql(ADD_IMAGE, { input: { objectId: randomUUID(), fileId } }, { token: token('educator') })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('takes an image off an object', async () => {
      const fileId = await upload('educator', await png(), 'COLLECTION_IMAGE');
      await t.gql(ADD_IMAGE, { input: { objectId, fileId } }, { token: token('educator') });
      const res = await t.gql(REMOVE_IMAGE, { input: { objectId, fileId } }, { token: token('educator') });
      expect(res.errors).toBeUndefined();
      expect(res.data!.removeCollectionObjectImage.object.images.map((i: { fileId: string }) => i.fileId)).not.toContain(fileId);
      const forbidden = await t.gql(REMOVE_IMAGE, { input: { objectId, fileId } }, { token: token('teacher') });
      expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('answers NOT_FOUND for a file that is not one of the object’s images, malformed ids included, and changes nothing', async () => {
      const kept = await upload('educator', await png(), 'COLLECTION_IMAGE');
      await t.gql(ADD_IMAGE, { input: { objectId, fileId: kept } }, { token: token('educator') });
      const [{ id: otherObjectId }] = await t.dataSource.query(
        `INSERT INTO collection_object (museum_id, accession_number, title_zh, title_en) VALUES ($1, 'IMG-OTHER', '陶罐', 'Pottery jar') RETURNING id`,
        [w.museum.id],
      );
      const onOtherObject = await upload('educator', await png(), 'COLLECTION_IMAGE');
      await t.gql(ADD_IMAGE, { input: { objectId: otherObjectId, fileId: onOtherObject } }, { token: token('educator') });
      const onNoObject = await upload('educator', await png(), 'COLLECTION_IMAGE');
      const removedAlready = await upload('educator', await png(), 'COLLECTION_IMAGE');
      await t.gql(ADD_IMAGE, { input: { objectId, fileId: removedAlready } }, { token: token('educator') });
      expect((await t.gql(REMOVE_IMAGE, { input: { objectId, fileId: removedAlready } }, { token: token('educator') })).errors).toBeUndefined();

      const images = () => t.dataSource.query(`SELECT object_id, file_id, position, caption FROM collection_object_image ORDER BY object_id, file_id`);
      const before = await images();
      for (const fileId of ['nonsense', `${kept}x`, kept.toUpperCase().replace(/-/g, ''), '', randomUUID(), onOtherObject, onNoObject, removedAlready]) {
        const res = await t.gql(REMOVE_IMAGE, { input: { objectId, fileId } }, { token: token('educator') });
        expect({ fileId, code: res.errors?.[0]?.extensions?.code }).toEqual({ fileId, code: 'NOT_FOUND' });
        expect(res.data).toBeNull();
      }
      expect(await images()).toEqual(before);

      // Removing one that is there still works, and leaves the others alone.
      const res = await t.gql(REMOVE_IMAGE, { input: { objectId, fileId: kept } }, { token: token('educator') });
      expect(res.errors).toBeUndefined();
      expect(res.data!.removeCollectionObjectImage.object.images.map((i: { fileId: string }) => i.fileId)).not.toContain(kept);
      expect(await images()).toEqual(before.filter((r: { file_id: string }) => r.file_id !== kept));
    });
  });
});
