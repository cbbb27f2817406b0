import { Module } from '@nestjs/common';
import { BackupController } from './backup.controller';
import { BackupService } from './backup.service';

/** The server's part in backups of the embedded database (the rest is the backup and restore CLIs). */
@Module({
  controllers: [BackupController],
  providers: [BackupService],
})
export class BackupModule {}
