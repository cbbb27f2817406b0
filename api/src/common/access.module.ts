import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service';

/** Global: every feature checks objects through the same rules. */
@Global()
@Module({ providers: [AccessService], exports: [AccessService] })
export class AccessModule {}
