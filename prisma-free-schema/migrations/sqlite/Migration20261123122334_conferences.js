'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261123122334_conferences extends Migration {

  async up() {
    this.addSql(`create table \`conference_series\` (\`id\` text not null, \`name\` text not null, \`description\` text null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`conference_series_name_unique\` on \`conference_series\` (\`name\`);`);

    this.addSql(`create table \`edition\` (\`id\` text not null, \`series_id\` text not null, \`title\` text not null, \`theme\` text null, \`year\` integer not null, \`host_country\` text not null, \`city\` text not null, \`venue\` text null, \`start_date\` text not null, \`end_date\` text not null, \`objectives\` json not null, \`status\` text check (\`status\` in ('PLANNING', 'REGISTRATION_OPEN', 'IN_PROGRESS', 'CLOSED')) not null default 'PLANNING', \`is_published\` integer not null default false, \`capacity\` integer null, \`version\` integer not null default 1, \`created_at\` datetime not null, constraint \`edition_series_id_foreign\` foreign key(\`series_id\`) references \`conference_series\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`edition_series_id_index\` on \`edition\` (\`series_id\`);`);
    this.addSql(`create index \`edition_year_index\` on \`edition\` (\`year\`);`);
    this.addSql(`create index \`edition_host_country_index\` on \`edition\` (\`host_country\`);`);
    this.addSql(`create unique index \`edition_series_id_year_unique\` on \`edition\` (\`series_id\`, \`year\`);`);

    this.addSql(`create table \`edition_partner\` (\`id\` text not null, \`edition_id\` text not null, \`organization_id\` text not null, \`role\` text check (\`role\` in ('HOST', 'CO_ORGANIZER', 'FUNDER', 'PARTNER')) not null, constraint \`edition_partner_edition_id_foreign\` foreign key(\`edition_id\`) references \`edition\`(\`id\`) on delete cascade on update cascade, constraint \`edition_partner_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`edition_partner_edition_id_index\` on \`edition_partner\` (\`edition_id\`);`);
    this.addSql(`create index \`edition_partner_organization_id_index\` on \`edition_partner\` (\`organization_id\`);`);
    this.addSql(`create unique index \`edition_partner_edition_id_organization_id_role_unique\` on \`edition_partner\` (\`edition_id\`, \`organization_id\`, \`role\`);`);

    this.addSql(`create table \`agenda_session\` (\`id\` text not null, \`edition_id\` text not null, \`day\` integer not null, \`start_time\` text not null, \`end_time\` text not null, \`kind\` text check (\`kind\` in ('OPENING', 'SPEECH', 'PRESENTATION', 'VIDEO_MESSAGE', 'PANEL', 'PLENARY', 'WORKING_GROUP_SITTING', 'BREAK', 'CLOSING')) not null, \`title\` text not null, \`description\` text null, \`room\` text null, \`moderator_id\` text null, constraint \`agenda_session_edition_id_foreign\` foreign key(\`edition_id\`) references \`edition\`(\`id\`) on delete cascade on update cascade, constraint \`agenda_session_moderator_id_foreign\` foreign key(\`moderator_id\`) references \`person\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`agenda_session_edition_id_index\` on \`agenda_session\` (\`edition_id\`);`);
    this.addSql(`create index \`agenda_session_moderator_id_index\` on \`agenda_session\` (\`moderator_id\`);`);
    this.addSql(`create index \`agenda_session_edition_id_day_start_time_index\` on \`agenda_session\` (\`edition_id\`, \`day\`, \`start_time\`);`);

    this.addSql(`create table \`registration\` (\`id\` text not null, \`edition_id\` text not null, \`person_id\` text not null, \`status\` text check (\`status\` in ('INVITED', 'REGISTERED', 'CONFIRMED', 'WAITLISTED', 'DECLINED', 'CANCELLED')) not null, \`delegation_country\` text not null, \`created_at\` datetime not null, \`status_changed_at\` datetime not null, constraint \`registration_edition_id_foreign\` foreign key(\`edition_id\`) references \`edition\`(\`id\`) on delete cascade on update cascade, constraint \`registration_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`registration_edition_id_index\` on \`registration\` (\`edition_id\`);`);
    this.addSql(`create index \`registration_person_id_index\` on \`registration\` (\`person_id\`);`);
    this.addSql(`create index \`registration_edition_id_status_index\` on \`registration\` (\`edition_id\`, \`status\`);`);
    this.addSql(`create unique index \`registration_edition_id_person_id_unique\` on \`registration\` (\`edition_id\`, \`person_id\`);`);

    this.addSql(`create table \`check_in\` (\`id\` text not null, \`registration_id\` text not null, \`day\` text not null, \`checked_in_at\` datetime not null, constraint \`check_in_registration_id_foreign\` foreign key(\`registration_id\`) references \`registration\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`check_in_registration_id_index\` on \`check_in\` (\`registration_id\`);`);
    this.addSql(`create unique index \`check_in_registration_id_day_unique\` on \`check_in\` (\`registration_id\`, \`day\`);`);

    this.addSql(`create table \`rotation_slot\` (\`id\` text not null, \`series_id\` text not null, \`year\` integer not null, \`host_country\` text not null, constraint \`rotation_slot_series_id_foreign\` foreign key(\`series_id\`) references \`conference_series\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`rotation_slot_series_id_index\` on \`rotation_slot\` (\`series_id\`);`);
    this.addSql(`create unique index \`rotation_slot_series_id_year_unique\` on \`rotation_slot\` (\`series_id\`, \`year\`);`);

    this.addSql(`create table \`session_speaker\` (\`id\` text not null, \`session_id\` text not null, \`person_id\` text not null, \`title_on_agenda\` text null, \`position\` integer not null default 0, constraint \`session_speaker_session_id_foreign\` foreign key(\`session_id\`) references \`agenda_session\`(\`id\`) on delete cascade on update cascade, constraint \`session_speaker_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`session_speaker_session_id_index\` on \`session_speaker\` (\`session_id\`);`);
    this.addSql(`create index \`session_speaker_person_id_index\` on \`session_speaker\` (\`person_id\`);`);
    this.addSql(`create unique index \`session_speaker_session_id_person_id_unique\` on \`session_speaker\` (\`session_id\`, \`person_id\`);`);

    this.addSql(`create table \`edition_organizer\` (\`id\` text not null, \`edition_id\` text not null, \`user_id\` text not null, constraint \`edition_organizer_edition_id_foreign\` foreign key(\`edition_id\`) references \`edition\`(\`id\`) on delete cascade on update cascade, constraint \`edition_organizer_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`edition_organizer_edition_id_index\` on \`edition_organizer\` (\`edition_id\`);`);
    this.addSql(`create index \`edition_organizer_user_id_index\` on \`edition_organizer\` (\`user_id\`);`);
    this.addSql(`create unique index \`edition_organizer_edition_id_user_id_unique\` on \`edition_organizer\` (\`edition_id\`, \`user_id\`);`);

    this.addSql(`create table \`working_group\` (\`id\` text not null, \`edition_id\` text not null, \`name\` text not null, \`topic\` text null, \`capacity\` integer null, constraint \`working_group_edition_id_foreign\` foreign key(\`edition_id\`) references \`edition\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`working_group_edition_id_index\` on \`working_group\` (\`edition_id\`);`);
    this.addSql(`create unique index \`working_group_edition_id_name_unique\` on \`working_group\` (\`edition_id\`, \`name\`);`);

    this.addSql(`create table \`recommendation\` (\`id\` text not null, \`edition_id\` text not null, \`number\` integer not null, \`working_group_id\` text null, \`text\` text not null, \`addressed_to\` text null, \`status\` text check (\`status\` in ('DRAFT', 'ADOPTED', 'WITHDRAWN')) not null default 'DRAFT', \`adopted_at\` datetime null, \`created_at\` datetime not null, constraint \`recommendation_edition_id_foreign\` foreign key(\`edition_id\`) references \`edition\`(\`id\`) on delete cascade on update cascade, constraint \`recommendation_working_group_id_foreign\` foreign key(\`working_group_id\`) references \`working_group\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`recommendation_edition_id_index\` on \`recommendation\` (\`edition_id\`);`);
    this.addSql(`create index \`recommendation_working_group_id_index\` on \`recommendation\` (\`working_group_id\`);`);
    this.addSql(`create unique index \`recommendation_edition_id_number_unique\` on \`recommendation\` (\`edition_id\`, \`number\`);`);

    this.addSql(`create table \`recommendation_follow_up\` (\`id\` text not null, \`recommendation_id\` text not null, \`edition_id\` text not null, \`status\` text check (\`status\` in ('NOT_STARTED', 'IN_PROGRESS', 'IMPLEMENTED')) not null, \`note\` text null, \`recorded_at\` datetime not null, constraint \`recommendation_follow_up_recommendation_id_foreign\` foreign key(\`recommendation_id\`) references \`recommendation\`(\`id\`) on delete cascade on update cascade, constraint \`recommendation_follow_up_edition_id_foreign\` foreign key(\`edition_id\`) references \`edition\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`recommendation_follow_up_recommendation_id_index\` on \`recommendation_follow_up\` (\`recommendation_id\`);`);
    this.addSql(`create index \`recommendation_follow_up_edition_id_index\` on \`recommendation_follow_up\` (\`edition_id\`);`);
    this.addSql(`create unique index \`recommendation_follow_up_recommendation_id_edition_id_unique\` on \`recommendation_follow_up\` (\`recommendation_id\`, \`edition_id\`);`);

    this.addSql(`create table \`working_group_facilitator\` (\`id\` text not null, \`working_group_id\` text not null, \`person_id\` text not null, constraint \`working_group_facilitator_working_group_id_foreign\` foreign key(\`working_group_id\`) references \`working_group\`(\`id\`) on delete cascade on update cascade, constraint \`working_group_facilitator_person_id_foreign\` foreign key(\`person_id\`) references \`person\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`working_group_facilitator_working_group_id_index\` on \`working_group_facilitator\` (\`working_group_id\`);`);
    this.addSql(`create index \`working_group_facilitator_person_id_index\` on \`working_group_facilitator\` (\`person_id\`);`);
    this.addSql(`create unique index \`working_group_facilitator_working_group_id_person_id_unique\` on \`working_group_facilitator\` (\`working_group_id\`, \`person_id\`);`);

    this.addSql(`create table \`working_group_member\` (\`id\` text not null, \`working_group_id\` text not null, \`registration_id\` text not null, constraint \`working_group_member_working_group_id_foreign\` foreign key(\`working_group_id\`) references \`working_group\`(\`id\`) on delete cascade on update cascade, constraint \`working_group_member_registration_id_foreign\` foreign key(\`registration_id\`) references \`registration\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`working_group_member_working_group_id_index\` on \`working_group_member\` (\`working_group_id\`);`);
    this.addSql(`create index \`working_group_member_registration_id_index\` on \`working_group_member\` (\`registration_id\`);`);
    this.addSql(`create unique index \`working_group_member_working_group_id_registration_id_unique\` on \`working_group_member\` (\`working_group_id\`, \`registration_id\`);`);
  }

}
exports.Migration20261123122334_conferences = Migration20261123122334_conferences;
