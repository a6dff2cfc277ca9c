'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201154650_implemented_recommendations extends Migration {

  async up() {
    this.addSql(`create table "implemented_recommendation" ("id" uuid not null, "programme_id" uuid null, "event_id" uuid null, "recommendation_id" uuid not null, "created_at" timestamptz not null, constraint "implemented_recommendation_pkey" primary key ("id"), constraint implemented_recommendation_programme_or_event check ((programme_id is null and event_id is not null) or (programme_id is not null and event_id is null)));`);
    this.addSql(`create index "implemented_recommendation_recommendation_id_index" on "implemented_recommendation" ("recommendation_id");`);
    this.addSql(`alter table "implemented_recommendation" add constraint "implemented_recommendation_event_id_recommendation_id_unique" unique ("event_id", "recommendation_id");`);
    this.addSql(`alter table "implemented_recommendation" add constraint "implemented_recommendation_programme_id_recommend_204fb_unique" unique ("programme_id", "recommendation_id");`);

    this.addSql(`alter table "implemented_recommendation" add constraint "implemented_recommendation_programme_id_foreign" foreign key ("programme_id") references "training_programme" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "implemented_recommendation" add constraint "implemented_recommendation_event_id_foreign" foreign key ("event_id") references "training_event" ("id") on update cascade on delete cascade;`);
  }

  async down() {
    this.addSql(`drop table if exists "implemented_recommendation" cascade;`);
  }

}
exports.Migration20261201154650_implemented_recommendations = Migration20261201154650_implemented_recommendations;
