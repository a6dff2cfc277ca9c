'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201123330_delegations extends Migration {

  async up() {
    this.addSql(`create table \`delegation\` (\`id\` text not null, \`edition_id\` text not null, \`kind\` text check (\`kind\` in ('COUNTRY', 'ORGANIZATION')) not null, \`country\` text null, \`organization_id\` text null, \`head_id\` text null, \`seats\` integer not null, \`category_seats\` json not null default '{}', \`created_at\` datetime not null, constraint \`delegation_edition_id_foreign\` foreign key(\`edition_id\`) references \`edition\`(\`id\`) on delete cascade on update cascade, constraint \`delegation_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on delete set null on update cascade, constraint \`delegation_head_id_foreign\` foreign key(\`head_id\`) references \`person\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`delegation_edition_id_index\` on \`delegation\` (\`edition_id\`);`);
    this.addSql(`create index \`delegation_organization_id_index\` on \`delegation\` (\`organization_id\`);`);
    this.addSql(`create index \`delegation_head_id_index\` on \`delegation\` (\`head_id\`);`);
    this.addSql(`create unique index \`delegation_edition_id_organization_id_unique\` on \`delegation\` (\`edition_id\`, \`organization_id\`);`);
    this.addSql(`create unique index \`delegation_edition_id_country_unique\` on \`delegation\` (\`edition_id\`, \`country\`);`);
    this.addSql(`create table \`delegation_focal_point\` (\`id\` text not null, \`delegation_id\` text not null, \`user_id\` text not null, constraint \`delegation_focal_point_delegation_id_foreign\` foreign key(\`delegation_id\`) references \`delegation\`(\`id\`) on delete cascade on update cascade, constraint \`delegation_focal_point_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`delegation_focal_point_delegation_id_index\` on \`delegation_focal_point\` (\`delegation_id\`);`);
    this.addSql(`create index \`delegation_focal_point_user_id_index\` on \`delegation_focal_point\` (\`user_id\`);`);
    this.addSql(`create unique index \`delegation_focal_point_delegation_id_user_id_unique\` on \`delegation_focal_point\` (\`delegation_id\`, \`user_id\`);`);
    this.addSql(`alter table \`registration\` add column \`delegation_id\` text null;`);
    this.addSql(`alter table \`registration\` add column \`listed\` integer not null default false;`);
    this.addSql(`create index \`registration_delegation_id_index\` on \`registration\` (\`delegation_id\`);`);
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`user__temp_alter\` (\`id\` text not null, \`email\` text not null, \`password_hash\` text not null, \`role\` text check (\`role\` in ('ADMIN', 'ORGANIZER', 'TRAINER', 'FOCAL_POINT', 'PARTICIPANT')) not null, \`person_id\` text null, \`created_at\` datetime not null, \`last_login_at\` datetime null, \`language\` text check (\`language\` in ('en', 'ru', 'uz')) null, constraint \`user_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`user__temp_alter\` select \`id\`, \`email\`, \`password_hash\`, \`role\`, \`person_id\`, \`created_at\`, \`last_login_at\`, \`language\` from \`user\`;`);
    this.addSql(`drop table \`user\`;`);
    this.addSql(`alter table \`user__temp_alter\` rename to \`user\`;`);
    this.addSql(`create unique index \`user_email_unique\` on \`user\` (\`email\`);`);
    this.addSql(`create index \`user_person_id_index\` on \`user\` (\`person_id\`);`);
    this.addSql(`create unique index \`user_person_id_unique\` on \`user\` (\`person_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
exports.Migration20261201123330_delegations = Migration20261201123330_delegations;
