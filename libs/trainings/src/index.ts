export * from './attendance/attendance-mark.entity';
export * from './attendance/attendance.service';
export * from './attendance/completion';
export * from './enrollments/enrollment.entity';
export * from './enrollments/enrollment-confirmed.email';
export * from './enrollments/dto/roster-import';
export * from './enrollments/enrollments.service';
export * from './enrollments/roster-import.service';
export * from './events/training-event.entity';
export * from './indicators/indicator-fact.entity';
export * from './indicators/indicator-facts';
export * from './indicators/indicators-sql';
export * from './indicators/indicators.service';
export * from './indicators/indicators.types';
export * from './outcomes/outcome-sources';
export * from './knowledge/knowledge-test.entity';
export * from './knowledge/knowledge-results';
export * from './knowledge/knowledge-tests.service';
export * from './knowledge/knowledge.types';
export * from './programmes/training-programme.entity';
export * from './trainers/trainer-cascade';
export * from './trainers/trainers.types';
export * from './recommendations/implemented-recommendation.entity';
export * from './targets/programme-target.entity';
export * from './targets/targets.types';
export * from './training-access';
export * from './training-error-code';
export * from './trainings.module';

import { AttendanceChange, AttendanceMark } from './attendance/attendance-mark.entity';
import { Enrollment } from './enrollments/enrollment.entity';
import { ImplementedRecommendation } from './recommendations/implemented-recommendation.entity';
import { EventTrainer, TrainingEvent } from './events/training-event.entity';
import { IndicatorFact } from './indicators/indicator-fact.entity';
import {
  KnowledgeAttempt,
  KnowledgeQuestion,
  KnowledgeTest,
} from './knowledge/knowledge-test.entity';
import {
  ProgrammeFunder,
  ProgrammeOrganizer,
  TrainingProgramme,
} from './programmes/training-programme.entity';
import { ProgrammeTarget } from './targets/programme-target.entity';

export const trainingEntities = [
  TrainingProgramme,
  ProgrammeFunder,
  ProgrammeOrganizer,
  TrainingEvent,
  EventTrainer,
  Enrollment,
  AttendanceMark,
  AttendanceChange,
  IndicatorFact,
  KnowledgeTest,
  KnowledgeQuestion,
  KnowledgeAttempt,
  ImplementedRecommendation,
  ProgrammeTarget,
];
