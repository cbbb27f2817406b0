import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: "The notifications to mark read; null marks all of the viewer's" })
  ids?: string[] | null;
}
