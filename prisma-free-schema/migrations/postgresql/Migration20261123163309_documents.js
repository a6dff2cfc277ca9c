'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261123163309_documents extends Migration {

  async up() {
    this.addSql(`create table "certificate_serial" ("prefix" varchar(12) not null, "year" int not null, "last_number" int not null, constraint "certificate_serial_pkey" primary key ("prefix", "year"));`);

    this.addSql(`create table "certificate_settings" ("id" uuid not null, "edition_id" uuid null, "training_event_id" uuid null, "serial_prefix" varchar(12) not null, "second_language" text check ("second_language" in ('en', 'ru', 'uz')) null, "hours" int null, "signatories" jsonb not null, "issuers" jsonb not null, "updated_at" timestamptz not null, constraint "certificate_settings_pkey" primary key ("id"));`);
    this.addSql(`alter table "certificate_settings" add constraint "certificate_settings_edition_id_unique" unique ("edition_id");`);
    this.addSql(`alter table "certificate_settings" add constraint "certificate_settings_training_event_id_unique" unique ("training_event_id");`);

    this.addSql(`create table "document_job" ("id" uuid not null, "certificate_kind" text check ("certificate_kind" in ('CONFERENCE_ATTENDANCE', 'SPEAKER', 'TRAINING_COMPLETION')) not null, "edition_id" uuid null, "training_event_id" uuid null, "requested_by_id" uuid null, "status" text check ("status" in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')) not null default 'QUEUED', "issued" int not null, "total" int not null, "done" int not null default 0, "error" text null, "created_at" timestamptz not null, "finished_at" timestamptz null, constraint "document_job_pkey" primary key ("id"));`);
    this.addSql(`create index "document_job_status_index" on "document_job" ("status");`);

    this.addSql(`create table "certificate" ("id" uuid not null, "kind" text check ("kind" in ('CONFERENCE_ATTENDANCE', 'SPEAKER', 'TRAINING_COMPLETION')) not null, "person_id" uuid not null, "edition_id" uuid null, "training_event_id" uuid null, "serial" varchar(40) not null, "verification_code" varchar(32) not null, "current_key" varchar(120) null, "languages" jsonb not null, "content" jsonb not null, "status" text check ("status" in ('VALID', 'REVOKED', 'REPLACED')) not null default 'VALID', "issued_at" timestamptz not null, "issued_by_id" uuid null, "revoked_at" timestamptz null, "revoked_reason" text null, "replaced_at" timestamptz null, "replaced_by_id" uuid null, "pdf" bytea null, constraint "certificate_pkey" primary key ("id"));`);
    this.addSql(`alter table "certificate" add constraint "certificate_serial_unique" unique ("serial");`);
    this.addSql(`alter table "certificate" add constraint "certificate_verification_code_unique" unique ("verification_code");`);
    this.addSql(`alter table "certificate" add constraint "certificate_current_key_unique" unique ("current_key");`);
    this.addSql(`create index "certificate_person_id_index" on "certificate" ("person_id");`);
    this.addSql(`create index "certificate_training_event_id_kind_index" on "certificate" ("training_event_id", "kind");`);
    this.addSql(`create index "certificate_edition_id_kind_index" on "certificate" ("edition_id", "kind");`);

    this.addSql(`alter table "certificate_settings" add constraint "certificate_settings_edition_id_foreign" foreign key ("edition_id") references "edition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "certificate_settings" add constraint "certificate_settings_training_event_id_foreign" foreign key ("training_event_id") references "training_event" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "document_job" add constraint "document_job_requested_by_id_foreign" foreign key ("requested_by_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "certificate" add constraint "certificate_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "certificate" add constraint "certificate_edition_id_foreign" foreign key ("edition_id") references "edition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "certificate" add constraint "certificate_training_event_id_foreign" foreign key ("training_event_id") references "training_event" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "certificate" add constraint "certificate_issued_by_id_foreign" foreign key ("issued_by_id") references "user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "certificate" add constraint "certificate_replaced_by_id_foreign" foreign key ("replaced_by_id") references "certificate" ("id") on update cascade on delete set null;`);
  }

  async down() {
    this.addSql(`alter table "certificate" drop constraint "certificate_replaced_by_id_foreign";`);

    this.addSql(`drop table if exists "certificate_serial" cascade;`);

    this.addSql(`drop table if exists "certificate_settings" cascade;`);

    this.addSql(`drop table if exists "document_job" cascade;`);

    this.addSql(`drop table if exists "certificate" cascade;`);
  }

}
exports.Migration20261123163309_documents = Migration20261123163309_documents;
