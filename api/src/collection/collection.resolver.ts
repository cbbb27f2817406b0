import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '../common/public.decorator';
import { CollectionObjectArgs, CollectionObjectsArgs } from './collection.input';
import { CollectionObject, CollectionObjectConnection } from './collection-object.model';
import { CollectionService } from './collection.service';

@Resolver(() => CollectionObject)
export class CollectionResolver {
  constructor(private readonly collection: CollectionService) {}

  @Public()
  @Query(() => CollectionObjectConnection, { description: 'The museum collection, a page at a time' })
  collectionObjects(@Args() args: CollectionObjectsArgs) {
    return this.collection.list(args);
  }

  @Public()
  @Query(() => CollectionObject)
  collectionObject(@Args() args: CollectionObjectArgs) {
    return this.collection.get(args.id);
  }
}

@Resolver(() => CollectionObjectConnection)
export class CollectionObjectConnectionResolver {
  @ResolveField(() => Int)
  totalCount(@Parent() connection: CollectionObjectConnection) {
    return connection.countAll();
  }
}
