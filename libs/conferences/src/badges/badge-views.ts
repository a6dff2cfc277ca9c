import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RegistrationStatus } from '../registrations/registration.entity';
import { BadgeRole } from './badge.entity';

@ObjectType('Badge', { description: "A registration's accreditation badge, as it prints." })
export class BadgeView {
  @Field(() => ID)
  registrationId!: string;

  @Field(() => RegistrationStatus)
  registrationStatus!: RegistrationStatus;

  @Field({ description: 'The name as entered.' })
  name!: string;

  @Field({ nullable: true })
  nameLatin?: string;

  @Field({ nullable: true })
  nameCyrillic?: string;

  @Field({ nullable: true })
  organization?: string;

  @Field({
    nullable: true,
    description: "The delegation's country or organization, in the reader's language.",
  })
  delegation?: string;

  @Field(() => ID, { nullable: true })
  delegationId?: string;

  @Field(() => BadgeRole, {
    description: 'The role printed: set by the organizers, or the default.',
  })
  role!: BadgeRole;

  @Field({ description: 'Whether the organizers set the role (else it is the default).' })
  roleSet!: boolean;

  @Field({ nullable: true, description: 'The photo (an access-checked route), when there is one.' })
  photoUrl?: string;

  @Field({ description: 'The badge as an A6 PDF (an access-checked route).' })
  pdfUrl!: string;

  @Field(() => Int, { description: 'How many times the badge was revoked and its QR replaced.' })
  revocations!: number;

  @Field({ nullable: true })
  revokedAt?: Date;

  @Field(() => Int, { description: 'Times printed: the first print and every reprint.' })
  printCount!: number;

  @Field({ nullable: true })
  firstPrintedAt?: Date;

  @Field({ nullable: true })
  lastPrintedAt?: Date;
}

@ObjectType({ description: 'What a badge scan did: who it is and when they came in.' })
export class BadgeCheckIn {
  @Field(() => ID)
  registrationId!: string;

  @Field({ description: 'The name as entered.' })
  name!: string;

  @Field({ nullable: true })
  nameLatin?: string;

  @Field({ nullable: true })
  nameCyrillic?: string;

  @Field({ nullable: true, description: 'The photo (an access-checked route), when there is one.' })
  photoUrl?: string;

  @Field({ nullable: true })
  organization?: string;

  @Field({ nullable: true })
  delegation?: string;

  @Field(() => BadgeRole)
  role!: BadgeRole;

  @Field({ description: 'The day checked in for, YYYY-MM-DD in the edition’s time zone.' })
  day!: string;

  @Field()
  checkedInAt!: Date;

  @Field({ description: "HH:MM of the check-in in the edition's time zone." })
  time!: string;

  @Field({ description: 'True when this scan found the person already checked in that day.' })
  alreadyCheckedIn!: boolean;

  @Field({ description: 'e.g. "Already checked in at 09:12", in the reader’s language.' })
  message!: string;
}

@ObjectType()
export class BadgeCountGroup {
  @Field({ description: 'The delegation id, or the delegation country code without one.' })
  key!: string;

  @Field()
  label!: string;

  @Field(() => Int)
  checkedIn!: number;

  @Field(() => Int)
  expected!: number;
}

@ObjectType({ description: 'Who is in on one day: checked in against expected (seated).' })
export class BadgeCheckInCount {
  @Field({ description: 'YYYY-MM-DD' })
  day!: string;

  @Field(() => Int)
  checkedIn!: number;

  @Field(() => Int, { description: 'Registered or confirmed people.' })
  expected!: number;

  @Field(() => [BadgeCountGroup], { description: 'By delegation, largest first.' })
  byDelegation!: BadgeCountGroup[];
}
