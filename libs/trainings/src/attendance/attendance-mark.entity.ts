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
  Unique,
} from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { User } from '@platform/accounts';
import { Enrollment } from '../enrollments/enrollment.entity';

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  LATE = 'LATE',
  EXCUSED = 'EXCUSED',
  ABSENT = 'ABSENT',
}
registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  description: 'LATE counts as attended.',
});

/** The one current mark of an enrollment for one day; earlier marks live in AttendanceChange. */
@ObjectType()
@Entity()
@Unique({ properties: ['enrollment', 'day'] })
export class AttendanceMark {
  [OptionalProps]?: 'markedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Enrollment, ref: true, deleteRule: 'cascade' })
  enrollment!: Ref<Enrollment>;

  @Field({ description: 'YYYY-MM-DD' })
  @Property({ type: 'string', length: 10 })
  day!: string;

  @Field(() => AttendanceStatus)
  @Enum({ items: () => AttendanceStatus, type: 'string', length: 10 })
  status!: AttendanceStatus;

  @Field({ nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  remark?: string;

  @ManyToOne({ entity: () => User, ref: true })
  markedBy!: Ref<User>;

  @Field()
  @Property({ type: 'datetime' })
  markedAt: Date = new Date();
}

@ObjectType({
  description: 'Who set or changed a mark: the account and its person’s name, never its email.',
})
export class MarkAuthor {
  @Field(() => ID, { description: 'The account.' })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: "The full name of the account's person; null for an account without one.",
  })
  name!: string | null;
}

/** Who set which mark when: every mark and every correction, never rewritten. */
@ObjectType()
@Entity()
@Index({ properties: ['enrollment', 'day'] })
export class AttendanceChange {
  [OptionalProps]?: 'changedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Enrollment, ref: true, deleteRule: 'cascade' })
  enrollment!: Ref<Enrollment>;

  @Field()
  @Property({ type: 'string', length: 10 })
  day!: string;

  @Field(() => AttendanceStatus, {
    nullable: true,
    description: 'Null for the first mark of the day.',
  })
  @Enum({ items: () => AttendanceStatus, type: 'string', length: 10, nullable: true })
  previousStatus?: AttendanceStatus;

  @Field(() => AttendanceStatus)
  @Enum({ items: () => AttendanceStatus, type: 'string', length: 10 })
  status!: AttendanceStatus;

  @Field({ nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  remark?: string;

  /** Exposed as a MarkAuthor (attendance.resolver.ts), not as the account itself. */
  @ManyToOne({ entity: () => User, ref: true })
  changedBy!: Ref<User>;

  @Field({ description: 'When the mark was set or changed.' })
  @Property({ type: 'datetime' })
  changedAt: Date = new Date();
}
