import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class School {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  district: string | null;

  @Field({ description: 'IANA time zone in which due dates are set' })
  timeZone: string;
}

@ObjectType({ description: 'A teacher as colleagues and pupils see them' })
export class ClassTeacher {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;
}

@ObjectType({ description: 'A pupil as a classmate sees them: a name and nothing more' })
export class Classmate {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;
}

@ObjectType({ description: 'A class (cohort) in one school year' })
export class Class {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Int)
  grade: number;

  @Field({ description: 'For example 2026-2027' })
  schoolYear: string;

  @Field(() => Date, { nullable: true })
  archivedAt: Date | null;

  @Field(() => School)
  school: School;

  @Field(() => [ClassTeacher])
  teachers: ClassTeacher[];

  @Field({ description: "Whether the viewer may change the class and see its roster (its teachers and admins)" })
  viewerCanManage: boolean;

  @Field(() => String, { nullable: true, description: "The class's sign-in code; null unless the viewer manages the class" })
  classCode: string | null;

  @Field(() => Int, { description: 'How many pupils the class has' })
  pupilCount: number;
}

@ObjectType({ description: "A pupil on a class's roster, as the class's teachers see them" })
export class RosterPupil {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true, description: "The school's own student number" })
  studentNumber: string | null;

  @Field()
  addedAt: Date;

  @Field()
  disabled: boolean;
}

@ObjectType()
export class ClassRoster {
  @Field(() => Class)
  class: Class;

  @Field(() => [RosterPupil])
  pupils: RosterPupil[];
}

@ObjectType({ description: "One pupil's printable sign-in card" })
export class SignInCard {
  @Field(() => ID)
  pupilId: string;

  @Field()
  displayName: string;

  @Field()
  pupilCode: string;

  @Field({ description: 'Portal path the QR code carries: /pupil-sign-in?class=…&code=…' })
  signInPath: string;
}

@ObjectType()
export class ClassSignInCards {
  @Field(() => ID)
  classId: string;

  @Field()
  className: string;

  @Field()
  classCode: string;

  @Field(() => [SignInCard])
  cards: SignInCard[];
}

@ObjectType({ description: 'One line of a roster CSV as read, with what is wrong with it' })
export class RosterRowResult {
  @Field(() => Int)
  line: number;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true })
  studentNumber: string | null;

  @Field(() => [String], {
    description:
      'MISSING_NAME, NAME_TOO_LONG, STUDENT_NUMBER_TOO_LONG, DUPLICATE_STUDENT_NUMBER, STUDENT_NUMBER_IN_CLASS, TOO_MANY_COLUMNS, UNCLOSED_QUOTE',
  })
  problems: string[];
}

@ObjectType()
export class RosterPreview {
  @Field(() => [RosterRowResult])
  rows: RosterRowResult[];

  @Field({ description: 'True when every row can be imported' })
  valid: boolean;
}

@ObjectType()
export class SchoolPayload {
  @Field(() => School)
  school: School;
}

@ObjectType()
export class ClassPayload {
  @Field(() => Class)
  class: Class;
}

@ObjectType()
export class AddPupilPayload {
  @Field(() => RosterPupil)
  pupil: RosterPupil;

  @Field({ description: "The pupil's sign-in code, also on the class's sign-in cards" })
  pupilCode: string;
}

@ObjectType()
export class ImportRosterPayload {
  @Field({ description: 'False when any row had a problem: then nothing was saved' })
  imported: boolean;

  @Field(() => Int)
  importedCount: number;

  @Field(() => [RosterRowResult])
  rows: RosterRowResult[];
}

@ObjectType()
export class ResetPupilCodePayload {
  @Field(() => ID)
  pupilId: string;

  @Field()
  pupilCode: string;
}
