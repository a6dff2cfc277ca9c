'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

// Certificates, their settings, document jobs and mail name their event with one
// reference (kind and id) instead of two nullable foreign keys. SQLite cannot drop a
// column a foreign key uses: each table is rebuilt, its rows copied with their event.
class Migration20261130204041_event_ref extends Migration {

  async up() {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`certificate__temp_alter\` (\`id\` text not null, \`kind\` text check (\`kind\` in ('CONFERENCE_ATTENDANCE', 'SPEAKER', 'TRAINING_COMPLETION')) not null, \`person_id\` text not null, \`event_kind\` text check (\`event_kind\` in ('EDITION', 'TRAINING_EVENT')) not null, \`event_id\` text not null, \`serial\` text not null, \`verification_code\` text not null, \`current_key\` text null, \`languages\` json not null, \`content\` json not null, \`status\` text check (\`status\` in ('VALID', 'REVOKED', 'REPLACED')) not null default 'VALID', \`issued_at\` datetime not null, \`issued_by_id\` text null, \`revoked_at\` datetime null, \`revoked_reason\` text null, \`replaced_at\` datetime null, \`replaced_by_id\` text null, \`pdf\` blob null, constraint \`certificate_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on update cascade, constraint \`certificate_issued_by_id_foreign\` foreign key(\`issued_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, constraint \`certificate_replaced_by_id_foreign\` foreign key(\`replaced_by_id\`) references \`certificate\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`certificate__temp_alter\` (\`id\`, \`kind\`, \`person_id\`, \`serial\`, \`verification_code\`, \`current_key\`, \`languages\`, \`content\`, \`status\`, \`issued_at\`, \`issued_by_id\`, \`revoked_at\`, \`revoked_reason\`, \`replaced_at\`, \`replaced_by_id\`, \`pdf\`, \`event_kind\`, \`event_id\`) select \`id\`, \`kind\`, \`person_id\`, \`serial\`, \`verification_code\`, \`current_key\`, \`languages\`, \`content\`, \`status\`, \`issued_at\`, \`issued_by_id\`, \`revoked_at\`, \`revoked_reason\`, \`replaced_at\`, \`replaced_by_id\`, \`pdf\`, case when \`edition_id\` is not null then 'EDITION' else 'TRAINING_EVENT' end, coalesce(\`edition_id\`, \`training_event_id\`) from \`certificate\`;`);
    this.addSql(`drop table \`certificate\`;`);
    this.addSql(`alter table \`certificate__temp_alter\` rename to \`certificate\`;`);
    this.addSql(`create unique index \`certificate_serial_unique\` on \`certificate\` (\`serial\`);`);
    this.addSql(`create unique index \`certificate_verification_code_unique\` on \`certificate\` (\`verification_code\`);`);
    this.addSql(`create unique index \`certificate_current_key_unique\` on \`certificate\` (\`current_key\`);`);
    this.addSql(`create index \`certificate_issued_by_id_index\` on \`certificate\` (\`issued_by_id\`);`);
    this.addSql(`create index \`certificate_replaced_by_id_index\` on \`certificate\` (\`replaced_by_id\`);`);
    this.addSql(`create index \`certificate_person_id_index\` on \`certificate\` (\`person_id\`);`);
    this.addSql(`create index \`certificate_event_id_kind_index\` on \`certificate\` (\`event_id\`, \`kind\`);`);
    this.addSql(`create table \`certificate_settings__temp_alter\` (\`id\` text not null, \`event_kind\` text check (\`event_kind\` in ('EDITION', 'TRAINING_EVENT')) not null, \`event_id\` text not null, \`serial_prefix\` text not null, \`second_language\` text check (\`second_language\` in ('en', 'ru', 'uz')) null, \`hours\` integer null, \`signatories\` json not null, \`issuers\` json not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`insert into \`certificate_settings__temp_alter\` (\`id\`, \`serial_prefix\`, \`second_language\`, \`hours\`, \`signatories\`, \`issuers\`, \`updated_at\`, \`event_kind\`, \`event_id\`) select \`id\`, \`serial_prefix\`, \`second_language\`, \`hours\`, \`signatories\`, \`issuers\`, \`updated_at\`, case when \`edition_id\` is not null then 'EDITION' else 'TRAINING_EVENT' end, coalesce(\`edition_id\`, \`training_event_id\`) from \`certificate_settings\`;`);
    this.addSql(`drop table \`certificate_settings\`;`);
    this.addSql(`alter table \`certificate_settings__temp_alter\` rename to \`certificate_settings\`;`);
    this.addSql(`create unique index \`certificate_settings_event_kind_event_id_unique\` on \`certificate_settings\` (\`event_kind\`, \`event_id\`);`);
    this.addSql(`create table \`document_job__temp_alter\` (\`id\` text not null, \`certificate_kind\` text check (\`certificate_kind\` in ('CONFERENCE_ATTENDANCE', 'SPEAKER', 'TRAINING_COMPLETION')) not null, \`event_kind\` text check (\`event_kind\` in ('EDITION', 'TRAINING_EVENT')) not null, \`event_id\` text not null, \`requested_by_id\` text null, \`status\` text check (\`status\` in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')) not null default 'QUEUED', \`issued\` integer not null, \`total\` integer not null, \`done\` integer not null default 0, \`error\` text null, \`created_at\` datetime not null, \`finished_at\` datetime null, constraint \`document_job_requested_by_id_foreign\` foreign key(\`requested_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`document_job__temp_alter\` (\`id\`, \`certificate_kind\`, \`requested_by_id\`, \`status\`, \`issued\`, \`total\`, \`done\`, \`error\`, \`created_at\`, \`finished_at\`, \`event_kind\`, \`event_id\`) select \`id\`, \`certificate_kind\`, \`requested_by_id\`, \`status\`, \`issued\`, \`total\`, \`done\`, \`error\`, \`created_at\`, \`finished_at\`, case when \`edition_id\` is not null then 'EDITION' else 'TRAINING_EVENT' end, coalesce(\`edition_id\`, \`training_event_id\`) from \`document_job\`;`);
    this.addSql(`drop table \`document_job\`;`);
    this.addSql(`alter table \`document_job__temp_alter\` rename to \`document_job\`;`);
    this.addSql(`create index \`document_job_requested_by_id_index\` on \`document_job\` (\`requested_by_id\`);`);
    this.addSql(`create index \`document_job_status_index\` on \`document_job\` (\`status\`);`);
    this.addSql(`create table \`outbox_message__temp_alter\` (\`id\` text not null, \`idempotency_key\` text not null, \`message_id\` text not null, \`template\` text not null, \`language\` text not null, \`to_email\` text not null, \`to_name\` text not null, \`person_id\` text null, \`about_kind\` text check (\`about_kind\` in ('EDITION', 'TRAINING_EVENT')) null, \`about_id\` text null, \`subject\` text not null, \`text\` text not null, \`html\` text not null, \`attachments\` json not null, \`state\` text check (\`state\` in ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'CANCELLED')) not null default 'QUEUED', \`attempts\` integer not null default 0, \`last_error\` text null, \`next_attempt_at\` datetime not null, \`claimed_until\` datetime null, \`sent_at\` datetime null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`insert into \`outbox_message__temp_alter\` (\`id\`, \`idempotency_key\`, \`message_id\`, \`template\`, \`language\`, \`to_email\`, \`to_name\`, \`person_id\`, \`subject\`, \`text\`, \`html\`, \`attachments\`, \`state\`, \`attempts\`, \`last_error\`, \`next_attempt_at\`, \`claimed_until\`, \`sent_at\`, \`created_at\`, \`about_kind\`, \`about_id\`) select \`id\`, \`idempotency_key\`, \`message_id\`, \`template\`, \`language\`, \`to_email\`, \`to_name\`, \`person_id\`, \`subject\`, \`text\`, \`html\`, \`attachments\`, \`state\`, \`attempts\`, \`last_error\`, \`next_attempt_at\`, \`claimed_until\`, \`sent_at\`, \`created_at\`, case when \`edition_id\` is not null then 'EDITION' when \`training_event_id\` is not null then 'TRAINING_EVENT' end, coalesce(\`edition_id\`, \`training_event_id\`) from \`outbox_message\`;`);
    this.addSql(`drop table \`outbox_message\`;`);
    this.addSql(`alter table \`outbox_message__temp_alter\` rename to \`outbox_message\`;`);
    this.addSql(`create unique index \`outbox_message_idempotency_key_unique\` on \`outbox_message\` (\`idempotency_key\`);`);
    this.addSql(`create index \`outbox_message_to_email_index\` on \`outbox_message\` (\`to_email\`);`);
    this.addSql(`create index \`outbox_message_about_id_index\` on \`outbox_message\` (\`about_id\`);`);
    this.addSql(`create index \`outbox_message_state_next_attempt_at_index\` on \`outbox_message\` (\`state\`, \`next_attempt_at\`);`);
    this.addSql(`create table \`template_override__temp_alter\` (\`id\` text not null, \`edition_id\` text not null, \`template\` text not null, \`language\` text not null, \`subject\` text not null, \`body\` text not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`insert into \`template_override__temp_alter\` select \`id\`, \`edition_id\`, \`template\`, \`language\`, \`subject\`, \`body\`, \`updated_at\` from \`template_override\`;`);
    this.addSql(`drop table \`template_override\`;`);
    this.addSql(`alter table \`template_override__temp_alter\` rename to \`template_override\`;`);
    this.addSql(`create unique index \`template_override_edition_id_template_language_unique\` on \`template_override\` (\`edition_id\`, \`template\`, \`language\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
exports.Migration20261130204041_event_ref = Migration20261130204041_event_ref;
