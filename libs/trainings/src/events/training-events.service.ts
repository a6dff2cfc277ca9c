import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { User } from '@platform/accounts';
import {
  Actor,
  Connection,
  periodDays,
  DomainError,
  PageArgs,
  paginate,
  PerRequest,
  EventKind,
  MissingTranslation,
  missingTranslationsOf,
  Role,
  translate,
  TranslationChange,
} from '@platform/core';
import { CertificatesService } from '@platform/documents';
import { Enrollment, EnrollmentStatus } from '../enrollments/enrollment.entity';
import { TrainingErrorCode } from '../training-error-code';
import { TrainingAccess } from '../training-access';
import { CreateTrainingEventInput, TrainingEventFilter } from './dto/training-event.input';
import { issuingOrganizations } from './training-event-certificates';
import { EventTrainer, TrainingEvent } from './training-event.entity';

@Injectable()
export class TrainingEventsService {
  private readonly enrolledCounts = new PerRequest<DataLoader<string, number>>();

  constructor(
    private readonly em: EntityManager,
    private readonly access: TrainingAccess,
    private readonly certificates: CertificatesService,
  ) {}

  async create(
    actor: Actor,
    programmeId: string,
    input: CreateTrainingEventInput,
  ): Promise<TrainingEvent> {
    const programme = await this.access.programme(actor, programmeId);
    const { completion, trainerIds = [], translations, ...fields } = input;
    const dayCount = periodDays(input.startDate, input.endDate, {
      maxDays: 60,
      what: 'an event',
    });
    if (completion?.minDays && completion.minDays > dayCount) {
      throw DomainError.invalid('completion.minDays', `the event has only ${dayCount} days`);
    }
    const trainers = await this.trainerAccounts(trainerIds);
    const event = this.em.create(TrainingEvent, {
      ...fields,
      programme,
      dayCount,
      completionMinDays: completion?.minDays,
      completionMinPercent: completion?.minPercent,
      excusedCounts: completion?.excusedCounts ?? false,
    });
    translate(event, translations);
    for (const user of trainers) this.em.create(EventTrainer, { event, user });
    await this.em.flush();
    return event;
  }

  /** Those who run the event add, change or remove the Russian and Uzbek versions of its texts. */
  async translate(
    actor: Actor,
    eventId: string,
    translations: TranslationChange[],
  ): Promise<TrainingEvent> {
    const event = await this.access.event(actor, eventId);
    translate(event, translations);
    await this.em.flush();
    return event;
  }

  /**
   * What is left to translate of what the event's readers see: the event, its programme,
   * its certificate settings and the organizations its certificates name by default. For
   * those who run it only (trainees reach the event through their enrollments).
   */
  async missingTranslations(actor: Actor, event: TrainingEvent): Promise<MissingTranslation[]> {
    if (!(await this.access.canRunEvent(actor, event))) {
      throw DomainError.forbidden(
        'Only the trainers of this event and the organizers of its programme see what is left to translate.',
      );
    }
    const programme = await event.programme.loadOrFail();
    const organizations = await issuingOrganizations(this.em, event.id);
    return [
      ...missingTranslationsOf('TrainingEvent', event),
      ...missingTranslationsOf('TrainingProgramme', programme),
      ...(await this.certificates.missingTranslations({
        kind: EventKind.TRAINING_EVENT,
        id: event.id,
      })),
      ...organizations.flatMap((organization) =>
        missingTranslationsOf('Organization', organization),
      ),
    ];
  }

  async assignTrainer(actor: Actor, eventId: string, userId: string): Promise<TrainingEvent> {
    const event = await this.access.event(actor, eventId);
    if (!(await this.access.canManageProgramme(actor, event.programme.id))) {
      throw DomainError.forbidden('Only the organizers of the programme assign trainers.');
    }
    const [user] = await this.trainerAccounts([userId], 'userId');
    if (!user) throw new Error(`trainerAccounts returned no account for ${userId}`);
    if (!(await this.em.count(EventTrainer, { event, user }))) {
      this.em.create(EventTrainer, { event, user });
      await this.em.flush();
    }
    return event;
  }

  async list(
    actor: Actor,
    filter: TrainingEventFilter = {},
    page: PageArgs = {},
  ): Promise<Connection<TrainingEvent>> {
    const startDate: { $gte?: string; $lte?: string } = {};
    if (filter.from) startDate.$gte = filter.from;
    if (filter.to) startDate.$lte = filter.to;
    const where = {
      $and: [
        await this.access.eventsWhere(actor),
        {
          programme: filter.programmeId,
          country: filter.country,
          region: filter.region,
          startDate: filter.from || filter.to ? startDate : undefined,
        },
      ],
    };
    return paginate(this.em, TrainingEvent, where, page, [{ startDate: 'desc' }, { id: 'asc' }]);
  }

  get(actor: Actor, eventId: string): Promise<TrainingEvent> {
    return this.access.event(actor, eventId);
  }

  /** Trainees enrolled (withdrawn excluded): one statement for all the events of a request. */
  async enrolledCount(actor: Actor, event: TrainingEvent): Promise<number> {
    const loader = await this.enrolledCounts.get(actor, async () => {
      return new DataLoader<string, number>(async (ids) => {
        const rows = await this.em.find(
          Enrollment,
          { event: { $in: [...ids] }, status: EnrollmentStatus.ENROLLED },
          { fields: ['event'], disableIdentityMap: true },
        );
        const counts = new Map<string, number>();
        for (const row of rows) counts.set(row.event.id, (counts.get(row.event.id) ?? 0) + 1);
        return ids.map((id) => counts.get(id) ?? 0);
      });
    });
    return loader.load(event.id);
  }

  async trainers(event: TrainingEvent): Promise<User[]> {
    const rows = await this.em.find(EventTrainer, { event }, { populate: ['user'] });
    return rows.map((row) => row.user.getEntity());
  }

  private async trainerAccounts(ids: string[], field = 'trainerIds'): Promise<User[]> {
    const users = await this.em.find(User, { id: { $in: ids } });
    for (const id of ids) {
      const user = users.find((u) => u.id === id);
      if (!user) throw DomainError.invalid(field, `no account with id "${id}"`);
      if (user.role !== Role.TRAINER) {
        throw DomainError.invalid(
          field,
          `${user.email} is not a trainer account`,
          TrainingErrorCode.NOT_A_TRAINER,
        );
      }
    }
    return users;
  }
}
