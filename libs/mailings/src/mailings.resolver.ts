import {
  Args,
  Field,
  ID,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Actor, Connection, CurrentActor, eventIdsOf, IdArg, Paginated } from '@platform/core';
import { OutboxMessage } from '@platform/mail';
import {
  MailingInput,
  MailingPreview,
  MailingResult,
  OutboxArgs,
  TemplateOverrideInput,
} from './dto/mailing.input';
import { EditionWordings } from './edition-wordings.service';
import { MAIL_MESSAGES, MailTemplate } from './mail-catalog';
import { Mailings } from './mailings.service';
import { OutboxAdmin } from './outbox-admin.service';
import { TemplateOverride } from './template-override.entity';

const OutboxConnection = Paginated(OutboxMessage);

@ObjectType()
class Placeholder {
  @Field() name!: string;
  @Field() description!: string;
}

@ObjectType()
class TemplateWording {
  @Field() language!: string;
  @Field() subject!: string;
  @Field() body!: string;
}

@ObjectType({ description: 'A template: its placeholders and its default wording per language.' })
class MailTemplateInfo {
  @Field(() => MailTemplate) template!: MailTemplate;
  @Field(() => [Placeholder]) placeholders!: Placeholder[];
  @Field(() => [TemplateWording]) defaults!: TemplateWording[];
}

@Resolver()
export class MailingsResolver {
  constructor(
    private readonly mailings: Mailings,
    private readonly admin: OutboxAdmin,
    private readonly wordings: EditionWordings,
  ) {}

  @Query(() => MailingPreview, {
    description:
      'The message the first recipient would get and how many would get one; queues nothing.',
  })
  previewMailing(
    @CurrentActor() actor: Actor,
    @Args('input') input: MailingInput,
  ): Promise<MailingPreview> {
    return this.mailings.preview(actor, input);
  }

  @Mutation(() => MailingResult, {
    description: 'Queues the mail for everyone in the audience, once.',
  })
  sendMailing(
    @CurrentActor() actor: Actor,
    @Args('input') input: MailingInput,
  ): Promise<MailingResult> {
    return this.mailings.send(actor, input);
  }

  @Query(() => OutboxConnection)
  outbox(
    @CurrentActor() actor: Actor,
    @Args() { filter, ...page }: OutboxArgs,
  ): Promise<Connection<OutboxMessage>> {
    return this.admin.list(actor, filter, page);
  }

  @Mutation(() => OutboxMessage, { description: 'Sends a failed message again.' })
  retryMail(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<OutboxMessage> {
    return this.admin.retry(actor, id);
  }

  @Query(() => [MailTemplateInfo])
  mailTemplates(@CurrentActor() actor: Actor): MailTemplateInfo[] {
    actor.requireUserId();
    return MAIL_MESSAGES.map((message) => ({
      template: message.name,
      placeholders: Object.entries(message.placeholders).map(([name, description]) => ({
        name,
        description,
      })),
      defaults: Object.entries(message.texts).map(([language, text]) => ({
        language,
        ...text,
      })),
    }));
  }

  @Query(() => [TemplateOverride])
  templateOverrides(
    @CurrentActor() actor: Actor,
    @IdArg('editionId') editionId: string,
  ): Promise<TemplateOverride[]> {
    return this.wordings.list(actor, editionId);
  }

  @Mutation(() => TemplateOverride, {
    description: "Sets an edition's wording of a template; unknown placeholders are refused here.",
  })
  setTemplateOverride(
    @CurrentActor() actor: Actor,
    @Args('input') input: TemplateOverrideInput,
  ): Promise<TemplateOverride> {
    return this.wordings.set(actor, input);
  }

  @Mutation(() => Boolean)
  removeTemplateOverride(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<boolean> {
    return this.wordings.remove(actor, id);
  }
}

/** The outbox's fields that speak the platform's words: the message's name, the event's ids. */
@Resolver(() => OutboxMessage)
export class OutboxMessageResolver {
  @ResolveField(() => MailTemplate)
  template(@Parent() message: OutboxMessage): MailTemplate {
    return message.template;
  }

  @ResolveField(() => ID, { nullable: true })
  editionId(@Parent() message: OutboxMessage): string | undefined {
    return eventIdsOf(aboutOf(message)).editionId;
  }

  @ResolveField(() => ID, { nullable: true })
  trainingEventId(@Parent() message: OutboxMessage): string | undefined {
    return eventIdsOf(aboutOf(message)).trainingEventId;
  }
}

function aboutOf(message: OutboxMessage) {
  return message.aboutKind && message.aboutId
    ? { kind: message.aboutKind, id: message.aboutId }
    : null;
}
