'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201032047_match_keys extends Migration {

  async up() {
    this.addSql(`alter table "organization" add column "name_key" varchar(620) null;`);
    this.addSql(`create index "organization_name_key_index" on "organization" ("name_key");`);

    this.addSql(`alter table "person" add column "full_name_key" varchar(420) null, add column "full_name_alt_key" varchar(420) null;`);
    this.addSql(`create index "person_full_name_key_index" on "person" ("full_name_key");`);
    this.addSql(`create index "person_full_name_alt_key_index" on "person" ("full_name_alt_key");`);
  }

  async down() {
    this.addSql(`drop index "organization_name_key_index";`);
    this.addSql(`alter table "organization" drop column "name_key";`);

    this.addSql(`drop index "person_full_name_key_index";`);
    this.addSql(`drop index "person_full_name_alt_key_index";`);
    this.addSql(`alter table "person" drop column "full_name_key", drop column "full_name_alt_key";`);
  }

}
exports.Migration20261201032047_match_keys = Migration20261201032047_match_keys;
