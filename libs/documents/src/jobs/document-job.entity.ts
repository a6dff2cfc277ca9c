import { randomUUID } from 'node:crypto';
import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Ref,
} from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { User } from '@platform/accounts';
import { EventKind, EventRef, eventIdsOf } from '@platform/core';
import { CertificateKind } from '../certificates/certificate.entity';

export enum DocumentJobStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(DocumentJobStatus, { name: 'DocumentJobStatus' });

/**
 * A bulk run of certificate PDFs, done in the background so the API stays responsive;
 * clients poll `documentJob(id)` for done / total.
 */
@ObjectType()
@Entity()
@Index({ properties: ['status'] })
export class DocumentJob {
  [OptionalProps]?: 'status' | 'done' | 'createdAt' | 'event' | 'editionId' | 'trainingEventId';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => CertificateKind)
  @Enum({ items: () => CertificateKind, type: 'string', length: 30 })
  certificateKind!: CertificateKind;

  @Enum({ items: () => EventKind, type: 'string', length: 20 })
  eventKind!: EventKind;

  @Property({ type: 'uuid' })
  eventId!: string;

  get event(): EventRef {
    return { kind: this.eventKind, id: this.eventId };
  }

  @Field(() => ID, { nullable: true })
  get editionId(): string | undefined {
    return eventIdsOf(this.event).editionId;
  }

  @Field(() => ID, { nullable: true })
  get trainingEventId(): string | undefined {
    return eventIdsOf(this.event).trainingEventId;
  }

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'set null' })
  requestedBy?: Ref<User>;

  @Field(() => DocumentJobStatus)
  @Enum({ items: () => DocumentJobStatus, type: 'string', length: 20 })
  status: DocumentJobStatus = DocumentJobStatus.QUEUED;

  @Field(() => Int, { description: 'Certificates newly issued by this run.' })
  @Property({ type: 'integer' })
  issued!: number;

  @Field(() => Int, { description: 'PDFs to render.' })
  @Property({ type: 'integer' })
  total!: number;

  @Field(() => Int, { description: 'PDFs rendered so far.' })
  @Property({ type: 'integer' })
  done: number = 0;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  error?: string;

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field({ nullable: true })
  @Property({ type: 'datetime', nullable: true })
  finishedAt?: Date;
}
