'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261130133452_ops_outbox_cancelled extends Migration {

  async up() {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`outbox_message__temp_alter\` (\`id\` text not null, \`idempotency_key\` text not null, \`message_id\` text not null, \`template\` text check (\`template\` in ('INVITATION', 'REGISTRATION_CONFIRMED', 'WAITLISTED', 'PROMOTED_FROM_WAITLIST', 'REMINDER', 'CERTIFICATE_ISSUED', 'RECOMMENDATIONS', 'ENROLLMENT_CONFIRMED', 'LOGIN_LINK')) not null, \`language\` text not null, \`to_email\` text not null, \`to_name\` text not null, \`person_id\` text null, \`edition_id\` text null, \`training_event_id\` text null, \`subject\` text not null, \`text\` text not null, \`html\` text not null, \`attachments\` json not null, \`state\` text check (\`state\` in ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'CANCELLED')) not null default 'QUEUED', \`attempts\` integer not null default 0, \`last_error\` text null, \`next_attempt_at\` datetime not null, \`claimed_until\` datetime null, \`sent_at\` datetime null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`insert into \`outbox_message__temp_alter\` select \`id\`, \`idempotency_key\`, \`message_id\`, \`template\`, \`language\`, \`to_email\`, \`to_name\`, \`person_id\`, \`edition_id\`, \`training_event_id\`, \`subject\`, \`text\`, \`html\`, \`attachments\`, \`state\`, \`attempts\`, \`last_error\`, \`next_attempt_at\`, \`claimed_until\`, \`sent_at\`, \`created_at\` from \`outbox_message\`;`);
    this.addSql(`drop table \`outbox_message\`;`);
    this.addSql(`alter table \`outbox_message__temp_alter\` rename to \`outbox_message\`;`);
    this.addSql(`create unique index \`outbox_message_idempotency_key_unique\` on \`outbox_message\` (\`idempotency_key\`);`);
    this.addSql(`create index \`outbox_message_to_email_index\` on \`outbox_message\` (\`to_email\`);`);
    this.addSql(`create index \`outbox_message_edition_id_index\` on \`outbox_message\` (\`edition_id\`);`);
    this.addSql(`create index \`outbox_message_state_next_attempt_at_index\` on \`outbox_message\` (\`state\`, \`next_attempt_at\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
exports.Migration20261130133452_ops_outbox_cancelled = Migration20261130133452_ops_outbox_cancelled;
