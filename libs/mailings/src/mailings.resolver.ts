import { Args, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Actor, Connection, CurrentActor, IdArg, Paginated } from '@platform/core';
import {
  DEFAULT_TEXTS,
  MailTemplate,
  OutboxMessage,
  PLACEHOLDERS,
  TemplateOverride,
} from '@platform/mail';
import {
  MailingInput,
  MailingPreview,
  MailingResult,
  OutboxArgs,
  TemplateOverrideInput,
} from './dto/mailing.input';
import { Mailings } from './mailings.service';
import { OutboxAdmin } from './outbox-admin.service';

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
    return Object.values(MailTemplate).map((template) => ({
      template,
      placeholders: Object.entries(PLACEHOLDERS[template]).map(([name, description]) => ({
        name,
        description,
      })),
      defaults: Object.entries(DEFAULT_TEXTS[template]).map(([language, text]) => ({
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
    return this.admin.overrides(actor, editionId);
  }

  @Mutation(() => TemplateOverride, {
    description: "Sets an edition's wording of a template; unknown placeholders are refused here.",
  })
  setTemplateOverride(
    @CurrentActor() actor: Actor,
    @Args('input') input: TemplateOverrideInput,
  ): Promise<TemplateOverride> {
    return this.admin.setOverride(actor, input);
  }

  @Mutation(() => Boolean)
  removeTemplateOverride(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<boolean> {
    return this.admin.removeOverride(actor, id);
  }
}
