'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201124107_nominations extends Migration {

  async up() {
    this.addSql(`create table "nomination" ("id" uuid not null, "delegation_id" uuid not null, "person_id" uuid not null, "category" text check ("category" in ('OPERATIONAL_OFFICER', 'INVESTIGATOR', 'JUDGE', 'PROSECUTOR', 'BORDER_OFFICER', 'SOCIAL_WORKER', 'NGO_STAFF', 'DIPLOMAT', 'EXPERT', 'OTHER')) not null, "listed" boolean not null default false, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'APPROVED', 'DECLINED')) not null default 'DRAFT', "decline_reason" text null, "letter" bytea null, "letter_size" int null, "letter_uploaded_at" timestamptz null, "registration_id" uuid null, "created_by" uuid null, "submitted_at" timestamptz null, "decided_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "nomination_pkey" primary key ("id"));`);
    this.addSql(`create index "nomination_delegation_id_status_index" on "nomination" ("delegation_id", "status");`);
    this.addSql(`alter table "nomination" add constraint "nomination_delegation_id_person_id_unique" unique ("delegation_id", "person_id");`);

    this.addSql(`alter table "nomination" add constraint "nomination_delegation_id_foreign" foreign key ("delegation_id") references "delegation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "nomination" add constraint "nomination_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "nomination" add constraint "nomination_registration_id_foreign" foreign key ("registration_id") references "registration" ("id") on update cascade on delete set null;`);
  }

  async down() {
    this.addSql(`drop table if exists "nomination" cascade;`);
  }

}
exports.Migration20261201124107_nominations = Migration20261201124107_nominations;
