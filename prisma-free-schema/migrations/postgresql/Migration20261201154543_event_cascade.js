'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201154543_event_cascade extends Migration {

  async up() {
    this.addSql(`alter table "training_event" add column "training_of_trainers" boolean not null default false, add column "delivered_by_trainers_of_id" uuid null;`);
    this.addSql(`alter table "training_event" add constraint "training_event_delivered_by_trainers_of_id_foreign" foreign key ("delivered_by_trainers_of_id") references "training_event" ("id") on update cascade on delete set null;`);
  }

  async down() {
    this.addSql(`alter table "training_event" drop constraint "training_event_delivered_by_trainers_of_id_foreign";`);

    this.addSql(`alter table "training_event" drop column "training_of_trainers", drop column "delivered_by_trainers_of_id";`);
  }

}
exports.Migration20261201154543_event_cascade = Migration20261201154543_event_cascade;
