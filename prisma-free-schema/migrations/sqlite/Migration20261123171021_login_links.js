'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261123171021_login_links extends Migration {

  async up() {
    this.addSql(`create table \`login_link\` (\`id\` text not null, \`token_hash\` text not null, \`person_id\` text not null, \`expires_at\` datetime not null, \`used_at\` datetime null, \`created_at\` datetime not null, constraint \`login_link_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`login_link_token_hash_unique\` on \`login_link\` (\`token_hash\`);`);
    this.addSql(`create index \`login_link_person_id_index\` on \`login_link\` (\`person_id\`);`);
  }

}
exports.Migration20261123171021_login_links = Migration20261123171021_login_links;
