'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261201070837_indicator_facts extends Migration {

  async up() {
    this.addSql(`create table \`indicator_fact\` (\`enrollment_id\` text not null, \`event_id\` text not null, \`person_id\` text not null, \`programme_id\` text not null, \`country\` text not null, \`region\` text not null, \`start_date\` text not null, \`year\` text not null, \`quarter\` text not null, \`month\` text not null, \`category\` text not null, \`sex\` text not null, \`organization_type\` text not null, \`completed\` integer not null, \`person_first\` integer not null, \`person_first_by_country\` integer not null, \`person_first_by_region\` integer not null, \`person_first_by_programme\` integer not null, \`person_first_by_year\` integer not null, \`person_first_by_quarter\` integer not null, \`person_first_by_month\` integer not null, constraint \`indicator_fact_enrollment_id_foreign\` foreign key(\`enrollment_id\`) references \`enrollment\`(\`id\`) on delete cascade on update cascade, primary key (\`enrollment_id\`));`);
    this.addSql(`create index \`indicator_fact_enrollment_id_index\` on \`indicator_fact\` (\`enrollment_id\`);`);
    this.addSql(`create index \`indicator_fact_person_id_index\` on \`indicator_fact\` (\`person_id\`);`);
    this.addSql(`create index \`indicator_fact_event_id_index\` on \`indicator_fact\` (\`event_id\`);`);

    // Every enrolled enrollment's fact, as IndicatorFacts writes it (factsInsert in indicator-facts.ts).
    this.addSql(`insert into \`indicator_fact\` (enrollment_id, event_id, person_id, programme_id, country, region, start_date, year, quarter, month, category, sex, organization_type, completed, person_first, person_first_by_country, person_first_by_region, person_first_by_programme, person_first_by_year, person_first_by_quarter, person_first_by_month)
    select enrollment_id, event_id, person_id, programme_id, country, region, start_date, year, quarter, month, category, sex, organization_type, completed, case when row_number() over (partition by person_id order by completed desc, enrollment_id) = 1 then 1 else 0 end as person_first,
      case when row_number() over (partition by person_id, country order by completed desc, enrollment_id) = 1 then 1 else 0 end as person_first_by_country,
      case when row_number() over (partition by person_id, region order by completed desc, enrollment_id) = 1 then 1 else 0 end as person_first_by_region,
      case when row_number() over (partition by person_id, programme_id order by completed desc, enrollment_id) = 1 then 1 else 0 end as person_first_by_programme,
      case when row_number() over (partition by person_id, year order by completed desc, enrollment_id) = 1 then 1 else 0 end as person_first_by_year,
      case when row_number() over (partition by person_id, quarter order by completed desc, enrollment_id) = 1 then 1 else 0 end as person_first_by_quarter,
      case when row_number() over (partition by person_id, month order by completed desc, enrollment_id) = 1 then 1 else 0 end as person_first_by_month
    from (select en.id as enrollment_id, en.event_id, en.person_id, ev.programme_id, ev.country,
        ev.region, ev.start_date, substr(ev.start_date, 1, 4) as year,
        substr(ev.start_date, 1, 4) || '-Q' || ((cast(substr(ev.start_date, 6, 2) as integer) + 2) / 3) as quarter,
        substr(ev.start_date, 1, 7) as month, p.category, coalesce(p.sex, 'UNKNOWN') as sex,
        coalesce(o.type, 'NONE') as organization_type,
        case when (select count(*) from attendance_mark m
      where m.enrollment_id = en.id
        and (m.status in ('PRESENT', 'LATE') or (m.status = 'EXCUSED' and ev.excused_counts))) >= (case when (case when coalesce(ev.completion_min_days, 0) >= coalesce((ev.completion_min_percent * ev.day_count + 99) / 100, 0) then coalesce(ev.completion_min_days, 0) else coalesce((ev.completion_min_percent * ev.day_count + 99) / 100, 0) end) = 0 or (case when coalesce(ev.completion_min_days, 0) >= coalesce((ev.completion_min_percent * ev.day_count + 99) / 100, 0) then coalesce(ev.completion_min_days, 0) else coalesce((ev.completion_min_percent * ev.day_count + 99) / 100, 0) end) > ev.day_count then ev.day_count else (case when coalesce(ev.completion_min_days, 0) >= coalesce((ev.completion_min_percent * ev.day_count + 99) / 100, 0) then coalesce(ev.completion_min_days, 0) else coalesce((ev.completion_min_percent * ev.day_count + 99) / 100, 0) end) end) then 1 else 0 end as completed
      from enrollment en
      join training_event ev on ev.id = en.event_id
      join person p on p.id = en.person_id
      left join organization o on o.id = p.organization_id
      where en.status = 'ENROLLED' and en.person_id in (select id from person)) c;`);
  }

}
exports.Migration20261201070837_indicator_facts = Migration20261201070837_indicator_facts;
