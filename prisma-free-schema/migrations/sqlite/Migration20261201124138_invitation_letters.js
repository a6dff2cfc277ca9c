'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201124138_invitation_letters extends Migration {

  async up() {
    this.addSql(`create table \`invitation_letter_counter\` (\`edition_id\` text not null, \`last_number\` integer not null, primary key (\`edition_id\`));`);
    this.addSql(`create table \`invitation_letter\` (\`id\` text not null, \`registration_id\` text not null, \`edition_id\` text not null, \`requested_by_id\` text null, \`status\` text check (\`status\` in ('REQUESTED', 'APPROVED', 'DECLINED')) not null default 'REQUESTED', \`decline_reason\` text null, \`number\` text null, \`verification_code\` text null, \`passport_data\` text null, \`signatory_name\` text null, \`signatory_position\` text null, \`requested_at\` datetime not null, \`decided_at\` datetime null, \`decided_by_id\` text null, \`approved_at\` datetime null, \`erased_at\` datetime null, constraint \`invitation_letter_registration_id_foreign\` foreign key(\`registration_id\`) references \`registration\`(\`id\`) on delete cascade on update cascade, constraint \`invitation_letter_edition_id_foreign\` foreign key(\`edition_id\`) references \`edition\`(\`id\`) on delete cascade on update cascade, constraint \`invitation_letter_requested_by_id_foreign\` foreign key(\`requested_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, constraint \`invitation_letter_decided_by_id_foreign\` foreign key(\`decided_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`invitation_letter_edition_id_index\` on \`invitation_letter\` (\`edition_id\`);`);
    this.addSql(`create index \`invitation_letter_requested_by_id_index\` on \`invitation_letter\` (\`requested_by_id\`);`);
    this.addSql(`create unique index \`invitation_letter_number_unique\` on \`invitation_letter\` (\`number\`);`);
    this.addSql(`create unique index \`invitation_letter_verification_code_unique\` on \`invitation_letter\` (\`verification_code\`);`);
    this.addSql(`create index \`invitation_letter_decided_by_id_index\` on \`invitation_letter\` (\`decided_by_id\`);`);
    this.addSql(`create index \`invitation_letter_registration_id_index\` on \`invitation_letter\` (\`registration_id\`);`);
    this.addSql(`create index \`invitation_letter_edition_id_status_index\` on \`invitation_letter\` (\`edition_id\`, \`status\`);`);
  }

}
exports.Migration20261201124138_invitation_letters = Migration20261201124138_invitation_letters;
