'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201124247_badges extends Migration {

  async up() {
    this.addSql(`create table "badge_signing_key" ("name" varchar(20) not null, "secret" bytea not null, "created_at" timestamptz not null, constraint "badge_signing_key_pkey" primary key ("name"));`);

    this.addSql(`create table "badge" ("id" uuid not null, "registration_id" uuid not null, "role" text check ("role" in ('DELEGATE', 'SPEAKER', 'ORGANIZER', 'PRESS', 'STAFF')) null, "photo" bytea null, "photo_type" varchar(20) null, "token_version" int not null default 1, "revoked_at" timestamptz null, "created_at" timestamptz not null, constraint "badge_pkey" primary key ("id"));`);
    this.addSql(`alter table "badge" add constraint "badge_registration_id_unique" unique ("registration_id");`);

    this.addSql(`create table "badge_print" ("id" uuid not null, "badge_id" uuid not null, "printed_at" timestamptz not null, "printed_by_id" uuid null, "reprint" boolean not null, constraint "badge_print_pkey" primary key ("id"));`);
    this.addSql(`create index "badge_print_badge_id_printed_at_index" on "badge_print" ("badge_id", "printed_at");`);

    this.addSql(`alter table "badge" add constraint "badge_registration_id_foreign" foreign key ("registration_id") references "registration" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "badge_print" add constraint "badge_print_badge_id_foreign" foreign key ("badge_id") references "badge" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "badge_print" add constraint "badge_print_printed_by_id_foreign" foreign key ("printed_by_id") references "user" ("id") on update cascade on delete set null;`);
  }

  async down() {
    this.addSql(`alter table "badge_print" drop constraint "badge_print_badge_id_foreign";`);

    this.addSql(`drop table if exists "badge_signing_key" cascade;`);

    this.addSql(`drop table if exists "badge" cascade;`);

    this.addSql(`drop table if exists "badge_print" cascade;`);
  }

}
exports.Migration20261201124247_badges = Migration20261201124247_badges;
