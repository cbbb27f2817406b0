import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import type { Viewer } from '../common/viewer';
import { Public } from '../common/public.decorator';
import { Evidence } from '../submissions/work.model';
import { CollectionObjectArgs, CollectionObjectsArgs, CreateCollectionObjectInput, ImportCollectionInput, UpdateCollectionObjectInput } from './collection.input';
import { CollectionObject, CollectionObjectConnection, CollectionObjectPayload, ImportCollectionPayload } from './collection-object.model';
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

  @Roles('MUSEUM_EDUCATOR')
  @Mutation(() => CollectionObjectPayload)
  async createCollectionObject(@CurrentUser() viewer: Viewer, @Args('input') input: CreateCollectionObjectInput): Promise<CollectionObjectPayload> {
    return { object: await this.collection.create(viewer, input.object) };
  }

  @Roles('MUSEUM_EDUCATOR')
  @Mutation(() => CollectionObjectPayload)
  async updateCollectionObject(@CurrentUser() viewer: Viewer, @Args('input') input: UpdateCollectionObjectInput): Promise<CollectionObjectPayload> {
    return { object: await this.collection.update(viewer, input.id, input.object) };
  }

  @Roles('MUSEUM_EDUCATOR')
  @Mutation(() => ImportCollectionPayload, { description: 'Adds every record of a CSV or JSON file, or none if any row has a problem' })
  async importCollectionObjects(@CurrentUser() viewer: Viewer, @Args('input') input: ImportCollectionInput): Promise<ImportCollectionPayload> {
    return { imported: await this.collection.import(viewer, input.format, input.content) };
  }
}

@Resolver(() => CollectionObjectConnection)
export class CollectionObjectConnectionResolver {
  @ResolveField(() => Int)
  totalCount(@Parent() connection: CollectionObjectConnection) {
    return connection.countAll();
  }
}

/**
 * The object a pupil's evidence cites. The parent evidence was access-checked with its work;
 * the object itself is public, so whoever sees the evidence may see its record. Batched per
 * request; null for an outside source or an object no longer in the collection.
 */
@Resolver(() => Evidence)
export class EvidenceObjectResolver {
  constructor(private readonly collection: CollectionService) {}

  @ResolveField(() => CollectionObject, { nullable: true, description: 'The cited collection object; null once it is no longer in the collection' })
  object(@Parent() evidence: Evidence, @Context() context: object): Promise<CollectionObject | null> | null {
    return evidence.objectId ? this.collection.loadById(context, evidence.objectId) : null;
  }
}
