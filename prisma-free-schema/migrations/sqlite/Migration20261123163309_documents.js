'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261123163309_documents extends Migration {

  async up() {
    this.addSql(`create table \`certificate_serial\` (\`prefix\` text not null, \`year\` integer not null, \`last_number\` integer not null, primary key (\`prefix\`, \`year\`));`);
    this.addSql(`create table \`certificate_settings\` (\`id\` text not null, \`edition_id\` text null, \`training_event_id\` text null, \`serial_prefix\` text not null, \`second_language\` text check (\`second_language\` in ('en', 'ru', 'uz')) null, \`hours\` integer null, \`signatories\` json not null, \`issuers\` json not null, \`updated_at\` datetime not null, constraint \`certificate_settings_edition_id_foreign\` foreign key(\`edition_id\`) references \`edition\`(\`id\`) on delete cascade on update cascade, constraint \`certificate_settings_training_event_id_foreign\` foreign key(\`training_event_id\`) references \`training_event\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`certificate_settings_edition_id_index\` on \`certificate_settings\` (\`edition_id\`);`);
    this.addSql(`create unique index \`certificate_settings_edition_id_unique\` on \`certificate_settings\` (\`edition_id\`);`);
    this.addSql(`create index \`certificate_settings_training_event_id_index\` on \`certificate_settings\` (\`training_event_id\`);`);
    this.addSql(`create unique index \`certificate_settings_training_event_id_unique\` on \`certificate_settings\` (\`training_event_id\`);`);
    this.addSql(`create table \`document_job\` (\`id\` text not null, \`certificate_kind\` text check (\`certificate_kind\` in ('CONFERENCE_ATTENDANCE', 'SPEAKER', 'TRAINING_COMPLETION')) not null, \`edition_id\` text null, \`training_event_id\` text null, \`requested_by_id\` text null, \`status\` text check (\`status\` in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')) not null default 'QUEUED', \`issued\` integer not null, \`total\` integer not null, \`done\` integer not null default 0, \`error\` text null, \`created_at\` datetime not null, \`finished_at\` datetime null, constraint \`document_job_requested_by_id_foreign\` foreign key(\`requested_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`document_job_requested_by_id_index\` on \`document_job\` (\`requested_by_id\`);`);
    this.addSql(`create index \`document_job_status_index\` on \`document_job\` (\`status\`);`);
    this.addSql(`create table \`certificate\` (\`id\` text not null, \`kind\` text check (\`kind\` in ('CONFERENCE_ATTENDANCE', 'SPEAKER', 'TRAINING_COMPLETION')) not null, \`person_id\` text not null, \`edition_id\` text null, \`training_event_id\` text null, \`serial\` text not null, \`verification_code\` text not null, \`current_key\` text null, \`languages\` json not null, \`content\` json not null, \`status\` text check (\`status\` in ('VALID', 'REVOKED', 'REPLACED')) not null default 'VALID', \`issued_at\` datetime not null, \`issued_by_id\` text null, \`revoked_at\` datetime null, \`revoked_reason\` text null, \`replaced_at\` datetime null, \`replaced_by_id\` text null, \`pdf\` blob null, constraint \`certificate_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on update cascade, constraint \`certificate_edition_id_foreign\` foreign key(\`edition_id\`) references \`edition\`(\`id\`) on delete cascade on update cascade, constraint \`certificate_training_event_id_foreign\` foreign key(\`training_event_id\`) references \`training_event\`(\`id\`) on delete cascade on update cascade, constraint \`certificate_issued_by_id_foreign\` foreign key(\`issued_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, constraint \`certificate_replaced_by_id_foreign\` foreign key(\`replaced_by_id\`) references \`certificate\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`certificate_edition_id_index\` on \`certificate\` (\`edition_id\`);`);
    this.addSql(`create index \`certificate_training_event_id_index\` on \`certificate\` (\`training_event_id\`);`);
    this.addSql(`create unique index \`certificate_serial_unique\` on \`certificate\` (\`serial\`);`);
    this.addSql(`create unique index \`certificate_verification_code_unique\` on \`certificate\` (\`verification_code\`);`);
    this.addSql(`create unique index \`certificate_current_key_unique\` on \`certificate\` (\`current_key\`);`);
    this.addSql(`create index \`certificate_issued_by_id_index\` on \`certificate\` (\`issued_by_id\`);`);
    this.addSql(`create index \`certificate_replaced_by_id_index\` on \`certificate\` (\`replaced_by_id\`);`);
    this.addSql(`create index \`certificate_person_id_index\` on \`certificate\` (\`person_id\`);`);
    this.addSql(`create index \`certificate_training_event_id_kind_index\` on \`certificate\` (\`training_event_id\`, \`kind\`);`);
    this.addSql(`create index \`certificate_edition_id_kind_index\` on \`certificate\` (\`edition_id\`, \`kind\`);`);
  }

}
exports.Migration20261123163309_documents = Migration20261123163309_documents;
