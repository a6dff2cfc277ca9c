'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201123330_delegations extends Migration {

  async up() {
    this.addSql(`create table "delegation" ("id" uuid not null, "edition_id" uuid not null, "kind" text check ("kind" in ('COUNTRY', 'ORGANIZATION')) not null, "country" varchar(2) null, "organization_id" uuid null, "head_id" uuid null, "seats" int not null, "category_seats" jsonb not null default '{}', "created_at" timestamptz not null, constraint "delegation_pkey" primary key ("id"));`);
    this.addSql(`alter table "delegation" add constraint "delegation_edition_id_organization_id_unique" unique ("edition_id", "organization_id");`);
    this.addSql(`alter table "delegation" add constraint "delegation_edition_id_country_unique" unique ("edition_id", "country");`);

    this.addSql(`create table "delegation_focal_point" ("id" uuid not null, "delegation_id" uuid not null, "user_id" uuid not null, constraint "delegation_focal_point_pkey" primary key ("id"));`);
    this.addSql(`alter table "delegation_focal_point" add constraint "delegation_focal_point_delegation_id_user_id_unique" unique ("delegation_id", "user_id");`);

    this.addSql(`alter table "delegation" add constraint "delegation_edition_id_foreign" foreign key ("edition_id") references "edition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "delegation" add constraint "delegation_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "delegation" add constraint "delegation_head_id_foreign" foreign key ("head_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "delegation_focal_point" add constraint "delegation_focal_point_delegation_id_foreign" foreign key ("delegation_id") references "delegation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "delegation_focal_point" add constraint "delegation_focal_point_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user" drop constraint if exists "user_role_check";`);

    this.addSql(`alter table "registration" add column "delegation_id" uuid null, add column "listed" boolean not null default false;`);
    this.addSql(`alter table "registration" add constraint "registration_delegation_id_foreign" foreign key ("delegation_id") references "delegation" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "user" add constraint "user_role_check" check("role" in ('ADMIN', 'ORGANIZER', 'TRAINER', 'FOCAL_POINT', 'PARTICIPANT'));`);
  }

  async down() {
    this.addSql(`alter table "registration" drop constraint "registration_delegation_id_foreign";`);

    this.addSql(`alter table "delegation_focal_point" drop constraint "delegation_focal_point_delegation_id_foreign";`);

    this.addSql(`drop table if exists "delegation" cascade;`);

    this.addSql(`drop table if exists "delegation_focal_point" cascade;`);

    this.addSql(`alter table "user" drop constraint if exists "user_role_check";`);

    this.addSql(`alter table "registration" drop column "delegation_id", drop column "listed";`);

    this.addSql(`alter table "user" add constraint "user_role_check" check("role" in ('ADMIN', 'ORGANIZER', 'TRAINER', 'PARTICIPANT'));`);
  }

}
exports.Migration20261201123330_delegations = Migration20261201123330_delegations;
