import { Module } from '@nestjs/common';
import { AttendanceService } from './attendance/attendance.service';
import { EnrollmentsService } from './enrollments/enrollments.service';
import { TrainingEventsService } from './events/training-events.service';
import { ProgrammesService } from './programmes/programmes.service';
import { RosterController } from './roster.controller';
import { TrainingAccess } from './training-access';
import {
  EnrollmentsResolver,
  ProgrammesResolver,
  TrainingEventsResolver,
} from './trainings.resolver';

@Module({
  controllers: [RosterController],
  providers: [
    TrainingAccess,
    ProgrammesService,
    TrainingEventsService,
    EnrollmentsService,
    AttendanceService,
    ProgrammesResolver,
    TrainingEventsResolver,
    EnrollmentsResolver,
  ],
  exports: [TrainingAccess, EnrollmentsService, AttendanceService],
})
export class TrainingsModule {}
