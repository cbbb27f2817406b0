import { Module } from '@nestjs/common';
import { CollectionObjectConnectionResolver, CollectionResolver } from './collection.resolver';
import { CollectionService } from './collection.service';

@Module({
  providers: [CollectionResolver, CollectionObjectConnectionResolver, CollectionService],
  exports: [CollectionService],
})
export class CollectionModule {}
