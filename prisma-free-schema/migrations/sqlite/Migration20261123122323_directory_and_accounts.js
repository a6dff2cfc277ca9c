'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261123122323_directory_and_accounts extends Migration {

  async up() {
    this.addSql(`create table \`organization\` (\`id\` text not null, \`name\` text not null, \`acronym\` text null, \`type\` text check (\`type\` in ('GOVERNMENT', 'NGO', 'INTERNATIONAL_ORGANIZATION', 'DONOR', 'PRIVATE_SECTOR', 'ACADEMIA', 'MEDIA')) not null, \`country\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`organization_name_index\` on \`organization\` (\`name\`);`);
    this.addSql(`create unique index \`organization_name_country_unique\` on \`organization\` (\`name\`, \`country\`);`);

    this.addSql(`create table \`person\` (\`id\` text not null, \`full_name\` text not null, \`full_name_alt\` text null, \`email\` text null, \`sex\` text check (\`sex\` in ('FEMALE', 'MALE')) null, \`category\` text check (\`category\` in ('OPERATIONAL_OFFICER', 'INVESTIGATOR', 'JUDGE', 'PROSECUTOR', 'BORDER_OFFICER', 'SOCIAL_WORKER', 'NGO_STAFF', 'DIPLOMAT', 'EXPERT', 'OTHER')) not null default 'OTHER', \`position\` text null, \`organization_id\` text null, \`country\` text not null, \`language\` text check (\`language\` in ('en', 'ru', 'uz')) not null default 'en', \`created_at\` datetime not null, constraint \`person_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`person_full_name_index\` on \`person\` (\`full_name\`);`);
    this.addSql(`create unique index \`person_email_unique\` on \`person\` (\`email\`);`);
    this.addSql(`create index \`person_organization_id_index\` on \`person\` (\`organization_id\`);`);

    this.addSql(`create table \`user\` (\`id\` text not null, \`email\` text not null, \`password_hash\` text not null, \`role\` text check (\`role\` in ('ADMIN', 'ORGANIZER', 'TRAINER', 'PARTICIPANT')) not null, \`person_id\` text null, \`created_at\` datetime not null, \`last_login_at\` datetime null, constraint \`user_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`user_email_unique\` on \`user\` (\`email\`);`);
    this.addSql(`create index \`user_person_id_index\` on \`user\` (\`person_id\`);`);

    this.addSql(`create table \`auth_session\` (\`id\` text not null, \`token_hash\` text not null, \`user_id\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, constraint \`auth_session_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`auth_session_token_hash_unique\` on \`auth_session\` (\`token_hash\`);`);
    this.addSql(`create index \`auth_session_user_id_index\` on \`auth_session\` (\`user_id\`);`);
    this.addSql(`create index \`auth_session_expires_at_index\` on \`auth_session\` (\`expires_at\`);`);
  }

}
exports.Migration20261123122323_directory_and_accounts = Migration20261123122323_directory_and_accounts;
