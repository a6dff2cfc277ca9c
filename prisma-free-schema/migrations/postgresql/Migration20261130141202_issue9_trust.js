'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261130141202_issue9_trust extends Migration {

  async up() {
    this.addSql(`create table "rate_limit_counter" ("id" varchar(100) not null, "hits" int not null, "resets_at" bigint not null, constraint "rate_limit_counter_pkey" primary key ("id"));`);
    this.addSql(`create index "rate_limit_counter_resets_at_index" on "rate_limit_counter" ("resets_at");`);

    this.addSql(`create table "trusted_device" ("id" uuid not null, "user_id" uuid not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "trusted_device_pkey" primary key ("id"));`);
    this.addSql(`create index "trusted_device_expires_at_index" on "trusted_device" ("expires_at");`);
    this.addSql(`alter table "trusted_device" add constraint "trusted_device_user_id_token_hash_unique" unique ("user_id", "token_hash");`);

    this.addSql(`create table "email_change" ("id" uuid not null, "token_hash" varchar(64) not null, "user_id" uuid not null, "new_email" varchar(254) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, constraint "email_change_pkey" primary key ("id"));`);
    this.addSql(`alter table "email_change" add constraint "email_change_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "trusted_device" add constraint "trusted_device_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "email_change" add constraint "email_change_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "outbox_message" drop constraint if exists "outbox_message_template_check";`);
    this.addSql(`alter table "outbox_message" drop constraint if exists "outbox_message_state_check";`);

    this.addSql(`alter table "template_override" drop constraint if exists "template_override_template_check";`);

    this.addSql(`alter table "organization" add column "created_by" uuid null;`);

    this.addSql(`alter table "outbox_message" add constraint "outbox_message_template_check" check("template" in ('INVITATION', 'REGISTRATION_CONFIRMED', 'WAITLISTED', 'PROMOTED_FROM_WAITLIST', 'REMINDER', 'CERTIFICATE_ISSUED', 'RECOMMENDATIONS', 'ENROLLMENT_CONFIRMED', 'LOGIN_LINK', 'EMAIL_CHANGE'));`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_state_check" check("state" in ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'CANCELLED'));`);

    this.addSql(`alter table "person" add column "created_by" uuid null;`);

    this.addSql(`alter table "template_override" add constraint "template_override_template_check" check("template" in ('INVITATION', 'REGISTRATION_CONFIRMED', 'WAITLISTED', 'PROMOTED_FROM_WAITLIST', 'REMINDER', 'CERTIFICATE_ISSUED', 'RECOMMENDATIONS', 'ENROLLMENT_CONFIRMED', 'LOGIN_LINK', 'EMAIL_CHANGE'));`);

    // Written by hand: before this release a person could get a second account (organizers
    // made them). The oldest keeps the person; the others are unlinked, so the index holds.
    this.addSql(`update "user" as u set "person_id" = null where "person_id" is not null and exists (select 1 from "user" as o where o."person_id" = u."person_id" and (o."created_at" < u."created_at" or (o."created_at" = u."created_at" and o."id" < u."id")));`);
    this.addSql(`alter table "user" add constraint "user_person_id_unique" unique ("person_id");`);
  }

  async down() {
    this.addSql(`drop table if exists "rate_limit_counter" cascade;`);

    this.addSql(`drop table if exists "trusted_device" cascade;`);

    this.addSql(`drop table if exists "email_change" cascade;`);

    this.addSql(`alter table "outbox_message" drop constraint if exists "outbox_message_template_check";`);
    this.addSql(`alter table "outbox_message" drop constraint if exists "outbox_message_state_check";`);

    this.addSql(`alter table "template_override" drop constraint if exists "template_override_template_check";`);

    this.addSql(`alter table "organization" drop column "created_by";`);

    this.addSql(`alter table "outbox_message" add constraint "outbox_message_template_check" check("template" in ('INVITATION', 'REGISTRATION_CONFIRMED', 'WAITLISTED', 'PROMOTED_FROM_WAITLIST', 'REMINDER', 'CERTIFICATE_ISSUED', 'RECOMMENDATIONS', 'ENROLLMENT_CONFIRMED', 'LOGIN_LINK'));`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_state_check" check("state" in ('QUEUED', 'SENDING', 'SENT', 'FAILED'));`);

    this.addSql(`alter table "person" drop column "created_by";`);

    this.addSql(`alter table "template_override" add constraint "template_override_template_check" check("template" in ('INVITATION', 'REGISTRATION_CONFIRMED', 'WAITLISTED', 'PROMOTED_FROM_WAITLIST', 'REMINDER', 'CERTIFICATE_ISSUED', 'RECOMMENDATIONS', 'ENROLLMENT_CONFIRMED', 'LOGIN_LINK'));`);

    this.addSql(`alter table "user" drop constraint "user_person_id_unique";`);
  }

}
exports.Migration20261130141202_issue9_trust = Migration20261130141202_issue9_trust;
