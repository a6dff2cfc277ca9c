'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201031604_content_translations extends Migration {

  async up() {
    this.addSql(`alter table \`certificate_settings\` add column \`translations\` json not null default '{}';`);
    this.addSql(`alter table \`edition\` add column \`translations\` json not null default '{}';`);
    this.addSql(`alter table \`organization\` add column \`translations\` json not null default '{}';`);
    this.addSql(`alter table \`agenda_session\` add column \`translations\` json not null default '{}';`);
    this.addSql(`alter table \`session_speaker\` add column \`translations\` json not null default '{}';`);
    this.addSql(`alter table \`training_programme\` add column \`translations\` json not null default '{}';`);
    this.addSql(`alter table \`training_event\` add column \`translations\` json not null default '{}';`);
    this.addSql(`alter table \`working_group\` add column \`translations\` json not null default '{}';`);
    this.addSql(`alter table \`recommendation\` add column \`translations\` json not null default '{}';`);
  }

}
exports.Migration20261201031604_content_translations = Migration20261201031604_content_translations;
