'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201134736_evaluations extends Migration {

  async up() {
    this.addSql(`create table "evaluation_form" ("id" uuid not null, "event_kind" text check ("event_kind" in ('EDITION', 'TRAINING_EVENT')) not null, "event_id" uuid not null, "kind" text check ("kind" in ('END', 'FOLLOW_UP')) not null, "months_after" int null, "due_on" varchar(10) null, "anonymous" boolean not null default true, "reminder_days" int not null default 7, "intro" jsonb not null, "questions" jsonb not null, "sent_at" timestamptz null, "created_at" timestamptz not null, constraint "evaluation_form_pkey" primary key ("id"));`);
    this.addSql(`create index "evaluation_form_kind_sent_at_due_on_index" on "evaluation_form" ("kind", "sent_at", "due_on");`);
    this.addSql(`alter table "evaluation_form" add constraint "evaluation_form_event_kind_event_id_kind_unique" unique ("event_kind", "event_id", "kind");`);

    this.addSql(`create table "evaluation_invitation" ("id" uuid not null, "form_id" uuid not null, "person_id" uuid not null, "token_hash" varchar(64) not null, "reminder_token_hash" varchar(64) null, "invited_at" timestamptz not null, "reminded_at" timestamptz null, "answered" boolean not null default false, "answered_on" varchar(10) null, constraint "evaluation_invitation_pkey" primary key ("id"));`);
    this.addSql(`alter table "evaluation_invitation" add constraint "evaluation_invitation_token_hash_unique" unique ("token_hash");`);
    this.addSql(`alter table "evaluation_invitation" add constraint "evaluation_invitation_reminder_token_hash_unique" unique ("reminder_token_hash");`);
    this.addSql(`create index "evaluation_invitation_person_id_index" on "evaluation_invitation" ("person_id");`);
    this.addSql(`alter table "evaluation_invitation" add constraint "evaluation_invitation_form_id_person_id_unique" unique ("form_id", "person_id");`);

    this.addSql(`create table "evaluation_answer_set" ("id" uuid not null, "form_id" uuid not null, "answers" jsonb not null, "person_id" uuid null, "answered_on" varchar(10) null, constraint "evaluation_answer_set_pkey" primary key ("id"));`);
    this.addSql(`create index "evaluation_answer_set_form_id_index" on "evaluation_answer_set" ("form_id");`);

    this.addSql(`alter table "evaluation_invitation" add constraint "evaluation_invitation_form_id_foreign" foreign key ("form_id") references "evaluation_form" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "evaluation_invitation" add constraint "evaluation_invitation_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "evaluation_answer_set" add constraint "evaluation_answer_set_form_id_foreign" foreign key ("form_id") references "evaluation_form" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "evaluation_answer_set" add constraint "evaluation_answer_set_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
  }

  async down() {
    this.addSql(`alter table "evaluation_invitation" drop constraint "evaluation_invitation_form_id_foreign";`);

    this.addSql(`alter table "evaluation_answer_set" drop constraint "evaluation_answer_set_form_id_foreign";`);

    this.addSql(`drop table if exists "evaluation_form" cascade;`);

    this.addSql(`drop table if exists "evaluation_invitation" cascade;`);

    this.addSql(`drop table if exists "evaluation_answer_set" cascade;`);
  }

}
exports.Migration20261201134736_evaluations = Migration20261201134736_evaluations;
