'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201155300_programme_targets extends Migration {

  async up() {
    this.addSql(`create table \`programme_target\` (\`id\` text not null, \`programme_id\` text not null, \`period_from\` text not null, \`period_to\` text not null, \`people_trained\` integer null, \`people_trained_by_sex\` json not null, \`people_trained_by_category\` json not null, \`share_of_women\` double null, \`mean_knowledge_gain\` double null, \`satisfaction\` double null, \`updated_at\` datetime not null, constraint \`programme_target_programme_id_foreign\` foreign key(\`programme_id\`) references \`training_programme\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`programme_target_programme_id_index\` on \`programme_target\` (\`programme_id\`);`);
    this.addSql(`create unique index \`programme_target_programme_id_period_from_period_to_unique\` on \`programme_target\` (\`programme_id\`, \`period_from\`, \`period_to\`);`);
  }

}
exports.Migration20261201155300_programme_targets = Migration20261201155300_programme_targets;
