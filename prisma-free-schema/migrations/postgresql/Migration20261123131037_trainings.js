'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261123131037_trainings extends Migration {

  async up() {
    this.addSql(`create table "training_programme" ("id" uuid not null, "title" varchar(300) not null, "description" text null, "owner_id" uuid not null, "target_categories" jsonb not null, "topics" jsonb not null, "created_at" timestamptz not null, constraint "training_programme_pkey" primary key ("id"));`);

    this.addSql(`create table "training_event" ("id" uuid not null, "programme_id" uuid not null, "title" varchar(300) not null, "country" varchar(2) not null, "region" varchar(100) not null, "city" varchar(100) not null, "venue" varchar(300) null, "start_date" varchar(10) not null, "end_date" varchar(10) not null, "day_count" int not null, "capacity" int null, "language" text check ("language" in ('en', 'ru', 'uz')) not null default 'ru', "completion_min_days" int null, "completion_min_percent" int null, "excused_counts" boolean not null default false, "created_at" timestamptz not null, constraint "training_event_pkey" primary key ("id"));`);
    this.addSql(`create index "training_event_programme_id_start_date_index" on "training_event" ("programme_id", "start_date");`);

    this.addSql(`create table "enrollment" ("id" uuid not null, "event_id" uuid not null, "person_id" uuid not null, "status" text check ("status" in ('ENROLLED', 'WITHDRAWN')) not null default 'ENROLLED', "enrolled_at" timestamptz not null, constraint "enrollment_pkey" primary key ("id"));`);
    this.addSql(`create index "enrollment_person_id_index" on "enrollment" ("person_id");`);
    this.addSql(`alter table "enrollment" add constraint "enrollment_event_id_person_id_unique" unique ("event_id", "person_id");`);

    this.addSql(`create table "programme_funder" ("id" uuid not null, "programme_id" uuid not null, "organization_id" uuid not null, constraint "programme_funder_pkey" primary key ("id"));`);
    this.addSql(`alter table "programme_funder" add constraint "programme_funder_programme_id_organization_id_unique" unique ("programme_id", "organization_id");`);

    this.addSql(`create table "programme_organizer" ("id" uuid not null, "programme_id" uuid not null, "user_id" uuid not null, constraint "programme_organizer_pkey" primary key ("id"));`);
    this.addSql(`alter table "programme_organizer" add constraint "programme_organizer_programme_id_user_id_unique" unique ("programme_id", "user_id");`);

    this.addSql(`create table "event_trainer" ("id" uuid not null, "event_id" uuid not null, "user_id" uuid not null, constraint "event_trainer_pkey" primary key ("id"));`);
    this.addSql(`alter table "event_trainer" add constraint "event_trainer_event_id_user_id_unique" unique ("event_id", "user_id");`);

    this.addSql(`create table "attendance_mark" ("id" uuid not null, "enrollment_id" uuid not null, "day" varchar(10) not null, "status" text check ("status" in ('PRESENT', 'LATE', 'EXCUSED', 'ABSENT')) not null, "remark" varchar(500) null, "marked_by_id" uuid not null, "marked_at" timestamptz not null, constraint "attendance_mark_pkey" primary key ("id"));`);
    this.addSql(`alter table "attendance_mark" add constraint "attendance_mark_enrollment_id_day_unique" unique ("enrollment_id", "day");`);

    this.addSql(`create table "attendance_change" ("id" uuid not null, "enrollment_id" uuid not null, "day" varchar(10) not null, "previous_status" text check ("previous_status" in ('PRESENT', 'LATE', 'EXCUSED', 'ABSENT')) null, "status" text check ("status" in ('PRESENT', 'LATE', 'EXCUSED', 'ABSENT')) not null, "remark" varchar(500) null, "changed_by_id" uuid not null, "changed_at" timestamptz not null, constraint "attendance_change_pkey" primary key ("id"));`);
    this.addSql(`create index "attendance_change_enrollment_id_day_index" on "attendance_change" ("enrollment_id", "day");`);

    this.addSql(`alter table "training_programme" add constraint "training_programme_owner_id_foreign" foreign key ("owner_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "training_event" add constraint "training_event_programme_id_foreign" foreign key ("programme_id") references "training_programme" ("id") on update cascade;`);

    this.addSql(`alter table "enrollment" add constraint "enrollment_event_id_foreign" foreign key ("event_id") references "training_event" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "enrollment" add constraint "enrollment_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);

    this.addSql(`alter table "programme_funder" add constraint "programme_funder_programme_id_foreign" foreign key ("programme_id") references "training_programme" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "programme_funder" add constraint "programme_funder_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "programme_organizer" add constraint "programme_organizer_programme_id_foreign" foreign key ("programme_id") references "training_programme" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "programme_organizer" add constraint "programme_organizer_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "event_trainer" add constraint "event_trainer_event_id_foreign" foreign key ("event_id") references "training_event" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "event_trainer" add constraint "event_trainer_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "attendance_mark" add constraint "attendance_mark_enrollment_id_foreign" foreign key ("enrollment_id") references "enrollment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attendance_mark" add constraint "attendance_mark_marked_by_id_foreign" foreign key ("marked_by_id") references "user" ("id") on update cascade;`);

    this.addSql(`alter table "attendance_change" add constraint "attendance_change_enrollment_id_foreign" foreign key ("enrollment_id") references "enrollment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attendance_change" add constraint "attendance_change_changed_by_id_foreign" foreign key ("changed_by_id") references "user" ("id") on update cascade;`);
  }

  async down() {
    this.addSql(`alter table "training_event" drop constraint "training_event_programme_id_foreign";`);

    this.addSql(`alter table "programme_funder" drop constraint "programme_funder_programme_id_foreign";`);

    this.addSql(`alter table "programme_organizer" drop constraint "programme_organizer_programme_id_foreign";`);

    this.addSql(`alter table "enrollment" drop constraint "enrollment_event_id_foreign";`);

    this.addSql(`alter table "event_trainer" drop constraint "event_trainer_event_id_foreign";`);

    this.addSql(`alter table "attendance_mark" drop constraint "attendance_mark_enrollment_id_foreign";`);

    this.addSql(`alter table "attendance_change" drop constraint "attendance_change_enrollment_id_foreign";`);

    this.addSql(`drop table if exists "training_programme" cascade;`);

    this.addSql(`drop table if exists "training_event" cascade;`);

    this.addSql(`drop table if exists "enrollment" cascade;`);

    this.addSql(`drop table if exists "programme_funder" cascade;`);

    this.addSql(`drop table if exists "programme_organizer" cascade;`);

    this.addSql(`drop table if exists "event_trainer" cascade;`);

    this.addSql(`drop table if exists "attendance_mark" cascade;`);

    this.addSql(`drop table if exists "attendance_change" cascade;`);
  }

}
exports.Migration20261123131037_trainings = Migration20261123131037_trainings;
