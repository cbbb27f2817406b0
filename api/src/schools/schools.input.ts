import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class CreateSchoolInput {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  district?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone; Asia/Shanghai when left out' })
  timeZone?: string | null;
}

@InputType()
export class UpdateSchoolInput {
  @Field(() => ID)
  schoolId: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'An empty string clears it' })
  district?: string | null;

  @Field(() => String, { nullable: true })
  timeZone?: string | null;
}

@InputType()
export class CreateClassInput {
  @Field()
  name: string;

  @Field(() => Int, { description: '1 to 12' })
  grade: number;

  @Field({ description: 'For example 2026-2027' })
  schoolYear: string;
}

@InputType()
export class AddClassTeacherInput {
  @Field(() => ID)
  classId: string;

  @Field({ description: 'Email of a teacher at the same school' })
  teacherEmail: string;
}

@InputType()
export class ArchiveClassInput {
  @Field(() => ID)
  classId: string;
}

@InputType()
export class AddPupilInput {
  @Field(() => ID)
  classId: string;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true, description: "The school's own student number, if it uses one" })
  studentNumber?: string | null;
}

@InputType()
export class ImportRosterInput {
  @Field(() => ID)
  classId: string;

  @Field({ description: 'One pupil a line: display name, then optionally the student number' })
  csv: string;
}

@InputType()
export class ResetPupilCodeInput {
  @Field(() => ID)
  classId: string;

  @Field(() => ID)
  pupilId: string;
}

@ArgsType()
export class ClassesArgs {
  @Field({ defaultValue: false })
  includeArchived: boolean;

  @Field(() => ID, { nullable: true, description: 'Admins: only the classes of this school' })
  schoolId?: string | null;
}

@ArgsType()
export class ClassArgs {
  @Field(() => ID)
  id: string;
}

@ArgsType()
export class ClassIdArgs {
  @Field(() => ID)
  classId: string;
}

@ArgsType()
export class PreviewRosterArgs {
  @Field(() => ID)
  classId: string;

  @Field()
  csv: string;
}
