import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Role } from '@lmr/domain';
import { RoleEnum } from '../common/role.enum';
import { School } from '../schools/schools.model';

@ObjectType({ description: 'The signed-in person' })
export class Me {
  @Field(() => ID)
  id: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true, description: 'Staff only; pupils have none' })
  email: string | null;

  @Field(() => School, { nullable: true, description: "Teachers' and pupils' school" })
  school: School | null;
}

@ObjectType()
export class SignInPayload {
  @Field(() => Me)
  me: Me;

  @Field({ description: 'The session token, for API clients that send it as a Bearer header. The portal uses the httpOnly cookie set with this answer.' })
  token: string;

  @Field()
  expiresAt: Date;
}

@ObjectType()
export class SignOutPayload {
  @Field()
  signedOut: boolean;
}

@ObjectType()
export class ChangePasswordPayload {
  @Field(() => Me)
  me: Me;
}

@ObjectType({ description: 'A member of staff, as admins see them' })
export class StaffMember {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => School, { nullable: true })
  school: School | null;

  @Field()
  disabled: boolean;
}

@ObjectType()
export class SetAccountDisabledPayload {
  @Field(() => StaffMember)
  account: StaffMember;
}

@ObjectType()
export class Invitation {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => School, { nullable: true })
  school: School | null;

  @Field()
  createdAt: Date;

  @Field()
  expiresAt: Date;

  @Field()
  accepted: boolean;
}

@ObjectType()
export class CreateInvitationPayload {
  @Field(() => Invitation)
  invitation: Invitation;

  @Field({ description: 'The one-time token; shown once, never stored' })
  token: string;

  @Field({ description: 'Portal path to hand to the invited person: /accept-invitation?token=…' })
  acceptPath: string;
}

@ObjectType()
export class CreatePasswordResetPayload {
  @Field({ description: 'The one-time token; shown once, never stored' })
  token: string;

  @Field({ description: 'Portal path to hand to the person: /reset-password?token=…' })
  resetPath: string;

  @Field()
  expiresAt: Date;
}

@ObjectType()
export class CompletePasswordResetPayload {
  @Field()
  passwordChanged: boolean;
}
