import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import type { Viewer } from '../common/viewer';
import { ProgrammeFigures, ProgrammeFiguresArgs } from './figures.model';
import { FiguresService } from './figures.service';

@Roles('MUSEUM_EDUCATOR', 'ADMIN')
@Resolver()
export class FiguresResolver {
  constructor(private readonly figures: FiguresService) {}

  @Query(() => ProgrammeFigures, { description: "The museum's programme per theme and grade band (its educators and admins)" })
  programmeFigures(@CurrentUser() viewer: Viewer, @Args() args: ProgrammeFiguresArgs) {
    return this.figures.figures(viewer, args.season);
  }
}
