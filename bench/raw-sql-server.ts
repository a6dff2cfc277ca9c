import { createHash } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import Database from 'libsql';
import { Pool } from 'pg';
import { countryNameIn, inLanguage, listInLanguage, Translations } from '@platform/core';

/**
 * The honest limit for the edition query: a bare node:http server that, per POST, runs
 * the SQL statements the GraphQL request issues, in the same order of dependency (the
 * session by its token, the edition, then each statement takes its ids from the rows
 * before it), through the driver the app uses (libsql on SQLite, pg on PostgreSQL), and
 * builds the same JSON bytes from the rows, in English as the benchmark reads it. What
 * it leaves out is what the app adds: express, Nest, Apollo, GraphQL execution, the ORM
 * and access control.
 */

type Row = Record<string, unknown>;

interface RawDatabase {
  all(sql: string, params: unknown[]): Promise<Row[]>;
  /** A timestamp as a bound parameter, as the app's connection sends it. */
  timestamp(date: Date): unknown;
  close(): Promise<void>;
}

/** Another connection to the app's SQLite file, through libsql as MikroORM opens it. */
function sqliteDatabase(file: string): RawDatabase {
  const db = new Database(file, { timeout: 5000 });
  return {
    all: async (sql, params) => db.prepare(sql).all(...params) as Row[],
    timestamp: (date) => +date,
    close: async () => {
      db.close();
    },
  };
}

/** A pg pool of the size MikroORM uses (10); `?` placeholders become `$1, $2…`. */
function postgresDatabase(url: string): RawDatabase {
  const pool = new Pool({ connectionString: url, max: 10 });
  return {
    all: async (sql, params) => {
      let n = 0;
      return (
        await pool.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows as Row[];
    },
    timestamp: (date) => date,
    close: () => pool.end(),
  };
}

const list = (count: number) => Array.from({ length: count }, () => '?').join(', ');
const json = (value: unknown) =>
  (typeof value === 'string' ? JSON.parse(value) : value) as Translations;
const en = (row: Row, column: string, field: string) =>
  inLanguage(row[column] as string | null, json(row.translations), field, 'en') ?? null;

function groupBy(rows: Row[], column: string): Map<unknown, Row[]> {
  const groups = new Map<unknown, Row[]>();
  for (const row of rows) {
    const group = groups.get(row[column]);
    if (group) group.push(row);
    else groups.set(row[column], [row]);
  }
  return groups;
}

/** People by id with their organizations' names: two statements. */
async function people(db: RawDatabase, ids: unknown[]): Promise<Map<unknown, Row>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const persons = await db.all(`select * from person where id in (${list(unique.length)})`, unique);
  const orgIds = [...new Set(persons.map((p) => p.organization_id).filter(Boolean))];
  const orgs = orgIds.length
    ? await db.all(`select * from organization where id in (${list(orgIds.length)})`, orgIds)
    : [];
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  return new Map(
    persons.map((p) => [p.id, { ...p, organization: orgById.get(p.organization_id) ?? null }]),
  );
}

const byAgendaOrder = (a: Row, b: Row) =>
  (a.day as number) - (b.day as number) ||
  (a.start_time as string).localeCompare(b.start_time as string) ||
  (a.end_time as string).localeCompare(b.end_time as string) ||
  (a.id as string).localeCompare(b.id as string);

/** The answer to EDITION_WITH_AGENDA, or null when the token or the edition is not found. */
async function editionWithAgenda(
  db: RawDatabase,
  token: string,
  editionId: string,
): Promise<string | null> {
  const session = await db.all(
    'select a.*, u.id as u_id, u.email as u_email, u.password_hash as u_password_hash, u.role as u_role,' +
      ' u.person_id as u_person_id, u.created_at as u_created_at, u.last_login_at as u_last_login_at,' +
      ' u.language as u_language from auth_session a inner join "user" u on a.user_id = u.id' +
      ' where a.token_hash = ? and a.expires_at > ? limit ?',
    [createHash('sha256').update(token).digest('hex'), db.timestamp(new Date()), 1],
  );
  if (session.length === 0) return null;
  const [edition] = await db.all('select * from edition where id = ? limit ?', [editionId, 1]);
  if (!edition) return null;

  // The statements in the order the GraphQL request issues them.
  const groups = await db.all('select * from working_group where edition_id = ?', [editionId]);
  const partners = await db.all('select * from edition_partner where edition_id = ?', [editionId]);
  const sessions = await db.all('select * from agenda_session where edition_id = ?', [editionId]);
  const groupIds = groups.map((g) => g.id);
  const facilitators = await db.all(
    `select * from working_group_facilitator where working_group_id in (${list(groupIds.length)})`,
    groupIds,
  );
  const partnerOrgIds = [...new Set(partners.map((p) => p.organization_id))];
  const partnerOrgs = await db.all(
    `select * from organization where id in (${list(partnerOrgIds.length)})`,
    partnerOrgIds,
  );
  const speakers = await db.all(
    `select * from session_speaker where session_id in (${list(sessions.length)})`,
    sessions.map((s) => s.id),
  );
  const members = await db.all(
    `select * from working_group_member where working_group_id in (${list(groupIds.length)})`,
    groupIds,
  );
  const agendaPeople = await people(db, [
    ...speakers.map((s) => s.person_id),
    ...sessions.map((s) => s.moderator_id).filter(Boolean),
  ]);
  const registrationIds = [...new Set(members.map((m) => m.registration_id))];
  const registrations = await db.all(
    `select * from registration where id in (${list(registrationIds.length)})`,
    registrationIds,
  );
  const groupPeople = await people(db, [
    ...facilitators.map((f) => f.person_id),
    ...registrations.map((r) => r.person_id),
  ]);

  const orgById = new Map(partnerOrgs.map((o) => [o.id, o]));
  const speakersOf = groupBy(speakers, 'session_id');
  const facilitatorsOf = groupBy(facilitators, 'working_group_id');
  const membersOf = groupBy(members, 'working_group_id');
  const registrationById = new Map(registrations.map((r) => [r.id, r]));
  const orgName = (person: Row) => {
    const org = person.organization as Row | null;
    return org ? { name: en(org, 'name', 'name') } : null;
  };
  const objectives = json(edition.objectives) as unknown as string[];
  const answer = {
    data: {
      edition: {
        id: edition.id,
        title: en(edition, 'title', 'title'),
        theme: en(edition, 'theme', 'theme'),
        year: edition.year,
        hostCountryName: countryNameIn('en', edition.host_country as string),
        city: en(edition, 'city', 'city'),
        startDate: edition.start_date,
        endDate: edition.end_date,
        objectives: listInLanguage(objectives, json(edition.translations), 'objectives', 'en'),
        partners: partners.map((p) => {
          const org = orgById.get(p.organization_id)!;
          return {
            role: p.role,
            organization: { name: en(org, 'name', 'name'), acronym: en(org, 'acronym', 'acronym') },
          };
        }),
        agenda: [...sessions].sort(byAgendaOrder).map((s) => ({
          day: s.day,
          startTime: s.start_time,
          endTime: s.end_time,
          kind: s.kind,
          title: en(s, 'title', 'title'),
          room: en(s, 'room', 'room'),
          speakers: [...(speakersOf.get(s.id) ?? [])]
            .sort((a, b) => (a.position as number) - (b.position as number))
            .map((speaker) => {
              const person = agendaPeople.get(speaker.person_id)!;
              return {
                titleOnAgenda: en(speaker, 'title_on_agenda', 'titleOnAgenda'),
                person: {
                  fullName: person.full_name,
                  fullNameAlt: person.full_name_alt,
                  organization: orgName(person),
                },
              };
            }),
          moderator: s.moderator_id
            ? { fullName: agendaPeople.get(s.moderator_id)!.full_name }
            : null,
        })),
        workingGroups: [...groups]
          .sort((a, b) => (a.name as string).localeCompare(b.name as string))
          .map((g) => {
            const groupMembers = membersOf.get(g.id) ?? [];
            return {
              name: en(g, 'name', 'name'),
              topic: en(g, 'topic', 'topic'),
              memberCount: groupMembers.length,
              facilitators: (facilitatorsOf.get(g.id) ?? []).map((f) => ({
                fullName: groupPeople.get(f.person_id)!.full_name,
              })),
              members: groupMembers.map((m) => {
                const registration = registrationById.get(m.registration_id)!;
                const person = groupPeople.get(registration.person_id)!;
                return {
                  status: registration.status,
                  delegationCountry: registration.delegation_country,
                  person: { fullName: person.full_name, organization: orgName(person) },
                };
              }),
            };
          }),
      },
    },
  };
  return JSON.stringify(answer) + '\n';
}

export interface RawSqlServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 for POSTs of `{ variables: { id } }` with `Authorization: Bearer`,
 * on the app's database: a SQLite file path, or a postgresql:// URL.
 */
export async function startRawSqlServer(database: string): Promise<RawSqlServer> {
  const db = /^postgres(ql)?:\/\//.test(database)
    ? postgresDatabase(database)
    : sqliteDatabase(database);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        variables: { id: string };
      };
      editionWithAgenda(db, token, body.variables.id).then(
        (answer) => {
          if (answer === null) {
            res.writeHead(404).end();
            return;
          }
          const bytes = Buffer.from(answer);
          res.writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'content-length': bytes.length,
          });
          res.end(bytes);
        },
        (error: unknown) => {
          console.error(error);
          res.writeHead(500).end();
        },
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await db.close();
    },
  };
}
