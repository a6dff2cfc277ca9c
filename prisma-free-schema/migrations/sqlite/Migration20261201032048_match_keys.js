'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201032048_match_keys extends Migration {

  async up() {
    this.addSql(`alter table \`organization\` add column \`name_key\` text null;`);
    this.addSql(`create index \`organization_name_key_index\` on \`organization\` (\`name_key\`);`);
    this.addSql(`alter table \`person\` add column \`full_name_key\` text null;`);
    this.addSql(`alter table \`person\` add column \`full_name_alt_key\` text null;`);
    this.addSql(`create index \`person_full_name_key_index\` on \`person\` (\`full_name_key\`);`);
    this.addSql(`create index \`person_full_name_alt_key_index\` on \`person\` (\`full_name_alt_key\`);`);
  }

}
exports.Migration20261201032048_match_keys = Migration20261201032048_match_keys;
