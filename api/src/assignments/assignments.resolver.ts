import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../common/current-user.decorator';
import { requestLoader } from '../common/loaders';
import { Roles } from '../common/roles.decorator';
import type { Viewer } from '../common/viewer';
import {
  AssignmentArgs,
  ClassAssignmentsArgs,
  CreateAssignmentInput,
  JoinTeamInput,
  MakeBalancedTeamsInput,
  MyAssignmentsArgs,
  SetTeamsInput,
} from './assignment.input';
import { Assignment, AssignmentConnection, AssignmentPayload, Team, TeamsPayload } from './assignment.model';
import { AssignmentsService } from './assignments.service';

@Roles('TEACHER', 'PUPIL', 'ADMIN')
@Resolver(() => Assignment)
export class AssignmentsResolver {
  constructor(private readonly assignments: AssignmentsService) {}

  @Query(() => Assignment)
  assignment(@CurrentUser() viewer: Viewer, @Args() args: AssignmentArgs) {
    return this.assignments.get(viewer, args.id);
  }

  @Query(() => AssignmentConnection, { description: "A class's assignments, soonest due first" })
  classAssignments(@CurrentUser() viewer: Viewer, @Args() args: ClassAssignmentsArgs) {
    return this.assignments.forClass(viewer, args.classId, args.first, args.after);
  }

  @Roles('PUPIL')
  @Query(() => AssignmentConnection, { description: "The pupil's assignments, soonest due first" })
  myAssignments(@CurrentUser() viewer: Viewer, @Args() args: MyAssignmentsArgs) {
    return this.assignments.mine(viewer, args.first, args.after);
  }

  @Roles('TEACHER')
  @Mutation(() => AssignmentPayload)
  async createAssignment(@CurrentUser() viewer: Viewer, @Args('input') input: CreateAssignmentInput): Promise<AssignmentPayload> {
    return { assignment: await this.assignments.create(viewer, input) };
  }

  @Roles('TEACHER')
  @Mutation(() => TeamsPayload)
  async setTeams(@CurrentUser() viewer: Viewer, @Args('input') input: SetTeamsInput): Promise<TeamsPayload> {
    return { teams: await this.assignments.setTeams(viewer, input) };
  }

  @Roles('TEACHER')
  @Mutation(() => TeamsPayload)
  async makeBalancedTeams(@CurrentUser() viewer: Viewer, @Args('input') input: MakeBalancedTeamsInput): Promise<TeamsPayload> {
    return { teams: await this.assignments.makeBalancedTeams(viewer, input.assignmentId, input.teamSize) };
  }

  @Roles('PUPIL')
  @Mutation(() => TeamsPayload)
  async joinTeam(@CurrentUser() viewer: Viewer, @Args('input') input: JoinTeamInput): Promise<TeamsPayload> {
    return { teams: await this.assignments.joinTeam(viewer, input.teamId) };
  }

  /** The parent assignment was access-checked when it was loaded; teams load in one batch per request. */
  @ResolveField(() => [Team])
  async teams(@Parent() assignment: Assignment, @Context() context: object): Promise<Team[]> {
    if (assignment.mode !== 'TEAM') return [];
    const loader = requestLoader<string, Team[]>(context, 'teamsByAssignment', (ids) => this.assignments.teamsOf(ids));
    return (await loader.load(assignment.id)) ?? [];
  }
}
