import { CollectionObjectEntity } from '../collection/collection-object.entity';
import { UserEntity } from '../identity/user.entity';
import { CohortPupilEntity } from '../schools/cohort-pupil.entity';
import { CohortTeacherEntity } from '../schools/cohort-teacher.entity';
import { CohortEntity } from '../schools/cohort.entity';
import { MuseumEntity } from '../schools/museum.entity';
import { SchoolEntity } from '../schools/school.entity';

/** Every entity of the product; the data source and the migration generator both read this list. */
export const ENTITIES = [
  MuseumEntity,
  SchoolEntity,
  CohortEntity,
  CohortTeacherEntity,
  CohortPupilEntity,
  UserEntity,
  CollectionObjectEntity,
];
