export * from './mailings.module';
export * from './mailings.service';
export * from './outbox-admin.service';
export * from './reminders';
