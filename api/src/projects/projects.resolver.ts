import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CollectionObject } from '../collection/collection-object.model';
import { CollectionService } from '../collection/collection.service';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import type { Viewer } from '../common/viewer';
import { BriefArgs, BriefIdInput, BriefListArgs, CreateBriefInput, UpdateBriefInput } from './brief.input';
import { Brief, BriefConnection, BriefPayload } from './brief.model';
import { ProjectsService } from './projects.service';

@Roles('TEACHER', 'MUSEUM_EDUCATOR', 'ADMIN')
@Resolver(() => Brief)
export class ProjectsResolver {
  constructor(
    private readonly projects: ProjectsService,
    private readonly collection: CollectionService,
  ) {}

  @Query(() => Brief)
  brief(@CurrentUser() viewer: Viewer, @Args() args: BriefArgs) {
    return this.projects.get(viewer, args.id, args.version);
  }

  @Query(() => BriefConnection, { description: "The museum's library of project briefs" })
  briefLibrary(@CurrentUser() viewer: Viewer, @Args() args: BriefListArgs) {
    return this.projects.library(viewer, args);
  }

  @Roles('TEACHER')
  @Query(() => BriefConnection, { description: "The teacher's own briefs" })
  myBriefs(@CurrentUser() viewer: Viewer, @Args() args: BriefListArgs) {
    return this.projects.mine(viewer, args);
  }

  @Roles('TEACHER', 'MUSEUM_EDUCATOR')
  @Mutation(() => BriefPayload)
  async createBrief(@CurrentUser() viewer: Viewer, @Args('input') input: CreateBriefInput): Promise<BriefPayload> {
    return { brief: await this.projects.create(viewer, input.content) };
  }

  @Roles('TEACHER', 'MUSEUM_EDUCATOR')
  @Mutation(() => BriefPayload, { description: 'Edits a brief; once assigned, an edit makes a new version' })
  async updateBrief(@CurrentUser() viewer: Viewer, @Args('input') input: UpdateBriefInput): Promise<BriefPayload> {
    return { brief: await this.projects.update(viewer, input.id, input.content) };
  }

  @Roles('MUSEUM_EDUCATOR')
  @Mutation(() => BriefPayload)
  async publishBrief(@CurrentUser() viewer: Viewer, @Args('input') input: BriefIdInput): Promise<BriefPayload> {
    return { brief: await this.projects.publish(viewer, input.id) };
  }

  @Roles('TEACHER')
  @Mutation(() => BriefPayload, { description: 'Copies a brief into the teacher’s own briefs to adapt it' })
  async copyBrief(@CurrentUser() viewer: Viewer, @Args('input') input: BriefIdInput): Promise<BriefPayload> {
    return { brief: await this.projects.copy(viewer, input.id) };
  }

  @ResolveField(() => [CollectionObject])
  async suggestedObjects(@Parent() brief: Brief, @Context() context: object): Promise<CollectionObject[]> {
    const objects = await Promise.all(brief.suggestedObjectIds.map((id) => this.collection.loadById(context, id)));
    return objects.filter((o): o is CollectionObject => o !== null);
  }
}
