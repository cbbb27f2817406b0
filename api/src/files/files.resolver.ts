import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import type { Viewer } from '../common/viewer';
import { CollectionObject, CollectionObjectPayload } from '../collection/collection-object.model';
import { CollectionImagesService } from './collection-images.service';
import {
  AddCollectionObjectImageInput,
  CollectionImage,
  RemoveCollectionObjectImageInput,
  RequestUploadInput,
  RequestUploadPayload,
} from './files.model';
import { FilesService } from './files.service';

@Resolver()
export class FilesResolver {
  constructor(private readonly files: FilesService) {}

  @Roles('PUPIL', 'TEACHER', 'MUSEUM_EDUCATOR')
  @Mutation(() => RequestUploadPayload, { description: 'A ticket for sending one file to the upload endpoint; valid ten minutes' })
  requestUpload(@CurrentUser() viewer: Viewer, @Args('input') input: RequestUploadInput): Promise<RequestUploadPayload> {
    return this.files.requestUpload(viewer, input.purpose);
  }
}

@Resolver(() => CollectionObject)
export class CollectionObjectImagesResolver {
  constructor(private readonly collectionImages: CollectionImagesService) {}

  /** Public like the object itself: no viewer is needed. */
  @ResolveField(() => [CollectionImage])
  images(@Parent() object: CollectionObject, @Context() context: object): Promise<CollectionImage[]> {
    return this.collectionImages.imagesOf(context, object.id);
  }

  @Roles('MUSEUM_EDUCATOR')
  @Mutation(() => CollectionObjectPayload, { description: 'Adds an uploaded image to an object, or changes its caption' })
  async addCollectionObjectImage(@CurrentUser() viewer: Viewer, @Args('input') input: AddCollectionObjectImageInput): Promise<CollectionObjectPayload> {
    return { object: await this.collectionImages.add(viewer, input) };
  }

  @Roles('MUSEUM_EDUCATOR')
  @Mutation(() => CollectionObjectPayload, { description: 'Takes an image off an object; the file stays' })
  async removeCollectionObjectImage(@CurrentUser() viewer: Viewer, @Args('input') input: RemoveCollectionObjectImageInput): Promise<CollectionObjectPayload> {
    return { object: await this.collectionImages.remove(viewer, input) };
  }
}
