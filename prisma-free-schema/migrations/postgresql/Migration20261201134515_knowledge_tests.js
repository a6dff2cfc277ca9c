'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201134515_knowledge_tests extends Migration {

  async up() {
    this.addSql(`create table "knowledge_test" ("id" uuid not null, "programme_id" uuid null, "event_id" uuid null, "pass_mark" int not null, "opened" boolean not null default false, "created_at" timestamptz not null, constraint "knowledge_test_pkey" primary key ("id"));`);
    this.addSql(`alter table "knowledge_test" add constraint "knowledge_test_event_id_unique" unique ("event_id");`);
    this.addSql(`alter table "knowledge_test" add constraint "knowledge_test_programme_id_unique" unique ("programme_id");`);

    this.addSql(`create table "knowledge_question" ("id" uuid not null, "test_id" uuid not null, "position" int not null, "type" text check ("type" in ('SINGLE', 'MULTIPLE', 'TRUE_FALSE')) not null, "text" text not null, "options" jsonb not null, "correct" jsonb not null, "translations" jsonb not null default '{}', constraint "knowledge_question_pkey" primary key ("id"));`);
    this.addSql(`alter table "knowledge_question" add constraint "knowledge_question_test_id_position_unique" unique ("test_id", "position");`);

    this.addSql(`create table "knowledge_attempt" ("id" uuid not null, "enrollment_id" uuid not null, "kind" text check ("kind" in ('PRE', 'POST')) not null, "source" text check ("source" in ('ONLINE', 'PAPER')) not null, "test_id" uuid not null, "score" double precision not null, "pass_mark" int not null, "answers" jsonb null, "entered_by" uuid null, "submitted_at" timestamptz not null, constraint "knowledge_attempt_pkey" primary key ("id"));`);
    this.addSql(`create index "knowledge_attempt_test_id_index" on "knowledge_attempt" ("test_id");`);
    this.addSql(`alter table "knowledge_attempt" add constraint "knowledge_attempt_enrollment_id_kind_unique" unique ("enrollment_id", "kind");`);

    this.addSql(`alter table "knowledge_test" add constraint "knowledge_test_programme_id_foreign" foreign key ("programme_id") references "training_programme" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "knowledge_test" add constraint "knowledge_test_event_id_foreign" foreign key ("event_id") references "training_event" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "knowledge_question" add constraint "knowledge_question_test_id_foreign" foreign key ("test_id") references "knowledge_test" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "knowledge_attempt" add constraint "knowledge_attempt_enrollment_id_foreign" foreign key ("enrollment_id") references "enrollment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "knowledge_attempt" add constraint "knowledge_attempt_test_id_foreign" foreign key ("test_id") references "knowledge_test" ("id") on update cascade;`);
  }

  async down() {
    this.addSql(`alter table "knowledge_question" drop constraint "knowledge_question_test_id_foreign";`);

    this.addSql(`alter table "knowledge_attempt" drop constraint "knowledge_attempt_test_id_foreign";`);

    this.addSql(`drop table if exists "knowledge_test" cascade;`);

    this.addSql(`drop table if exists "knowledge_question" cascade;`);

    this.addSql(`drop table if exists "knowledge_attempt" cascade;`);
  }

}
exports.Migration20261201134515_knowledge_tests = Migration20261201134515_knowledge_tests;
