'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201134515_knowledge_tests extends Migration {

  async up() {
    this.addSql(`create table \`knowledge_test\` (\`id\` text not null, \`programme_id\` text null, \`event_id\` text null, \`pass_mark\` integer not null, \`opened\` integer not null default false, \`created_at\` datetime not null, constraint \`knowledge_test_programme_id_foreign\` foreign key(\`programme_id\`) references \`training_programme\`(\`id\`) on delete cascade on update cascade, constraint \`knowledge_test_event_id_foreign\` foreign key(\`event_id\`) references \`training_event\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`knowledge_test_programme_id_index\` on \`knowledge_test\` (\`programme_id\`);`);
    this.addSql(`create index \`knowledge_test_event_id_index\` on \`knowledge_test\` (\`event_id\`);`);
    this.addSql(`create unique index \`knowledge_test_event_id_unique\` on \`knowledge_test\` (\`event_id\`);`);
    this.addSql(`create unique index \`knowledge_test_programme_id_unique\` on \`knowledge_test\` (\`programme_id\`);`);
    this.addSql(`create table \`knowledge_question\` (\`id\` text not null, \`test_id\` text not null, \`position\` integer not null, \`type\` text check (\`type\` in ('SINGLE', 'MULTIPLE', 'TRUE_FALSE')) not null, \`text\` text not null, \`options\` json not null, \`correct\` json not null, \`translations\` json not null default '{}', constraint \`knowledge_question_test_id_foreign\` foreign key(\`test_id\`) references \`knowledge_test\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`knowledge_question_test_id_index\` on \`knowledge_question\` (\`test_id\`);`);
    this.addSql(`create unique index \`knowledge_question_test_id_position_unique\` on \`knowledge_question\` (\`test_id\`, \`position\`);`);
    this.addSql(`create table \`knowledge_attempt\` (\`id\` text not null, \`enrollment_id\` text not null, \`kind\` text check (\`kind\` in ('PRE', 'POST')) not null, \`source\` text check (\`source\` in ('ONLINE', 'PAPER')) not null, \`test_id\` text not null, \`score\` double not null, \`pass_mark\` integer not null, \`answers\` json null, \`entered_by\` text null, \`submitted_at\` datetime not null, constraint \`knowledge_attempt_enrollment_id_foreign\` foreign key(\`enrollment_id\`) references \`enrollment\`(\`id\`) on delete cascade on update cascade, constraint \`knowledge_attempt_test_id_foreign\` foreign key(\`test_id\`) references \`knowledge_test\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`knowledge_attempt_enrollment_id_index\` on \`knowledge_attempt\` (\`enrollment_id\`);`);
    this.addSql(`create index \`knowledge_attempt_test_id_index\` on \`knowledge_attempt\` (\`test_id\`);`);
    this.addSql(`create unique index \`knowledge_attempt_enrollment_id_kind_unique\` on \`knowledge_attempt\` (\`enrollment_id\`, \`kind\`);`);
  }

}
exports.Migration20261201134515_knowledge_tests = Migration20261201134515_knowledge_tests;
