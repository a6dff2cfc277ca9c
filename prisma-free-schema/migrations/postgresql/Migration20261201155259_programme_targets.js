'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201155259_programme_targets extends Migration {

  async up() {
    this.addSql(`create table "programme_target" ("id" uuid not null, "programme_id" uuid not null, "period_from" varchar(10) not null, "period_to" varchar(10) not null, "people_trained" int null, "people_trained_by_sex" jsonb not null, "people_trained_by_category" jsonb not null, "share_of_women" double precision null, "mean_knowledge_gain" double precision null, "satisfaction" double precision null, "updated_at" timestamptz not null, constraint "programme_target_pkey" primary key ("id"));`);
    this.addSql(`alter table "programme_target" add constraint "programme_target_programme_id_period_from_period_to_unique" unique ("programme_id", "period_from", "period_to");`);

    this.addSql(`alter table "programme_target" add constraint "programme_target_programme_id_foreign" foreign key ("programme_id") references "training_programme" ("id") on update cascade on delete cascade;`);
  }

  async down() {
    this.addSql(`drop table if exists "programme_target" cascade;`);
  }

}
exports.Migration20261201155259_programme_targets = Migration20261201155259_programme_targets;
