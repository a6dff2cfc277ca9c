'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261123170431_mail extends Migration {

  async up() {
    this.addSql(`create table \`outbox_message\` (\`id\` text not null, \`idempotency_key\` text not null, \`message_id\` text not null, \`template\` text check (\`template\` in ('INVITATION', 'REGISTRATION_CONFIRMED', 'WAITLISTED', 'PROMOTED_FROM_WAITLIST', 'REMINDER', 'CERTIFICATE_ISSUED', 'RECOMMENDATIONS', 'ENROLLMENT_CONFIRMED', 'LOGIN_LINK')) not null, \`language\` text not null, \`to_email\` text not null, \`to_name\` text not null, \`person_id\` text null, \`edition_id\` text null, \`training_event_id\` text null, \`subject\` text not null, \`text\` text not null, \`html\` text not null, \`attachments\` json not null, \`state\` text check (\`state\` in ('QUEUED', 'SENDING', 'SENT', 'FAILED')) not null default 'QUEUED', \`attempts\` integer not null default 0, \`last_error\` text null, \`next_attempt_at\` datetime not null, \`claimed_until\` datetime null, \`sent_at\` datetime null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`outbox_message_idempotency_key_unique\` on \`outbox_message\` (\`idempotency_key\`);`);
    this.addSql(`create index \`outbox_message_to_email_index\` on \`outbox_message\` (\`to_email\`);`);
    this.addSql(`create index \`outbox_message_edition_id_index\` on \`outbox_message\` (\`edition_id\`);`);
    this.addSql(`create index \`outbox_message_state_next_attempt_at_index\` on \`outbox_message\` (\`state\`, \`next_attempt_at\`);`);
    this.addSql(`create table \`template_override\` (\`id\` text not null, \`edition_id\` text not null, \`template\` text check (\`template\` in ('INVITATION', 'REGISTRATION_CONFIRMED', 'WAITLISTED', 'PROMOTED_FROM_WAITLIST', 'REMINDER', 'CERTIFICATE_ISSUED', 'RECOMMENDATIONS', 'ENROLLMENT_CONFIRMED', 'LOGIN_LINK')) not null, \`language\` text not null, \`subject\` text not null, \`body\` text not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`template_override_edition_id_template_language_unique\` on \`template_override\` (\`edition_id\`, \`template\`, \`language\`);`);
  }

}
exports.Migration20261123170431_mail = Migration20261123170431_mail;
