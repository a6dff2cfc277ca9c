'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261130133452_ops_outbox_cancelled extends Migration {

  async up() {
    this.addSql(`alter table "outbox_message" drop constraint if exists "outbox_message_state_check";`);

    this.addSql(`alter table "outbox_message" add constraint "outbox_message_state_check" check("state" in ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'CANCELLED'));`);
  }

  async down() {
    this.addSql(`alter table "outbox_message" drop constraint if exists "outbox_message_state_check";`);

    this.addSql(`alter table "outbox_message" add constraint "outbox_message_state_check" check("state" in ('QUEUED', 'SENDING', 'SENT', 'FAILED'));`);
  }

}
exports.Migration20261130133452_ops_outbox_cancelled = Migration20261130133452_ops_outbox_cancelled;
