'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261130141203_issue9_trust extends Migration {

  async up() {
    this.addSql(`create table \`rate_limit_counter\` (\`id\` text not null, \`hits\` integer not null, \`resets_at\` bigint not null, primary key (\`id\`));`);
    this.addSql(`create index \`rate_limit_counter_resets_at_index\` on \`rate_limit_counter\` (\`resets_at\`);`);
    this.addSql(`create table \`trusted_device\` (\`id\` text not null, \`user_id\` text not null, \`token_hash\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, constraint \`trusted_device_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`trusted_device_user_id_index\` on \`trusted_device\` (\`user_id\`);`);
    this.addSql(`create index \`trusted_device_expires_at_index\` on \`trusted_device\` (\`expires_at\`);`);
    this.addSql(`create unique index \`trusted_device_user_id_token_hash_unique\` on \`trusted_device\` (\`user_id\`, \`token_hash\`);`);
    this.addSql(`create table \`email_change\` (\`id\` text not null, \`token_hash\` text not null, \`user_id\` text not null, \`new_email\` text not null, \`expires_at\` datetime not null, \`used_at\` datetime null, \`created_at\` datetime not null, constraint \`email_change_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`email_change_token_hash_unique\` on \`email_change\` (\`token_hash\`);`);
    this.addSql(`create index \`email_change_user_id_index\` on \`email_change\` (\`user_id\`);`);
    this.addSql(`alter table \`organization\` add column \`created_by\` text null;`);
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`outbox_message__temp_alter\` (\`id\` text not null, \`idempotency_key\` text not null, \`message_id\` text not null, \`template\` text check (\`template\` in ('INVITATION', 'REGISTRATION_CONFIRMED', 'WAITLISTED', 'PROMOTED_FROM_WAITLIST', 'REMINDER', 'CERTIFICATE_ISSUED', 'RECOMMENDATIONS', 'ENROLLMENT_CONFIRMED', 'LOGIN_LINK', 'EMAIL_CHANGE')) not null, \`language\` text not null, \`to_email\` text not null, \`to_name\` text not null, \`person_id\` text null, \`edition_id\` text null, \`training_event_id\` text null, \`subject\` text not null, \`text\` text not null, \`html\` text not null, \`attachments\` json not null, \`state\` text check (\`state\` in ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'CANCELLED')) not null default 'QUEUED', \`attempts\` integer not null default 0, \`last_error\` text null, \`next_attempt_at\` datetime not null, \`claimed_until\` datetime null, \`sent_at\` datetime null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`insert into \`outbox_message__temp_alter\` select \`id\`, \`idempotency_key\`, \`message_id\`, \`template\`, \`language\`, \`to_email\`, \`to_name\`, \`person_id\`, \`edition_id\`, \`training_event_id\`, \`subject\`, \`text\`, \`html\`, \`attachments\`, \`state\`, \`attempts\`, \`last_error\`, \`next_attempt_at\`, \`claimed_until\`, \`sent_at\`, \`created_at\` from \`outbox_message\`;`);
    this.addSql(`drop table \`outbox_message\`;`);
    this.addSql(`alter table \`outbox_message__temp_alter\` rename to \`outbox_message\`;`);
    this.addSql(`create unique index \`outbox_message_idempotency_key_unique\` on \`outbox_message\` (\`idempotency_key\`);`);
    this.addSql(`create index \`outbox_message_to_email_index\` on \`outbox_message\` (\`to_email\`);`);
    this.addSql(`create index \`outbox_message_edition_id_index\` on \`outbox_message\` (\`edition_id\`);`);
    this.addSql(`create index \`outbox_message_state_next_attempt_at_index\` on \`outbox_message\` (\`state\`, \`next_attempt_at\`);`);
    this.addSql(`pragma foreign_keys = on;`);
    this.addSql(`alter table \`person\` add column \`created_by\` text null;`);
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`template_override__temp_alter\` (\`id\` text not null, \`edition_id\` text not null, \`template\` text check (\`template\` in ('INVITATION', 'REGISTRATION_CONFIRMED', 'WAITLISTED', 'PROMOTED_FROM_WAITLIST', 'REMINDER', 'CERTIFICATE_ISSUED', 'RECOMMENDATIONS', 'ENROLLMENT_CONFIRMED', 'LOGIN_LINK', 'EMAIL_CHANGE')) not null, \`language\` text not null, \`subject\` text not null, \`body\` text not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`insert into \`template_override__temp_alter\` select \`id\`, \`edition_id\`, \`template\`, \`language\`, \`subject\`, \`body\`, \`updated_at\` from \`template_override\`;`);
    this.addSql(`drop table \`template_override\`;`);
    this.addSql(`alter table \`template_override__temp_alter\` rename to \`template_override\`;`);
    this.addSql(`create unique index \`template_override_edition_id_template_language_unique\` on \`template_override\` (\`edition_id\`, \`template\`, \`language\`);`);
    this.addSql(`pragma foreign_keys = on;`);
    // Written by hand: before this release a person could get a second account (organizers
    // made them). The oldest keeps the person; the others are unlinked, so the index holds.
    this.addSql(`update \`user\` as u set \`person_id\` = null where \`person_id\` is not null and exists (select 1 from \`user\` as o where o.\`person_id\` = u.\`person_id\` and (o.\`created_at\` < u.\`created_at\` or (o.\`created_at\` = u.\`created_at\` and o.\`id\` < u.\`id\`)));`);
    this.addSql(`create unique index \`user_person_id_unique\` on \`user\` (\`person_id\`);`);
  }

}
exports.Migration20261130141203_issue9_trust = Migration20261130141203_issue9_trust;
