import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import type { Viewer } from '../common/viewer';
import { ClassesService } from './classes.service';
import {
  AddClassTeacherInput,
  AddPupilInput,
  ArchiveClassInput,
  ClassArgs,
  ClassesArgs,
  ClassIdArgs,
  CreateClassInput,
  CreateSchoolInput,
  ImportRosterInput,
  PreviewRosterArgs,
  ResetPupilCodeInput,
  UpdateSchoolInput,
} from './schools.input';
import {
  AddPupilPayload,
  Class,
  ClassPayload,
  ClassRoster,
  Classmate,
  ClassSignInCards,
  ImportRosterPayload,
  ResetPupilCodePayload,
  RosterPreview,
  School,
  SchoolPayload,
} from './schools.model';
import { SchoolsService } from './schools.service';

/** Schools: admins of the museum whose programme they take part in. */
@Roles('ADMIN')
@Resolver(() => School)
export class SchoolsResolver {
  constructor(private readonly schoolsService: SchoolsService) {}

  @Query(() => [School], { description: "The schools in the admin's museum programme" })
  schools(@CurrentUser() viewer: Viewer) {
    return this.schoolsService.list(viewer);
  }

  @Mutation(() => SchoolPayload)
  async createSchool(@CurrentUser() viewer: Viewer, @Args('input') input: CreateSchoolInput) {
    return { school: await this.schoolsService.create(viewer, input) };
  }

  @Mutation(() => SchoolPayload)
  async updateSchool(@CurrentUser() viewer: Viewer, @Args('input') input: UpdateSchoolInput) {
    return { school: await this.schoolsService.update(viewer, input) };
  }
}

/**
 * Classes and their pupils. Museum educators see no classes and no pupils. Which class a
 * teacher, pupil or admin may see or change is checked per class in ClassesService.
 */
@Roles('TEACHER', 'ADMIN', 'PUPIL')
@Resolver(() => Class)
export class ClassesResolver {
  constructor(private readonly classesService: ClassesService) {}

  @Query(() => [Class], { description: "A teacher's own classes, a pupil's class, or every class of an admin's museum" })
  classes(@CurrentUser() viewer: Viewer, @Args() args: ClassesArgs) {
    return this.classesService.list(viewer, args);
  }

  @Query(() => Class)
  class(@CurrentUser() viewer: Viewer, @Args() args: ClassArgs) {
    return this.classesService.get(viewer, args.id);
  }

  @Query(() => [Classmate], { description: "The display names of a class's pupils, for its pupils and teachers" })
  classmates(@CurrentUser() viewer: Viewer, @Args() args: ClassIdArgs) {
    return this.classesService.classmates(viewer, args.classId);
  }

  @Roles('TEACHER', 'ADMIN')
  @Query(() => ClassRoster, { description: "The class's pupils with their student numbers: its teachers and admins only" })
  classRoster(@CurrentUser() viewer: Viewer, @Args() args: ClassIdArgs) {
    return this.classesService.roster(viewer, args.classId);
  }

  @Roles('TEACHER', 'ADMIN')
  @Query(() => ClassSignInCards, { description: "What the class's printable sign-in cards carry" })
  signInCards(@CurrentUser() viewer: Viewer, @Args() args: ClassIdArgs) {
    return this.classesService.signInCards(viewer, args.classId);
  }

  @Roles('TEACHER', 'ADMIN')
  @Query(() => RosterPreview, { description: 'Reads a roster CSV and lists each row with its problems; saves nothing' })
  previewRoster(@CurrentUser() viewer: Viewer, @Args() args: PreviewRosterArgs) {
    return this.classesService.previewRoster(viewer, args);
  }

  @Roles('TEACHER')
  @Mutation(() => ClassPayload, { description: "Creates a class in the teacher's school, with them as its teacher" })
  async createClass(@CurrentUser() viewer: Viewer, @Args('input') input: CreateClassInput) {
    return { class: await this.classesService.create(viewer, input) };
  }

  @Roles('TEACHER', 'ADMIN')
  @Mutation(() => ClassPayload, { description: 'Adds a teacher of the same school to the class' })
  async addClassTeacher(@CurrentUser() viewer: Viewer, @Args('input') input: AddClassTeacherInput) {
    return { class: await this.classesService.addTeacher(viewer, input) };
  }

  @Roles('TEACHER', 'ADMIN')
  @Mutation(() => ClassPayload, { description: 'Archives the class at the end of the year; its pupils can no longer sign in with it' })
  async archiveClass(@CurrentUser() viewer: Viewer, @Args('input') input: ArchiveClassInput) {
    return { class: await this.classesService.archive(viewer, input) };
  }

  @Roles('TEACHER', 'ADMIN')
  @Mutation(() => AddPupilPayload)
  addPupil(@CurrentUser() viewer: Viewer, @Args('input') input: AddPupilInput) {
    return this.classesService.addPupil(viewer, input);
  }

  @Roles('TEACHER', 'ADMIN')
  @Mutation(() => ImportRosterPayload, { description: 'Adds every pupil of a roster CSV, or, if any row has a problem, none' })
  importRoster(@CurrentUser() viewer: Viewer, @Args('input') input: ImportRosterInput) {
    return this.classesService.importRoster(viewer, input);
  }

  @Roles('TEACHER', 'ADMIN')
  @Mutation(() => ResetPupilCodePayload, { description: "Gives a pupil a new code and ends the pupil's sessions" })
  resetPupilCode(@CurrentUser() viewer: Viewer, @Args('input') input: ResetPupilCodeInput) {
    return this.classesService.resetPupilCode(viewer, input);
  }
}
