import { join } from 'node:path';
import { Inject, Module } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { APP_CONFIG } from '../common/app-config.module';
import { CollectionModule } from '../collection/collection.module';
import type { AppConfig } from '../config/config';
import { CollectionImagesService } from './collection-images.service';
import { FilesController } from './files.controller';
import { CollectionObjectImagesResolver, FilesResolver } from './files.resolver';
import { FilesService } from './files.service';
import { FILE_STORE, type FileStore } from './store/file-store';
import { LocalFileStore } from './store/local-file-store';
import { S3FileStore } from './store/s3-file-store';
import { prepareUploadRoute } from './upload-route';

export function fileStoreFor(config: AppConfig): FileStore {
  const store = config.fileStore;
  return store.kind === 's3' ? new S3FileStore(store) : new LocalFileStore(join(config.dataDir, 'files'));
}

/**
 * Uploads (a ticket from GraphQL, the bytes over HTTP), serving files to those who may see
 * them, and collection objects' images. Exports FilesService for the work that attaches files.
 */
@Module({
  imports: [CollectionModule],
  controllers: [FilesController],
  providers: [
    { provide: FILE_STORE, useFactory: fileStoreFor, inject: [APP_CONFIG] },
    FilesService,
    CollectionImagesService,
    FilesResolver,
    CollectionObjectImagesResolver,
  ],
  exports: [FilesService],
})
export class FilesModule {
  // Here rather than in onModuleInit: Nest registers the routes before any init hook runs.
  constructor(adapterHost: HttpAdapterHost, @Inject(APP_CONFIG) config: AppConfig) {
    const fastify = adapterHost.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (fastify) prepareUploadRoute(fastify, config.fileMaxBytes);
  }
}
