import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { FilePurpose } from './stored-file.entity';

export const FilePurposeEnum = { WORK_ATTACHMENT: 'WORK_ATTACHMENT', COLLECTION_IMAGE: 'COLLECTION_IMAGE' } as const satisfies Record<FilePurpose, FilePurpose>;
registerEnumType(FilePurposeEnum, {
  name: 'FilePurpose',
  valuesMap: {
    WORK_ATTACHMENT: { description: "A photo, drawing, recording or PDF for a pupil's work: pupils and teachers" },
    COLLECTION_IMAGE: { description: 'An image of a collection object: museum educators; images only' },
  },
});

@InputType()
export class RequestUploadInput {
  @Field(() => FilePurposeEnum)
  purpose: FilePurpose;
}

@ObjectType({ description: 'Permission to send one file: POST its bytes to uploadUrl with the header X-Upload-Ticket' })
export class RequestUploadPayload {
  @Field({ description: 'Single use; sent as the X-Upload-Ticket header' })
  ticket: string;

  @Field()
  uploadUrl: string;

  @Field(() => Int, { description: 'Larger files are refused (413 PAYLOAD_TOO_LARGE)' })
  maxBytes: number;

  @Field(() => Date)
  expiresAt: Date;
}

@ObjectType({ description: 'An image of a collection object; the files are public' })
export class CollectionImage {
  @Field(() => ID)
  fileId: string;

  @Field()
  url: string;

  @Field(() => String, { nullable: true })
  thumbnailUrl: string | null;

  @Field(() => Int, { nullable: true })
  width: number | null;

  @Field(() => Int, { nullable: true })
  height: number | null;

  @Field(() => String, { nullable: true })
  caption: string | null;
}

@InputType()
export class AddCollectionObjectImageInput {
  @Field(() => ID)
  objectId: string;

  @Field(() => ID, { description: 'A file uploaded with purpose COLLECTION_IMAGE by an educator of the same museum' })
  fileId: string;

  @Field(() => String, { nullable: true })
  caption?: string | null;
}

@InputType()
export class RemoveCollectionObjectImageInput {
  @Field(() => ID)
  objectId: string;

  @Field(() => ID)
  fileId: string;
}

/** What the upload endpoint answers. */
export interface UploadedFile {
  fileId: string;
  contentType: string;
  sizeBytes: number;
  thumbnail: boolean;
}

export const fileUrl = (id: string) => `/files/${id}`;
export const thumbnailUrl = (id: string) => `/files/${id}/thumbnail`;
