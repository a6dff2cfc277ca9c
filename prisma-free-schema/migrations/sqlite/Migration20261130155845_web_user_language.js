'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261130155845_web_user_language extends Migration {

  async up() {
    this.addSql(`alter table \`user\` add column \`language\` text check (\`language\` in ('en', 'ru', 'uz')) null;`);
  }

}
exports.Migration20261130155845_web_user_language = Migration20261130155845_web_user_language;
