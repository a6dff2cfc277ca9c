'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201154544_event_cascade extends Migration {

  async up() {
    this.addSql(`alter table \`training_event\` add column \`training_of_trainers\` integer not null default false;`);
    this.addSql(`alter table \`training_event\` add column \`delivered_by_trainers_of_id\` text null;`);
    this.addSql(`create index \`training_event_delivered_by_trainers_of_id_index\` on \`training_event\` (\`delivered_by_trainers_of_id\`);`);
  }

}
exports.Migration20261201154544_event_cascade = Migration20261201154544_event_cascade;
