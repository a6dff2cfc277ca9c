'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201124107_nominations extends Migration {

  async up() {
    this.addSql(`create table \`nomination\` (\`id\` text not null, \`delegation_id\` text not null, \`person_id\` text not null, \`category\` text check (\`category\` in ('OPERATIONAL_OFFICER', 'INVESTIGATOR', 'JUDGE', 'PROSECUTOR', 'BORDER_OFFICER', 'SOCIAL_WORKER', 'NGO_STAFF', 'DIPLOMAT', 'EXPERT', 'OTHER')) not null, \`listed\` integer not null default false, \`status\` text check (\`status\` in ('DRAFT', 'SUBMITTED', 'APPROVED', 'DECLINED')) not null default 'DRAFT', \`decline_reason\` text null, \`letter\` blob null, \`letter_size\` integer null, \`letter_uploaded_at\` datetime null, \`registration_id\` text null, \`created_by\` text null, \`submitted_at\` datetime null, \`decided_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`nomination_delegation_id_foreign\` foreign key(\`delegation_id\`) references \`delegation\`(\`id\`) on delete cascade on update cascade, constraint \`nomination_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on update cascade, constraint \`nomination_registration_id_foreign\` foreign key(\`registration_id\`) references \`registration\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`nomination_delegation_id_index\` on \`nomination\` (\`delegation_id\`);`);
    this.addSql(`create index \`nomination_person_id_index\` on \`nomination\` (\`person_id\`);`);
    this.addSql(`create index \`nomination_registration_id_index\` on \`nomination\` (\`registration_id\`);`);
    this.addSql(`create index \`nomination_delegation_id_status_index\` on \`nomination\` (\`delegation_id\`, \`status\`);`);
    this.addSql(`create unique index \`nomination_delegation_id_person_id_unique\` on \`nomination\` (\`delegation_id\`, \`person_id\`);`);
  }

}
exports.Migration20261201124107_nominations = Migration20261201124107_nominations;
