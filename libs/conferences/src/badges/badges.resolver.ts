import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, readerLanguage } from '@platform/core';
import {
  BadgeArgs,
  BadgeCountArgs,
  BadgePhotoArgs,
  CheckInByBadgeArgs,
  EditionBadgesArgs,
  SetBadgeRoleArgs,
} from './dto/badge.args';
import { BadgeCheckIn, BadgeCheckInCount, BadgeView } from './badge-views';
import { BadgesService } from './badges.service';

@Resolver(() => BadgeView)
export class BadgesResolver {
  constructor(private readonly service: BadgesService) {}

  @Query(() => BadgeView, {
    description:
      "A registration's badge: for the person, the focal points of their delegation and the organizers.",
  })
  badge(
    @CurrentActor() actor: Actor,
    @Args() { registrationId }: BadgeArgs,
    @Context() context: unknown,
  ): Promise<BadgeView> {
    return this.service.view(actor, registrationId, readerLanguage(context));
  }

  @Query(() => [BadgeView], {
    description:
      "The badges of an edition's registered and confirmed people (organizers), or of one delegation's (its focal points too).",
  })
  badges(
    @CurrentActor() actor: Actor,
    @Args() { editionId, delegationId }: EditionBadgesArgs,
    @Context() context: unknown,
  ): Promise<BadgeView[]> {
    return this.service.list(actor, editionId, delegationId, readerLanguage(context));
  }

  @Query(() => BadgeCheckInCount, {
    description: 'Organizers: who is in on a day (today by default), by delegation.',
  })
  badgeCheckInCount(
    @CurrentActor() actor: Actor,
    @Args() { editionId, day }: BadgeCountArgs,
    @Context() context: unknown,
  ): Promise<BadgeCheckInCount> {
    return this.service.count(actor, editionId, day, readerLanguage(context));
  }

  @Mutation(() => BadgeCheckIn, {
    description:
      "Organizers: checks in the person whose badge QR was scanned, for the scan's day. A forged or another edition's token is refused (BAD_USER_INPUT, reason BADGE_INVALID), a revoked one with BADGE_REVOKED; a second scan says since when they are in.",
  })
  checkInByBadge(
    @CurrentActor() actor: Actor,
    @Args() { editionId, token, scannedAt }: CheckInByBadgeArgs,
    @Context() context: unknown,
  ): Promise<BadgeCheckIn> {
    return this.service.checkInByBadge(actor, editionId, token, scannedAt, readerLanguage(context));
  }

  @Mutation(() => BadgeView, { description: 'Organizers: the role the badge prints.' })
  setBadgeRole(
    @CurrentActor() actor: Actor,
    @Args() { registrationId, role }: SetBadgeRoleArgs,
    @Context() context: unknown,
  ): Promise<BadgeView> {
    return this.service.setRole(actor, registrationId, role, readerLanguage(context));
  }

  @Mutation(() => BadgeView, {
    description:
      'The person, a focal point of their delegation or the organizers: the badge photo.',
  })
  uploadBadgePhoto(
    @CurrentActor() actor: Actor,
    @Args() { registrationId, photo }: BadgePhotoArgs,
    @Context() context: unknown,
  ): Promise<BadgeView> {
    return this.service.setPhoto(actor, registrationId, photo, readerLanguage(context));
  }

  @Mutation(() => BadgeView)
  removeBadgePhoto(
    @CurrentActor() actor: Actor,
    @Args() { registrationId }: BadgeArgs,
    @Context() context: unknown,
  ): Promise<BadgeView> {
    return this.service.removePhoto(actor, registrationId, readerLanguage(context));
  }

  @Mutation(() => BadgeView, {
    description:
      'Organizers: a lost or misused badge. Its QR code stops checking anyone in; the next print carries a new one.',
  })
  revokeBadge(
    @CurrentActor() actor: Actor,
    @Args() { registrationId }: BadgeArgs,
    @Context() context: unknown,
  ): Promise<BadgeView> {
    return this.service.revoke(actor, registrationId, readerLanguage(context));
  }

  @Mutation(() => Int, {
    description:
      'Organizers: mails every registered and confirmed person (of the edition or one delegation) their badge as a PDF, in their language. Returns how many mails were queued; a badge already mailed is not sent again until it is revoked.',
  })
  sendBadges(
    @CurrentActor() actor: Actor,
    @Args() { editionId, delegationId }: EditionBadgesArgs,
  ): Promise<number> {
    return this.service.send(actor, editionId, delegationId);
  }
}
