'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261123170431_mail extends Migration {

  async up() {
    this.addSql(`create table "outbox_message" ("id" uuid not null, "idempotency_key" varchar(200) not null, "message_id" varchar(200) not null, "template" text check ("template" in ('INVITATION', 'REGISTRATION_CONFIRMED', 'WAITLISTED', 'PROMOTED_FROM_WAITLIST', 'REMINDER', 'CERTIFICATE_ISSUED', 'RECOMMENDATIONS', 'ENROLLMENT_CONFIRMED', 'LOGIN_LINK')) not null, "language" varchar(2) not null, "to_email" varchar(320) not null, "to_name" varchar(300) not null, "person_id" uuid null, "edition_id" uuid null, "training_event_id" uuid null, "subject" varchar(300) not null, "text" text not null, "html" text not null, "attachments" jsonb not null, "state" text check ("state" in ('QUEUED', 'SENDING', 'SENT', 'FAILED')) not null default 'QUEUED', "attempts" int not null default 0, "last_error" text null, "next_attempt_at" timestamptz not null, "claimed_until" timestamptz null, "sent_at" timestamptz null, "created_at" timestamptz not null, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "outbox_message_to_email_index" on "outbox_message" ("to_email");`);
    this.addSql(`create index "outbox_message_edition_id_index" on "outbox_message" ("edition_id");`);
    this.addSql(`create index "outbox_message_state_next_attempt_at_index" on "outbox_message" ("state", "next_attempt_at");`);

    this.addSql(`create table "template_override" ("id" uuid not null, "edition_id" uuid not null, "template" text check ("template" in ('INVITATION', 'REGISTRATION_CONFIRMED', 'WAITLISTED', 'PROMOTED_FROM_WAITLIST', 'REMINDER', 'CERTIFICATE_ISSUED', 'RECOMMENDATIONS', 'ENROLLMENT_CONFIRMED', 'LOGIN_LINK')) not null, "language" varchar(2) not null, "subject" varchar(300) not null, "body" text not null, "updated_at" timestamptz not null, constraint "template_override_pkey" primary key ("id"));`);
    this.addSql(`alter table "template_override" add constraint "template_override_edition_id_template_language_unique" unique ("edition_id", "template", "language");`);
  }

  async down() {
    this.addSql(`drop table if exists "outbox_message" cascade;`);

    this.addSql(`drop table if exists "template_override" cascade;`);
  }

}
exports.Migration20261123170431_mail = Migration20261123170431_mail;
