import { Field, ID, InputType } from '@nestjs/graphql';
import type { Role } from '@lmr/domain';
import { RoleEnum } from '../common/role.enum';

@InputType()
export class SignInInput {
  @Field()
  email: string;

  @Field()
  password: string;
}

@InputType()
export class PupilSignInInput {
  @Field({ description: "The class's code, as printed on the card; case and spaces do not matter" })
  classCode: string;

  @Field({ description: "The pupil's own code" })
  pupilCode: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword: string;

  @Field()
  newPassword: string;
}

@InputType()
export class CreateInvitationInput {
  @Field()
  email: string;

  @Field(() => RoleEnum, { description: 'TEACHER, MUSEUM_EDUCATOR or ADMIN' })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Required for teachers: the school they teach at' })
  schoolId?: string | null;
}

@InputType()
export class AcceptInvitationInput {
  @Field()
  token: string;

  @Field()
  displayName: string;

  @Field()
  password: string;
}

@InputType()
export class CreatePasswordResetInput {
  @Field(() => ID)
  accountId: string;
}

@InputType()
export class CompletePasswordResetInput {
  @Field()
  token: string;

  @Field()
  newPassword: string;
}

@InputType()
export class SetAccountDisabledInput {
  @Field(() => ID)
  accountId: string;

  @Field()
  disabled: boolean;
}
