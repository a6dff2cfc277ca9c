import { ConferencesModule } from '@platform/conferences';
import { DirectoryModule } from '@platform/directory';
import { DocumentsModule } from '@platform/documents';
import { AttendanceReport } from './attendance/attendance-report';
import { AttendanceReportController } from './attendance/attendance-report.controller';
import { TrainingEventCertificates } from './events/training-event-certificates';
import { TrainingPeople } from './training-people';
import { Module } from '@nestjs/common';
import { AttendanceService } from './attendance/attendance.service';
import { EnrollmentsService } from './enrollments/enrollments.service';
import { TrainingEventsService } from './events/training-events.service';
import { RosterImportService } from './enrollments/roster-import.service';
import { ProgrammesService } from './programmes/programmes.service';
import { IndicatorsController } from './indicators/indicators.controller';
import { IndicatorsResolver } from './indicators/indicators.resolver';
import { IndicatorFacts } from './indicators/indicator-facts';
import { IndicatorsService } from './indicators/indicators.service';
import { ImplementedRecommendations } from './recommendations/implemented-recommendations';
import {
  EventRecommendationsResolver,
  ProgrammeRecommendationsResolver,
} from './recommendations/implemented-recommendations.resolver';
import { RosterController } from './roster.controller';
import { TrainingAccess } from './training-access';
import {
  AttendanceChangesResolver,
  AttendanceResolver,
  EnrollmentMarksResolver,
  EventRosterResolver,
} from './attendance/attendance.resolver';
import { EnrollmentsResolver } from './enrollments/enrollments.resolver';
import { TrainingEventsResolver } from './events/training-events.resolver';
import { OutcomeSources } from './outcomes/outcome-sources';
import { DonorReport } from './donor-report/donor-report';
import { DonorReportController } from './donor-report/donor-report.controller';
import { ProgrammeOutcomes } from './targets/programme-outcomes';
import { ProgrammeTargetsService } from './targets/programme-targets.service';
import { ProgrammeTargetsResolver } from './targets/targets.resolver';
import { ProgrammesResolver } from './programmes/programmes.resolver';
import { KnowledgeController } from './knowledge/knowledge.controller';
import { KnowledgeResultsService } from './knowledge/knowledge-results';
import { KnowledgeTestsService } from './knowledge/knowledge-tests.service';
import {
  EnrollmentKnowledgeResolver,
  KnowledgeResultsResolver,
  KnowledgeTestsResolver,
} from './knowledge/knowledge.resolver';
import { TrainerCascade } from './trainers/trainer-cascade';
import { TrainersResolver } from './trainers/trainers.resolver';

@Module({
  imports: [DirectoryModule, DocumentsModule, ConferencesModule],
  controllers: [
    RosterController,
    IndicatorsController,
    AttendanceReportController,
    KnowledgeController,
    DonorReportController,
  ],
  providers: [
    TrainingPeople,
    TrainingAccess,
    ProgrammesService,
    TrainingEventsService,
    EnrollmentsService,
    RosterImportService,
    AttendanceService,
    AttendanceReport,
    TrainingEventCertificates,
    ProgrammesResolver,
    TrainingEventsResolver,
    EnrollmentsResolver,
    AttendanceResolver,
    EventRosterResolver,
    EnrollmentMarksResolver,
    AttendanceChangesResolver,
    IndicatorsService,
    IndicatorFacts,
    IndicatorsResolver,
    OutcomeSources,
    KnowledgeTestsService,
    KnowledgeResultsService,
    KnowledgeTestsResolver,
    EnrollmentKnowledgeResolver,
    KnowledgeResultsResolver,
    TrainerCascade,
    TrainersResolver,
    ImplementedRecommendations,
    ProgrammeRecommendationsResolver,
    EventRecommendationsResolver,
    ProgrammeOutcomes,
    ProgrammeTargetsService,
    ProgrammeTargetsResolver,
    DonorReport,
  ],
  exports: [
    TrainingAccess,
    EnrollmentsService,
    AttendanceService,
    IndicatorsService,
    OutcomeSources,
    KnowledgeResultsService,
  ],
})
export class TrainingsModule {}
