import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MailTemplate } from './mail-catalog';

/**
 * An edition's own wording of a message in one language (validated when saved); the
 * outbox uses it for the edition's mail (see MailWordings).
 */
@ObjectType()
@Entity()
@Unique({ properties: ['editionId', 'template', 'language'] })
export class TemplateOverride {
  [OptionalProps]?: 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  editionId!: string;

  @Field(() => MailTemplate)
  @Property({ type: 'string', length: 40 })
  template!: MailTemplate;

  @Field()
  @Property({ type: 'string', length: 2 })
  language!: string;

  @Field()
  @Property({ type: 'string', length: 300 })
  subject!: string;

  @Field()
  @Property({ type: 'text' })
  body!: string;

  @Field()
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
