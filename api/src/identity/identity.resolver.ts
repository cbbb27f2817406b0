import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../common/current-user.decorator';
import { Public } from '../common/public.decorator';
import type { GraphQLContext } from '../common/request-context';
import { Roles } from '../common/roles.decorator';
import type { Viewer } from '../common/viewer';
import { AccountsService } from './accounts.service';
import { AuthService } from './auth.service';
import {
  AcceptInvitationInput,
  ChangePasswordInput,
  CompletePasswordResetInput,
  CreateInvitationInput,
  CreatePasswordResetInput,
  PupilSignInInput,
  SetAccountDisabledInput,
  SignInInput,
} from './identity.input';
import {
  ChangePasswordPayload,
  CompletePasswordResetPayload,
  CreateInvitationPayload,
  CreatePasswordResetPayload,
  Invitation,
  Me,
  SetAccountDisabledPayload,
  SignInPayload,
  SignOutPayload,
  StaffMember,
} from './identity.model';
import { MeService } from './me.service';

/** Signing in and out, and one's own account: open to everyone signed in (or, for sign-in, to anyone). */
@Resolver()
export class SessionResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
    private readonly account: MeService,
  ) {}

  @Query(() => Me, { description: 'The signed-in person' })
  me(@CurrentUser() viewer: Viewer) {
    return this.account.get(viewer.id);
  }

  @Public()
  @Mutation(() => SignInPayload, { description: 'Staff sign-in with email and password; sets the session cookie' })
  signIn(@Args('input') input: SignInInput, @Context() ctx: GraphQLContext) {
    return this.auth.signInStaff(input, ctx);
  }

  @Public()
  @Mutation(() => SignInPayload, { description: "Pupil sign-in with the class code and the pupil's own code; sets the session cookie" })
  signInPupil(@Args('input') input: PupilSignInInput, @Context() ctx: GraphQLContext) {
    return this.auth.signInPupil(input, ctx);
  }

  @Mutation(() => SignOutPayload, { description: 'Ends the current session and clears the cookie' })
  signOut(@CurrentUser() viewer: Viewer, @Context() ctx: GraphQLContext) {
    return this.auth.signOut(viewer, ctx);
  }

  @Roles('TEACHER', 'MUSEUM_EDUCATOR', 'ADMIN')
  @Mutation(() => ChangePasswordPayload, { description: "Changes a member of staff's password; their other sessions end" })
  changePassword(@CurrentUser() viewer: Viewer, @Args('input') input: ChangePasswordInput) {
    return this.auth.changePassword(viewer, input);
  }

  @Public()
  @Mutation(() => SignInPayload, { description: 'Creates the account a one-time invitation promised and signs it in' })
  acceptInvitation(@Args('input') input: AcceptInvitationInput, @Context() ctx: GraphQLContext) {
    return this.accounts.acceptInvitation(input, ctx);
  }

  @Public()
  @Mutation(() => CompletePasswordResetPayload, { description: "Sets a new password from a one-time reset link; the account's sessions end" })
  completePasswordReset(@Args('input') input: CompletePasswordResetInput, @Context() ctx: GraphQLContext) {
    return this.accounts.completePasswordReset(input, ctx);
  }

}

/** Staff accounts, managed by admins of the museum. */
@Roles('ADMIN')
@Resolver()
export class AccountsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Query(() => [StaffMember], { description: "The museum's staff and the teachers of its schools" })
  staffMembers(@CurrentUser() viewer: Viewer) {
    return this.accounts.staffMembers(viewer);
  }

  @Query(() => [Invitation], { description: 'Invitations made for the museum, newest first (at most 100)' })
  invitations(@CurrentUser() viewer: Viewer) {
    return this.accounts.invitations(viewer);
  }

  @Mutation(() => CreateInvitationPayload, { description: 'Invites a member of staff; the token is shown once' })
  createInvitation(@CurrentUser() viewer: Viewer, @Args('input') input: CreateInvitationInput) {
    return this.accounts.createInvitation(viewer, input);
  }

  @Mutation(() => CreatePasswordResetPayload, { description: 'Makes a one-time password reset link for a member of staff' })
  createPasswordReset(@CurrentUser() viewer: Viewer, @Args('input') input: CreatePasswordResetInput) {
    return this.accounts.createPasswordReset(viewer, input);
  }

  @Mutation(() => SetAccountDisabledPayload, { description: 'Disables (ending its sessions) or re-enables a staff account' })
  async setAccountDisabled(@CurrentUser() viewer: Viewer, @Args('input') input: SetAccountDisabledInput) {
    return { account: await this.accounts.setDisabled(viewer, input) };
  }
}
