import { Module } from '@nestjs/common';
import { CollectionObjectConnectionResolver, CollectionResolver, EvidenceObjectResolver } from './collection.resolver';
import { CollectionService } from './collection.service';

@Module({
  providers: [CollectionResolver, CollectionObjectConnectionResolver, EvidenceObjectResolver, CollectionService],
  exports: [CollectionService],
})
export class CollectionModule {}
