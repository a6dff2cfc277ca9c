'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261130220606_person_search_key extends Migration {

  async up() {
    this.addSql(`alter table "person" add column "search_key" varchar(420) null;`);
    this.addSql(`create index "person_search_key_index" on "person" ("search_key");`);
  }

  async down() {
    this.addSql(`drop index "person_search_key_index";`);
    this.addSql(`alter table "person" drop column "search_key";`);
  }

}
exports.Migration20261130220606_person_search_key = Migration20261130220606_person_search_key;
