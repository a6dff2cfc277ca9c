'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261123122334_conferences extends Migration {

  async up() {
    this.addSql(`create table "conference_series" ("id" uuid not null, "name" varchar(300) not null, "description" text null, "created_at" timestamptz not null, constraint "conference_series_pkey" primary key ("id"));`);
    this.addSql(`alter table "conference_series" add constraint "conference_series_name_unique" unique ("name");`);

    this.addSql(`create table "edition" ("id" uuid not null, "series_id" uuid not null, "title" varchar(300) not null, "theme" varchar(300) null, "year" int not null, "host_country" varchar(2) not null, "city" varchar(100) not null, "venue" varchar(300) null, "start_date" varchar(10) not null, "end_date" varchar(10) not null, "objectives" jsonb not null, "status" text check ("status" in ('PLANNING', 'REGISTRATION_OPEN', 'IN_PROGRESS', 'CLOSED')) not null default 'PLANNING', "is_published" boolean not null default false, "capacity" int null, "version" int not null default 1, "created_at" timestamptz not null, constraint "edition_pkey" primary key ("id"));`);
    this.addSql(`create index "edition_year_index" on "edition" ("year");`);
    this.addSql(`create index "edition_host_country_index" on "edition" ("host_country");`);
    this.addSql(`alter table "edition" add constraint "edition_series_id_year_unique" unique ("series_id", "year");`);

    this.addSql(`create table "edition_partner" ("id" uuid not null, "edition_id" uuid not null, "organization_id" uuid not null, "role" text check ("role" in ('HOST', 'CO_ORGANIZER', 'FUNDER', 'PARTNER')) not null, constraint "edition_partner_pkey" primary key ("id"));`);
    this.addSql(`alter table "edition_partner" add constraint "edition_partner_edition_id_organization_id_role_unique" unique ("edition_id", "organization_id", "role");`);

    this.addSql(`create table "agenda_session" ("id" uuid not null, "edition_id" uuid not null, "day" int not null, "start_time" varchar(5) not null, "end_time" varchar(5) not null, "kind" text check ("kind" in ('OPENING', 'SPEECH', 'PRESENTATION', 'VIDEO_MESSAGE', 'PANEL', 'PLENARY', 'WORKING_GROUP_SITTING', 'BREAK', 'CLOSING')) not null, "title" varchar(500) not null, "description" text null, "room" varchar(100) null, "moderator_id" uuid null, constraint "agenda_session_pkey" primary key ("id"));`);
    this.addSql(`create index "agenda_session_edition_id_day_start_time_index" on "agenda_session" ("edition_id", "day", "start_time");`);

    this.addSql(`create table "registration" ("id" uuid not null, "edition_id" uuid not null, "person_id" uuid not null, "status" text check ("status" in ('INVITED', 'REGISTERED', 'CONFIRMED', 'WAITLISTED', 'DECLINED', 'CANCELLED')) not null, "delegation_country" varchar(2) not null, "created_at" timestamptz not null, "status_changed_at" timestamptz not null, constraint "registration_pkey" primary key ("id"));`);
    this.addSql(`create index "registration_edition_id_status_index" on "registration" ("edition_id", "status");`);
    this.addSql(`alter table "registration" add constraint "registration_edition_id_person_id_unique" unique ("edition_id", "person_id");`);

    this.addSql(`create table "check_in" ("id" uuid not null, "registration_id" uuid not null, "day" varchar(10) not null, "checked_in_at" timestamptz not null, constraint "check_in_pkey" primary key ("id"));`);
    this.addSql(`alter table "check_in" add constraint "check_in_registration_id_day_unique" unique ("registration_id", "day");`);

    this.addSql(`create table "rotation_slot" ("id" uuid not null, "series_id" uuid not null, "year" int not null, "host_country" varchar(2) not null, constraint "rotation_slot_pkey" primary key ("id"));`);
    this.addSql(`alter table "rotation_slot" add constraint "rotation_slot_series_id_year_unique" unique ("series_id", "year");`);

    this.addSql(`create table "session_speaker" ("id" uuid not null, "session_id" uuid not null, "person_id" uuid not null, "title_on_agenda" varchar(300) null, "position" int not null default 0, constraint "session_speaker_pkey" primary key ("id"));`);
    this.addSql(`alter table "session_speaker" add constraint "session_speaker_session_id_person_id_unique" unique ("session_id", "person_id");`);

    this.addSql(`create table "edition_organizer" ("id" uuid not null, "edition_id" uuid not null, "user_id" uuid not null, constraint "edition_organizer_pkey" primary key ("id"));`);
    this.addSql(`alter table "edition_organizer" add constraint "edition_organizer_edition_id_user_id_unique" unique ("edition_id", "user_id");`);

    this.addSql(`create table "working_group" ("id" uuid not null, "edition_id" uuid not null, "name" varchar(200) not null, "topic" text null, "capacity" int null, constraint "working_group_pkey" primary key ("id"));`);
    this.addSql(`alter table "working_group" add constraint "working_group_edition_id_name_unique" unique ("edition_id", "name");`);

    this.addSql(`create table "recommendation" ("id" uuid not null, "edition_id" uuid not null, "number" int not null, "working_group_id" uuid null, "text" text not null, "addressed_to" varchar(300) null, "status" text check ("status" in ('DRAFT', 'ADOPTED', 'WITHDRAWN')) not null default 'DRAFT', "adopted_at" timestamptz null, "created_at" timestamptz not null, constraint "recommendation_pkey" primary key ("id"));`);
    this.addSql(`alter table "recommendation" add constraint "recommendation_edition_id_number_unique" unique ("edition_id", "number");`);

    this.addSql(`create table "recommendation_follow_up" ("id" uuid not null, "recommendation_id" uuid not null, "edition_id" uuid not null, "status" text check ("status" in ('NOT_STARTED', 'IN_PROGRESS', 'IMPLEMENTED')) not null, "note" text null, "recorded_at" timestamptz not null, constraint "recommendation_follow_up_pkey" primary key ("id"));`);
    this.addSql(`alter table "recommendation_follow_up" add constraint "recommendation_follow_up_recommendation_id_edition_id_unique" unique ("recommendation_id", "edition_id");`);

    this.addSql(`create table "working_group_facilitator" ("id" uuid not null, "working_group_id" uuid not null, "person_id" uuid not null, constraint "working_group_facilitator_pkey" primary key ("id"));`);
    this.addSql(`alter table "working_group_facilitator" add constraint "working_group_facilitator_working_group_id_person_id_unique" unique ("working_group_id", "person_id");`);

    this.addSql(`create table "working_group_member" ("id" uuid not null, "working_group_id" uuid not null, "registration_id" uuid not null, constraint "working_group_member_pkey" primary key ("id"));`);
    this.addSql(`alter table "working_group_member" add constraint "working_group_member_working_group_id_registration_id_unique" unique ("working_group_id", "registration_id");`);

    this.addSql(`alter table "edition" add constraint "edition_series_id_foreign" foreign key ("series_id") references "conference_series" ("id") on update cascade;`);

    this.addSql(`alter table "edition_partner" add constraint "edition_partner_edition_id_foreign" foreign key ("edition_id") references "edition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "edition_partner" add constraint "edition_partner_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "agenda_session" add constraint "agenda_session_edition_id_foreign" foreign key ("edition_id") references "edition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agenda_session" add constraint "agenda_session_moderator_id_foreign" foreign key ("moderator_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "registration" add constraint "registration_edition_id_foreign" foreign key ("edition_id") references "edition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "registration" add constraint "registration_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);

    this.addSql(`alter table "check_in" add constraint "check_in_registration_id_foreign" foreign key ("registration_id") references "registration" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "rotation_slot" add constraint "rotation_slot_series_id_foreign" foreign key ("series_id") references "conference_series" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "session_speaker" add constraint "session_speaker_session_id_foreign" foreign key ("session_id") references "agenda_session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "session_speaker" add constraint "session_speaker_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);

    this.addSql(`alter table "edition_organizer" add constraint "edition_organizer_edition_id_foreign" foreign key ("edition_id") references "edition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "edition_organizer" add constraint "edition_organizer_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "working_group" add constraint "working_group_edition_id_foreign" foreign key ("edition_id") references "edition" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "recommendation" add constraint "recommendation_edition_id_foreign" foreign key ("edition_id") references "edition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "recommendation" add constraint "recommendation_working_group_id_foreign" foreign key ("working_group_id") references "working_group" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "recommendation_follow_up" add constraint "recommendation_follow_up_recommendation_id_foreign" foreign key ("recommendation_id") references "recommendation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "recommendation_follow_up" add constraint "recommendation_follow_up_edition_id_foreign" foreign key ("edition_id") references "edition" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "working_group_facilitator" add constraint "working_group_facilitator_working_group_id_foreign" foreign key ("working_group_id") references "working_group" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "working_group_facilitator" add constraint "working_group_facilitator_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);

    this.addSql(`alter table "working_group_member" add constraint "working_group_member_working_group_id_foreign" foreign key ("working_group_id") references "working_group" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "working_group_member" add constraint "working_group_member_registration_id_foreign" foreign key ("registration_id") references "registration" ("id") on update cascade on delete cascade;`);
  }

  async down() {
    this.addSql(`alter table "edition" drop constraint "edition_series_id_foreign";`);

    this.addSql(`alter table "rotation_slot" drop constraint "rotation_slot_series_id_foreign";`);

    this.addSql(`alter table "edition_partner" drop constraint "edition_partner_edition_id_foreign";`);

    this.addSql(`alter table "agenda_session" drop constraint "agenda_session_edition_id_foreign";`);

    this.addSql(`alter table "registration" drop constraint "registration_edition_id_foreign";`);

    this.addSql(`alter table "edition_organizer" drop constraint "edition_organizer_edition_id_foreign";`);

    this.addSql(`alter table "working_group" drop constraint "working_group_edition_id_foreign";`);

    this.addSql(`alter table "recommendation" drop constraint "recommendation_edition_id_foreign";`);

    this.addSql(`alter table "recommendation_follow_up" drop constraint "recommendation_follow_up_edition_id_foreign";`);

    this.addSql(`alter table "session_speaker" drop constraint "session_speaker_session_id_foreign";`);

    this.addSql(`alter table "check_in" drop constraint "check_in_registration_id_foreign";`);

    this.addSql(`alter table "working_group_member" drop constraint "working_group_member_registration_id_foreign";`);

    this.addSql(`alter table "recommendation" drop constraint "recommendation_working_group_id_foreign";`);

    this.addSql(`alter table "working_group_facilitator" drop constraint "working_group_facilitator_working_group_id_foreign";`);

    this.addSql(`alter table "working_group_member" drop constraint "working_group_member_working_group_id_foreign";`);

    this.addSql(`alter table "recommendation_follow_up" drop constraint "recommendation_follow_up_recommendation_id_foreign";`);

    this.addSql(`drop table if exists "conference_series" cascade;`);

    this.addSql(`drop table if exists "edition" cascade;`);

    this.addSql(`drop table if exists "edition_partner" cascade;`);

    this.addSql(`drop table if exists "agenda_session" cascade;`);

    this.addSql(`drop table if exists "registration" cascade;`);

    this.addSql(`drop table if exists "check_in" cascade;`);

    this.addSql(`drop table if exists "rotation_slot" cascade;`);

    this.addSql(`drop table if exists "session_speaker" cascade;`);

    this.addSql(`drop table if exists "edition_organizer" cascade;`);

    this.addSql(`drop table if exists "working_group" cascade;`);

    this.addSql(`drop table if exists "recommendation" cascade;`);

    this.addSql(`drop table if exists "recommendation_follow_up" cascade;`);

    this.addSql(`drop table if exists "working_group_facilitator" cascade;`);

    this.addSql(`drop table if exists "working_group_member" cascade;`);
  }

}
exports.Migration20261123122334_conferences = Migration20261123122334_conferences;
