'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261130133100_directory_created_by extends Migration {

  async up() {
    this.addSql(`alter table "organization" add column "created_by" uuid null;`);

    this.addSql(`alter table "person" add column "created_by" uuid null;`);
  }

  async down() {
    this.addSql(`alter table "organization" drop column "created_by";`);

    this.addSql(`alter table "person" drop column "created_by";`);
  }

}
exports.Migration20261130133100_directory_created_by = Migration20261130133100_directory_created_by;
