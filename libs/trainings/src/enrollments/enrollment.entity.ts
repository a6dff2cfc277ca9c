import { randomUUID } from 'node:crypto';
import {
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  OptionalProps,
  PrimaryKey,
  Property,
  Ref,
  Unique,
} from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Person } from '@platform/directory';
import type { AttendanceMark } from '../attendance/attendance-mark.entity';
import { TrainingEvent } from '../events/training-event.entity';

export enum EnrollmentStatus {
  ENROLLED = 'ENROLLED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(EnrollmentStatus, { name: 'EnrollmentStatus' });

@ObjectType({ description: 'A trainee enrolled in a training event.' })
@Entity()
@Unique({ properties: ['event', 'person'] })
@Index({ properties: ['person'] })
export class Enrollment {
  [OptionalProps]?: 'status' | 'enrolledAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => TrainingEvent, ref: true, deleteRule: 'cascade' })
  event!: Ref<TrainingEvent>;

  @ManyToOne({ entity: () => Person, ref: true })
  person!: Ref<Person>;

  @Field(() => EnrollmentStatus)
  @Enum({ items: () => EnrollmentStatus, type: 'string', length: 20 })
  status: EnrollmentStatus = EnrollmentStatus.ENROLLED;

  @Field()
  @Property({ type: 'datetime' })
  enrolledAt: Date = new Date();

  @OneToMany({ entity: 'AttendanceMark', mappedBy: 'enrollment' })
  marks = new Collection<AttendanceMark>(this);
}
