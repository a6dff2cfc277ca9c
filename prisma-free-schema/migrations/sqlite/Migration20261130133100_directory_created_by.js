'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261130133100_directory_created_by extends Migration {

  async up() {
    this.addSql(`alter table \`organization\` add column \`created_by\` text null;`);
    this.addSql(`alter table \`person\` add column \`created_by\` text null;`);
  }

}
exports.Migration20261130133100_directory_created_by = Migration20261130133100_directory_created_by;
