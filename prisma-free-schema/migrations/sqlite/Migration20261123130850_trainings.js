'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261123130850_trainings extends Migration {

  async up() {
    this.addSql(`create table \`training_programme\` (\`id\` text not null, \`title\` text not null, \`description\` text null, \`owner_id\` text not null, \`target_categories\` json not null, \`topics\` json not null, \`created_at\` datetime not null, constraint \`training_programme_owner_id_foreign\` foreign key(\`owner_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`training_programme_owner_id_index\` on \`training_programme\` (\`owner_id\`);`);
    this.addSql(`create table \`training_event\` (\`id\` text not null, \`programme_id\` text not null, \`title\` text not null, \`country\` text not null, \`region\` text not null, \`city\` text not null, \`venue\` text null, \`start_date\` text not null, \`end_date\` text not null, \`day_count\` integer not null, \`capacity\` integer null, \`language\` text check (\`language\` in ('en', 'ru', 'uz')) not null default 'ru', \`completion_min_days\` integer null, \`completion_min_percent\` integer null, \`excused_counts\` integer not null default false, \`created_at\` datetime not null, constraint \`training_event_programme_id_foreign\` foreign key(\`programme_id\`) references \`training_programme\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`training_event_programme_id_index\` on \`training_event\` (\`programme_id\`);`);
    this.addSql(`create index \`training_event_programme_id_start_date_index\` on \`training_event\` (\`programme_id\`, \`start_date\`);`);
    this.addSql(`create table \`programme_organizer\` (\`id\` text not null, \`programme_id\` text not null, \`user_id\` text not null, constraint \`programme_organizer_programme_id_foreign\` foreign key(\`programme_id\`) references \`training_programme\`(\`id\`) on delete cascade on update cascade, constraint \`programme_organizer_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`programme_organizer_programme_id_index\` on \`programme_organizer\` (\`programme_id\`);`);
    this.addSql(`create index \`programme_organizer_user_id_index\` on \`programme_organizer\` (\`user_id\`);`);
    this.addSql(`create unique index \`programme_organizer_programme_id_user_id_unique\` on \`programme_organizer\` (\`programme_id\`, \`user_id\`);`);
    this.addSql(`create table \`programme_funder\` (\`id\` text not null, \`programme_id\` text not null, \`organization_id\` text not null, constraint \`programme_funder_programme_id_foreign\` foreign key(\`programme_id\`) references \`training_programme\`(\`id\`) on delete cascade on update cascade, constraint \`programme_funder_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`programme_funder_programme_id_index\` on \`programme_funder\` (\`programme_id\`);`);
    this.addSql(`create index \`programme_funder_organization_id_index\` on \`programme_funder\` (\`organization_id\`);`);
    this.addSql(`create unique index \`programme_funder_programme_id_organization_id_unique\` on \`programme_funder\` (\`programme_id\`, \`organization_id\`);`);
    this.addSql(`create table \`event_trainer\` (\`id\` text not null, \`event_id\` text not null, \`user_id\` text not null, constraint \`event_trainer_event_id_foreign\` foreign key(\`event_id\`) references \`training_event\`(\`id\`) on delete cascade on update cascade, constraint \`event_trainer_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`event_trainer_event_id_index\` on \`event_trainer\` (\`event_id\`);`);
    this.addSql(`create index \`event_trainer_user_id_index\` on \`event_trainer\` (\`user_id\`);`);
    this.addSql(`create unique index \`event_trainer_event_id_user_id_unique\` on \`event_trainer\` (\`event_id\`, \`user_id\`);`);
    this.addSql(`create table \`enrollment\` (\`id\` text not null, \`event_id\` text not null, \`person_id\` text not null, \`status\` text check (\`status\` in ('ENROLLED', 'WITHDRAWN')) not null default 'ENROLLED', \`enrolled_at\` datetime not null, constraint \`enrollment_event_id_foreign\` foreign key(\`event_id\`) references \`training_event\`(\`id\`) on delete cascade on update cascade, constraint \`enrollment_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`enrollment_event_id_index\` on \`enrollment\` (\`event_id\`);`);
    this.addSql(`create index \`enrollment_person_id_index\` on \`enrollment\` (\`person_id\`);`);
    this.addSql(`create unique index \`enrollment_event_id_person_id_unique\` on \`enrollment\` (\`event_id\`, \`person_id\`);`);
    this.addSql(`create table \`attendance_mark\` (\`id\` text not null, \`enrollment_id\` text not null, \`day\` text not null, \`status\` text check (\`status\` in ('PRESENT', 'LATE', 'EXCUSED', 'ABSENT')) not null, \`remark\` text null, \`marked_by_id\` text not null, \`marked_at\` datetime not null, constraint \`attendance_mark_enrollment_id_foreign\` foreign key(\`enrollment_id\`) references \`enrollment\`(\`id\`) on delete cascade on update cascade, constraint \`attendance_mark_marked_by_id_foreign\` foreign key(\`marked_by_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`attendance_mark_enrollment_id_index\` on \`attendance_mark\` (\`enrollment_id\`);`);
    this.addSql(`create index \`attendance_mark_marked_by_id_index\` on \`attendance_mark\` (\`marked_by_id\`);`);
    this.addSql(`create unique index \`attendance_mark_enrollment_id_day_unique\` on \`attendance_mark\` (\`enrollment_id\`, \`day\`);`);
    this.addSql(`create table \`attendance_change\` (\`id\` text not null, \`enrollment_id\` text not null, \`day\` text not null, \`previous_status\` text check (\`previous_status\` in ('PRESENT', 'LATE', 'EXCUSED', 'ABSENT')) null, \`status\` text check (\`status\` in ('PRESENT', 'LATE', 'EXCUSED', 'ABSENT')) not null, \`remark\` text null, \`changed_by_id\` text not null, \`changed_at\` datetime not null, constraint \`attendance_change_enrollment_id_foreign\` foreign key(\`enrollment_id\`) references \`enrollment\`(\`id\`) on delete cascade on update cascade, constraint \`attendance_change_changed_by_id_foreign\` foreign key(\`changed_by_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`attendance_change_enrollment_id_index\` on \`attendance_change\` (\`enrollment_id\`);`);
    this.addSql(`create index \`attendance_change_changed_by_id_index\` on \`attendance_change\` (\`changed_by_id\`);`);
    this.addSql(`create index \`attendance_change_enrollment_id_day_index\` on \`attendance_change\` (\`enrollment_id\`, \`day\`);`);
  }

}
exports.Migration20261123130850_trainings = Migration20261123130850_trainings;
