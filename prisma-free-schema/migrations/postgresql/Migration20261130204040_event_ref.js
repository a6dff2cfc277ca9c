'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261130204040_event_ref extends Migration {

  async up() {
    // Each row keeps its event: the two nullable foreign keys become one reference.
    const kind = (column) => `text check ("${column}" in ('EDITION', 'TRAINING_EVENT'))`;
    for (const [table, prefix, required] of [
      ['certificate', 'event', true],
      ['certificate_settings', 'event', true],
      ['document_job', 'event', true],
      ['outbox_message', 'about', false],
    ]) {
      this.addSql(`alter table "${table}" add column "${prefix}_kind" ${kind(`${prefix}_kind`)} null, add column "${prefix}_id" uuid null;`);
      this.addSql(`update "${table}" set "${prefix}_kind" = case when "edition_id" is not null then 'EDITION' when "training_event_id" is not null then 'TRAINING_EVENT' end, "${prefix}_id" = coalesce("edition_id", "training_event_id");`);
      if (required) {
        this.addSql(`alter table "${table}" alter column "${prefix}_kind" set not null, alter column "${prefix}_id" set not null;`);
      }
    }

    this.addSql(`alter table "certificate_settings" drop constraint "certificate_settings_edition_id_foreign";`);
    this.addSql(`alter table "certificate_settings" drop constraint "certificate_settings_training_event_id_foreign";`);
    this.addSql(`alter table "certificate_settings" drop constraint "certificate_settings_edition_id_unique";`);
    this.addSql(`alter table "certificate_settings" drop constraint "certificate_settings_training_event_id_unique";`);
    this.addSql(`alter table "certificate_settings" drop column "edition_id", drop column "training_event_id";`);
    this.addSql(`alter table "certificate_settings" add constraint "certificate_settings_event_kind_event_id_unique" unique ("event_kind", "event_id");`);

    this.addSql(`alter table "outbox_message" drop constraint if exists "outbox_message_template_check";`);
    this.addSql(`drop index "outbox_message_edition_id_index";`);
    this.addSql(`alter table "outbox_message" drop column "edition_id", drop column "training_event_id";`);
    this.addSql(`alter table "outbox_message" alter column "template" type varchar(40) using ("template"::varchar(40));`);
    this.addSql(`create index "outbox_message_about_id_index" on "outbox_message" ("about_id");`);

    this.addSql(`alter table "template_override" drop constraint if exists "template_override_template_check";`);
    this.addSql(`alter table "template_override" alter column "template" type varchar(40) using ("template"::varchar(40));`);

    this.addSql(`alter table "document_job" drop column "edition_id", drop column "training_event_id";`);

    this.addSql(`alter table "certificate" drop constraint "certificate_edition_id_foreign";`);
    this.addSql(`alter table "certificate" drop constraint "certificate_training_event_id_foreign";`);
    this.addSql(`drop index "certificate_training_event_id_kind_index";`);
    this.addSql(`drop index "certificate_edition_id_kind_index";`);
    this.addSql(`alter table "certificate" drop column "edition_id", drop column "training_event_id";`);
    this.addSql(`create index "certificate_event_id_kind_index" on "certificate" ("event_id", "kind");`);
  }

}
exports.Migration20261130204040_event_ref = Migration20261130204040_event_ref;
