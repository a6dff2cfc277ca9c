'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201134736_evaluations extends Migration {

  async up() {
    this.addSql(`create table \`evaluation_form\` (\`id\` text not null, \`event_kind\` text check (\`event_kind\` in ('EDITION', 'TRAINING_EVENT')) not null, \`event_id\` text not null, \`kind\` text check (\`kind\` in ('END', 'FOLLOW_UP')) not null, \`months_after\` integer null, \`due_on\` text null, \`anonymous\` integer not null default true, \`reminder_days\` integer not null default 7, \`intro\` json not null, \`questions\` json not null, \`sent_at\` datetime null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`evaluation_form_kind_sent_at_due_on_index\` on \`evaluation_form\` (\`kind\`, \`sent_at\`, \`due_on\`);`);
    this.addSql(`create unique index \`evaluation_form_event_kind_event_id_kind_unique\` on \`evaluation_form\` (\`event_kind\`, \`event_id\`, \`kind\`);`);
    this.addSql(`create table \`evaluation_invitation\` (\`id\` text not null, \`form_id\` text not null, \`person_id\` text not null, \`token_hash\` text not null, \`reminder_token_hash\` text null, \`invited_at\` datetime not null, \`reminded_at\` datetime null, \`answered\` integer not null default false, \`answered_on\` text null, constraint \`evaluation_invitation_form_id_foreign\` foreign key(\`form_id\`) references \`evaluation_form\`(\`id\`) on delete cascade on update cascade, constraint \`evaluation_invitation_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`evaluation_invitation_form_id_index\` on \`evaluation_invitation\` (\`form_id\`);`);
    this.addSql(`create unique index \`evaluation_invitation_token_hash_unique\` on \`evaluation_invitation\` (\`token_hash\`);`);
    this.addSql(`create unique index \`evaluation_invitation_reminder_token_hash_unique\` on \`evaluation_invitation\` (\`reminder_token_hash\`);`);
    this.addSql(`create index \`evaluation_invitation_person_id_index\` on \`evaluation_invitation\` (\`person_id\`);`);
    this.addSql(`create unique index \`evaluation_invitation_form_id_person_id_unique\` on \`evaluation_invitation\` (\`form_id\`, \`person_id\`);`);
    this.addSql(`create table \`evaluation_answer_set\` (\`id\` text not null, \`form_id\` text not null, \`answers\` json not null, \`person_id\` text null, \`answered_on\` text null, constraint \`evaluation_answer_set_form_id_foreign\` foreign key(\`form_id\`) references \`evaluation_form\`(\`id\`) on delete cascade on update cascade, constraint \`evaluation_answer_set_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`evaluation_answer_set_person_id_index\` on \`evaluation_answer_set\` (\`person_id\`);`);
    this.addSql(`create index \`evaluation_answer_set_form_id_index\` on \`evaluation_answer_set\` (\`form_id\`);`);
  }

}
exports.Migration20261201134736_evaluations = Migration20261201134736_evaluations;
