'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261123171020_login_links extends Migration {

  async up() {
    this.addSql(`create table "login_link" ("id" uuid not null, "token_hash" varchar(64) not null, "person_id" uuid not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, constraint "login_link_pkey" primary key ("id"));`);
    this.addSql(`alter table "login_link" add constraint "login_link_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "login_link" add constraint "login_link_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
  }

  async down() {
    this.addSql(`drop table if exists "login_link" cascade;`);
  }

}
exports.Migration20261123171020_login_links = Migration20261123171020_login_links;
