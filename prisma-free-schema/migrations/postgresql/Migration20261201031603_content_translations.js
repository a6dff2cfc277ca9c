'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201031603_content_translations extends Migration {

  async up() {
    this.addSql(`alter table "certificate_settings" add column "translations" jsonb not null default '{}';`);

    this.addSql(`alter table "edition" add column "translations" jsonb not null default '{}';`);

    this.addSql(`alter table "organization" add column "translations" jsonb not null default '{}';`);

    this.addSql(`alter table "agenda_session" add column "translations" jsonb not null default '{}';`);

    this.addSql(`alter table "session_speaker" add column "translations" jsonb not null default '{}';`);

    this.addSql(`alter table "training_programme" add column "translations" jsonb not null default '{}';`);

    this.addSql(`alter table "training_event" add column "translations" jsonb not null default '{}';`);

    this.addSql(`alter table "working_group" add column "translations" jsonb not null default '{}';`);

    this.addSql(`alter table "recommendation" add column "translations" jsonb not null default '{}';`);
  }

  async down() {
    this.addSql(`alter table "certificate_settings" drop column "translations";`);

    this.addSql(`alter table "edition" drop column "translations";`);

    this.addSql(`alter table "organization" drop column "translations";`);

    this.addSql(`alter table "agenda_session" drop column "translations";`);

    this.addSql(`alter table "session_speaker" drop column "translations";`);

    this.addSql(`alter table "training_programme" drop column "translations";`);

    this.addSql(`alter table "training_event" drop column "translations";`);

    this.addSql(`alter table "working_group" drop column "translations";`);

    this.addSql(`alter table "recommendation" drop column "translations";`);
  }

}
exports.Migration20261201031603_content_translations = Migration20261201031603_content_translations;
