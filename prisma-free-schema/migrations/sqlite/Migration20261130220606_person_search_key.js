'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261130220606_person_search_key extends Migration {

  async up() {
    this.addSql(`alter table \`person\` add column \`search_key\` text null;`);
    this.addSql(`create index \`person_search_key_index\` on \`person\` (\`search_key\`);`);
  }

}
exports.Migration20261130220606_person_search_key = Migration20261130220606_person_search_key;
