import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { AuditService } from '../../audit/audit.service';
import type { Viewer } from '../../common/viewer';
import { FILE_STORE, type FileStore } from '../../files/store/file-store';
import { PupilAccess } from '../pupil-access';
import { readPupilRecord } from './pupil-record';

const README = `小小博物馆研究员 · 学生数据导出
Little Museum Researcher · a pupil's record

record.json  everything the platform keeps about the pupil, table by table (the tables list
             says what each holds): account, classes, every draft part and submitted attempt,
             feedback and grades, nominations, museum reviews, consent records, notifications
             and audit entries about the pupil.
files/       the files attached to the pupil's work, named <file id>-<original name>.
Sign-in codes and session secrets are left out.
`;

async function bytesOf(body: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return new Uint8Array(Buffer.concat(chunks));
}

function safeName(name: string | null): string {
  const cleaned = (name ?? '').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80);
  return cleaned === '' ? 'file' : cleaned;
}

/**
 * A pupil's complete record as one ZIP: record.json and the files. Built in memory: a pupil's
 * files are at most a few dozen uploads of 20 MB, and fflate compresses JSON only (the
 * files are stored as they are, already compressed images and recordings).
 */
@Injectable()
export class PupilExportService {
  private readonly logger = new Logger('PupilExportService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: PupilAccess,
    private readonly audit: AuditService,
    @Inject(FILE_STORE) private readonly store: FileStore,
  ) {}

  async zip(viewer: Viewer, pupilId: string): Promise<{ bytes: Uint8Array; fileCount: number }> {
    await this.access.require(viewer, pupilId, 'export');
    // One snapshot: a save landing halfway through must not give a record that never existed.
    const tables = await this.dataSource.transaction('REPEATABLE READ', (tx) => readPupilRecord(tx, pupilId));
    const entries: Zippable = {};
    let fileCount = 0;
    for (const file of tables.stored_file as { id: string; storage_key: string; original_name: string | null }[]) {
      const stored = await this.store.get(file.storage_key);
      if (!stored) {
        this.logger.error(`stored file ${file.id} has nothing under ${file.storage_key} in the file store`);
        continue;
      }
      entries[`files/${file.id}-${safeName(file.original_name)}`] = [await bytesOf(stored.body), { level: 0 }];
      fileCount += 1;
    }
    const record = { format: 'lmr-pupil-record/1', exportedAt: new Date().toISOString(), pupilId, tables };
    entries['record.json'] = strToU8(JSON.stringify(record, null, 2));
    entries['README.txt'] = strToU8(README);
    const bytes = zipSync(entries, { level: 6 });
    await this.dataSource.transaction((tx) =>
      this.audit.record(tx, { actorId: viewer.id, museumId: viewer.museumId, action: 'PUPIL_RECORD_EXPORTED', subjectType: 'Pupil', subjectId: pupilId, details: { files: fileCount } }),
    );
    return { bytes, fileCount };
  }
}
