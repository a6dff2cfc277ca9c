'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201124248_badges extends Migration {

  async up() {
    this.addSql(`create table \`badge_signing_key\` (\`name\` text not null, \`secret\` blob not null, \`created_at\` datetime not null, primary key (\`name\`));`);
    this.addSql(`create table \`badge\` (\`id\` text not null, \`registration_id\` text not null, \`role\` text check (\`role\` in ('DELEGATE', 'SPEAKER', 'ORGANIZER', 'PRESS', 'STAFF')) null, \`photo\` blob null, \`photo_type\` text null, \`token_version\` integer not null default 1, \`revoked_at\` datetime null, \`created_at\` datetime not null, constraint \`badge_registration_id_foreign\` foreign key(\`registration_id\`) references \`registration\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`badge_registration_id_index\` on \`badge\` (\`registration_id\`);`);
    this.addSql(`create unique index \`badge_registration_id_unique\` on \`badge\` (\`registration_id\`);`);
    this.addSql(`create table \`badge_print\` (\`id\` text not null, \`badge_id\` text not null, \`printed_at\` datetime not null, \`printed_by_id\` text null, \`reprint\` integer not null, constraint \`badge_print_badge_id_foreign\` foreign key(\`badge_id\`) references \`badge\`(\`id\`) on delete cascade on update cascade, constraint \`badge_print_printed_by_id_foreign\` foreign key(\`printed_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`badge_print_badge_id_index\` on \`badge_print\` (\`badge_id\`);`);
    this.addSql(`create index \`badge_print_printed_by_id_index\` on \`badge_print\` (\`printed_by_id\`);`);
    this.addSql(`create index \`badge_print_badge_id_printed_at_index\` on \`badge_print\` (\`badge_id\`, \`printed_at\`);`);
  }

}
exports.Migration20261201124248_badges = Migration20261201124248_badges;
