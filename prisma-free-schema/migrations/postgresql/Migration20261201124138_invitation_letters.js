'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201124138_invitation_letters extends Migration {

  async up() {
    this.addSql(`create table "invitation_letter_counter" ("edition_id" uuid not null, "last_number" int not null, constraint "invitation_letter_counter_pkey" primary key ("edition_id"));`);

    this.addSql(`create table "invitation_letter" ("id" uuid not null, "registration_id" uuid not null, "edition_id" uuid not null, "requested_by_id" uuid null, "status" text check ("status" in ('REQUESTED', 'APPROVED', 'DECLINED')) not null default 'REQUESTED', "decline_reason" text null, "number" varchar(40) null, "verification_code" varchar(32) null, "passport_data" text null, "signatory_name" varchar(200) null, "signatory_position" varchar(200) null, "requested_at" timestamptz not null, "decided_at" timestamptz null, "decided_by_id" uuid null, "approved_at" timestamptz null, "erased_at" timestamptz null, constraint "invitation_letter_pkey" primary key ("id"));`);
    this.addSql(`alter table "invitation_letter" add constraint "invitation_letter_number_unique" unique ("number");`);
    this.addSql(`alter table "invitation_letter" add constraint "invitation_letter_verification_code_unique" unique ("verification_code");`);
    this.addSql(`create index "invitation_letter_registration_id_index" on "invitation_letter" ("registration_id");`);
    this.addSql(`create index "invitation_letter_edition_id_status_index" on "invitation_letter" ("edition_id", "status");`);

    this.addSql(`alter table "invitation_letter" add constraint "invitation_letter_registration_id_foreign" foreign key ("registration_id") references "registration" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invitation_letter" add constraint "invitation_letter_edition_id_foreign" foreign key ("edition_id") references "edition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invitation_letter" add constraint "invitation_letter_requested_by_id_foreign" foreign key ("requested_by_id") references "user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "invitation_letter" add constraint "invitation_letter_decided_by_id_foreign" foreign key ("decided_by_id") references "user" ("id") on update cascade on delete set null;`);
  }

  async down() {
    this.addSql(`drop table if exists "invitation_letter_counter" cascade;`);

    this.addSql(`drop table if exists "invitation_letter" cascade;`);
  }

}
exports.Migration20261201124138_invitation_letters = Migration20261201124138_invitation_letters;
