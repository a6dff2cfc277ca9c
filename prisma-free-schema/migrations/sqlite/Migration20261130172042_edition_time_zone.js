'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261130172042_edition_time_zone extends Migration {

  async up() {
    this.addSql(`alter table \`edition\` add column \`time_zone\` text not null default 'UTC';`);
    // Editions that exist already: the zone of their host country, where it has one.
    const zones = {
      UZ: 'Asia/Tashkent',
      KZ: 'Asia/Almaty',
      KG: 'Asia/Bishkek',
      TJ: 'Asia/Dushanbe',
      TM: 'Asia/Ashgabat',
      AF: 'Asia/Kabul',
      AZ: 'Asia/Baku',
      GE: 'Asia/Tbilisi',
      AM: 'Asia/Yerevan',
      TR: 'Europe/Istanbul',
      PK: 'Asia/Karachi',
      IN: 'Asia/Kolkata',
      CN: 'Asia/Shanghai',
      IR: 'Asia/Tehran',
      AE: 'Asia/Dubai',
      BY: 'Europe/Minsk',
      UA: 'Europe/Kiev',
      MD: 'Europe/Chisinau',
      AT: 'Europe/Vienna',
      DE: 'Europe/Berlin',
      CH: 'Europe/Zurich',
      GB: 'Europe/London',
      FR: 'Europe/Paris',
      IT: 'Europe/Rome',
    };
    for (const [country, zone] of Object.entries(zones)) {
      this.addSql(`update \`edition\` set \`time_zone\` = '${zone}' where \`host_country\` = '${country}';`);
    }
  }

}
exports.Migration20261130172042_edition_time_zone = Migration20261130172042_edition_time_zone;
