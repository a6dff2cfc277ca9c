'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201154652_implemented_recommendations extends Migration {

  async up() {
    this.addSql(`create table \`implemented_recommendation\` (\`id\` text not null, \`programme_id\` text null, \`event_id\` text null, \`recommendation_id\` text not null, \`created_at\` datetime not null, constraint \`implemented_recommendation_programme_id_foreign\` foreign key(\`programme_id\`) references \`training_programme\`(\`id\`) on delete cascade on update cascade, constraint \`implemented_recommendation_event_id_foreign\` foreign key(\`event_id\`) references \`training_event\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`), constraint implemented_recommendation_programme_or_event check ((programme_id is null and event_id is not null) or (programme_id is not null and event_id is null)));`);
    this.addSql(`create index \`implemented_recommendation_programme_id_index\` on \`implemented_recommendation\` (\`programme_id\`);`);
    this.addSql(`create index \`implemented_recommendation_event_id_index\` on \`implemented_recommendation\` (\`event_id\`);`);
    this.addSql(`create index \`implemented_recommendation_recommendation_id_index\` on \`implemented_recommendation\` (\`recommendation_id\`);`);
    this.addSql(`create unique index \`implemented_recommendation_event_id_recommendation_id_unique\` on \`implemented_recommendation\` (\`event_id\`, \`recommendation_id\`);`);
    this.addSql(`create unique index \`implemented_recommendation_programme_id_recommendation_id_unique\` on \`implemented_recommendation\` (\`programme_id\`, \`recommendation_id\`);`);
  }

}
exports.Migration20261201154652_implemented_recommendations = Migration20261201154652_implemented_recommendations;
