'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261123122323_directory_and_accounts extends Migration {

  async up() {
    this.addSql(`create table "organization" ("id" uuid not null, "name" varchar(300) not null, "acronym" varchar(50) null, "type" text check ("type" in ('GOVERNMENT', 'NGO', 'INTERNATIONAL_ORGANIZATION', 'DONOR', 'PRIVATE_SECTOR', 'ACADEMIA', 'MEDIA')) not null, "country" varchar(2) not null, "created_at" timestamptz not null, constraint "organization_pkey" primary key ("id"));`);
    this.addSql(`create index "organization_name_index" on "organization" ("name");`);
    this.addSql(`alter table "organization" add constraint "organization_name_country_unique" unique ("name", "country");`);

    this.addSql(`create table "person" ("id" uuid not null, "full_name" varchar(200) not null, "full_name_alt" varchar(200) null, "email" varchar(254) null, "sex" text check ("sex" in ('FEMALE', 'MALE')) null, "category" text check ("category" in ('OPERATIONAL_OFFICER', 'INVESTIGATOR', 'JUDGE', 'PROSECUTOR', 'BORDER_OFFICER', 'SOCIAL_WORKER', 'NGO_STAFF', 'DIPLOMAT', 'EXPERT', 'OTHER')) not null default 'OTHER', "position" varchar(200) null, "organization_id" uuid null, "country" varchar(2) not null, "language" text check ("language" in ('en', 'ru', 'uz')) not null default 'en', "created_at" timestamptz not null, constraint "person_pkey" primary key ("id"));`);
    this.addSql(`create index "person_full_name_index" on "person" ("full_name");`);
    this.addSql(`alter table "person" add constraint "person_email_unique" unique ("email");`);

    this.addSql(`create table "user" ("id" uuid not null, "email" varchar(254) not null, "password_hash" varchar(200) not null, "role" text check ("role" in ('ADMIN', 'ORGANIZER', 'TRAINER', 'PARTICIPANT')) not null, "person_id" uuid null, "created_at" timestamptz not null, "last_login_at" timestamptz null, constraint "user_pkey" primary key ("id"));`);
    this.addSql(`alter table "user" add constraint "user_email_unique" unique ("email");`);

    this.addSql(`create table "auth_session" ("id" uuid not null, "token_hash" varchar(64) not null, "user_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "auth_session_pkey" primary key ("id"));`);
    this.addSql(`alter table "auth_session" add constraint "auth_session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "auth_session_expires_at_index" on "auth_session" ("expires_at");`);

    this.addSql(`alter table "person" add constraint "person_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "user" add constraint "user_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "auth_session" add constraint "auth_session_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);
  }

}
exports.Migration20261123122323_directory_and_accounts = Migration20261123122323_directory_and_accounts;
