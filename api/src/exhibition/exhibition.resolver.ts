import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../common/public.decorator';
import { ExhibitedWork, ExhibitionArgs, ExhibitionConnection, ExhibitionSeason, ExhibitionWorkArgs } from './exhibition.model';
import { ExhibitionService } from './exhibition.service';

/** The online exhibition: public, no sign-in. */
@Public()
@Resolver()
export class ExhibitionResolver {
  constructor(private readonly exhibitions: ExhibitionService) {}

  @Query(() => [ExhibitionSeason], { description: 'Seasons with exhibited works, newest first' })
  exhibitionSeasons() {
    return this.exhibitions.seasons();
  }

  @Query(() => ExhibitionConnection, { description: "A season's exhibited works, Outstanding first" })
  exhibition(@Args() args: ExhibitionArgs) {
    return this.exhibitions.list(args);
  }

  @Query(() => ExhibitedWork, { description: 'One exhibited work by its slug' })
  exhibitionWork(@Args() args: ExhibitionWorkArgs) {
    return this.exhibitions.bySlug(args.slug);
  }
}
