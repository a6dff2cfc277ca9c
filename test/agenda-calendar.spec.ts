import { anAccount, anEdition, aPerson, aSeries } from './factories';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const ADD_SESSION = `mutation($e: ID!, $input: AgendaSessionInput!) { addAgendaSession(editionId: $e, input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateEditionInput!) { updateEdition(id: $id, input: $input) { timeZone } }`;
const CREATE = `mutation($input: CreateEditionInput!) { createEdition(input: $input) { id timeZone } }`;

/** The calendar's lines, unfolded (RFC 5545 3.1: a line break plus one space continues a line). */
function lines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

/** Each VEVENT as its properties (name with parameters → value). */
function events(ics: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines(ics)) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      found.push(current!);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return found;
}

const unescape = (text: string) => text.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');

describe('the agenda as an iCalendar file', () => {
  let t: TestApp;
  let organizer: { token: string };
  let seriesId: string;
  let editionId: string;

  beforeAll(async () => {
    t = await startTestApp({ MAIL_WORKER: 'off' });
    organizer = await anAccount(t, 'ORGANIZER');
    seriesId = (await aSeries(t)).id;
    editionId = (await anEdition(seriesId).published().create(t, organizer.token)).id;
    await t.ok(
      UPDATE,
      { id: editionId, input: { venue: 'Hyatt Regency Tashkent' } },
      organizer.token,
    );
    const ambassador = await aPerson().named('Jonathan Henick').create(t);
    const chair = await aPerson().named('Akmal Saidov').create(t);
    await t.ok(
      ADD_SESSION,
      {
        e: editionId,
        input: {
          day: 2,
          startTime: '14:00',
          endTime: '15:30',
          kind: 'PANEL',
          title: 'Technology against trafficking',
          room: 'Hall B',
          moderatorId: chair.id,
          speakers: [
            {
              personId: ambassador.id,
              titleOnAgenda: 'Ambassador of the United States to Uzbekistan',
            },
          ],
        },
      },
      organizer.token,
    );
    await t.ok(
      ADD_SESSION,
      {
        e: editionId,
        input: {
          day: 1,
          startTime: '09:30',
          endTime: '10:00',
          kind: 'OPENING',
          title: 'Opening, welcome; and thanks',
        },
      },
      organizer.token,
    );
  });

  afterAll(() => t.close());

  it('defaults the time zone to the host country’s and refuses what is not an IANA zone', async () => {
    const { edition } = await t.ok(`query($id: ID!) { edition(id: $id) { timeZone } }`, {
      id: editionId,
    });
    expect(edition.timeZone).toBe('Asia/Tashkent');
    for (const bad of ['Mars/Olympus', '+05:00', 'EST', '../../etc/passwd', '']) {
      const res = await t.gql(UPDATE, { id: editionId, input: { timeZone: bad } }, organizer.token);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.field).toBe('timeZone');
      expect(res.errors![0].message).toMatch(/IANA time zone/);
    }
    // A country with several zones (or unknown to us): UTC until the organizer sets it.
    const input = {
      seriesId,
      title: 'Brazilian edition',
      year: 2030,
      hostCountry: 'BR',
      city: 'Brasília',
      startDate: '2030-05-06',
      endDate: '2030-05-07',
    };
    const { createEdition } = await t.ok(CREATE, { input }, t.adminToken);
    expect(createEdition.timeZone).toBe('UTC');
    const given = await t.ok(
      CREATE,
      {
        input: {
          ...input,
          year: 2031,
          startDate: '2031-05-06',
          endDate: '2031-05-07',
          timeZone: 'America/Sao_Paulo',
        },
      },
      t.adminToken,
    );
    expect(given.createEdition.timeZone).toBe('America/Sao_Paulo');
  });

  it('has one event per session at the agenda’s local time in the edition’s zone', async () => {
    // (Whatever the server's own zone: see agenda-calendar.spec.ts beside the code.)
    const res = await t.http().get(`/editions/${editionId}/agenda.ics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = res.text;
    expect(lines(ics)).toEqual(
      expect.arrayContaining(['BEGIN:VCALENDAR', 'BEGIN:VTIMEZONE', 'TZID:Asia/Tashkent']),
    );
    // Tashkent keeps UTC+5 all year.
    expect(lines(ics)).toContain('TZOFFSETTO:+0500');
    const [opening, panel] = events(ics);
    expect(opening['DTSTART;TZID=Asia/Tashkent']).toBe('20220728T093000');
    expect(opening['DTEND;TZID=Asia/Tashkent']).toBe('20220728T100000');
    expect(unescape(opening.SUMMARY)).toBe('Opening, welcome; and thanks');
    expect(panel['DTSTART;TZID=Asia/Tashkent']).toBe('20220729T140000');
    expect(panel['DTEND;TZID=Asia/Tashkent']).toBe('20220729T153000');
    expect(unescape(panel.SUMMARY)).toBe('Technology against trafficking');
    expect(unescape(panel.LOCATION)).toBe('Hall B, Hyatt Regency Tashkent, Tashkent, Uzbekistan');
    expect(unescape(panel.DESCRIPTION)).toBe(
      'Moderator: Akmal Saidov\n\nSpeakers:\n– Jonathan Henick, Ambassador of the United States to Uzbekistan',
    );
    expect(panel.UID).toMatch(/^[0-9a-f-]{36}@/);
    const russian = await t.http().get(`/editions/${editionId}/agenda.ics?lang=ru`);
    expect(unescape(events(russian.text)[1].DESCRIPTION)).toContain('Модератор: Akmal Saidov');
    const bad = await t.http().get(`/editions/${editionId}/agenda.ics?lang=de`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lang' });
  });

  it('follows a changed time zone, and writes UTC times for an edition in UTC', async () => {
    const other = (await anEdition(seriesId).inYear(2023).published().create(t, organizer.token))
      .id;
    await t.ok(
      ADD_SESSION,
      {
        e: other,
        input: { day: 1, startTime: '09:00', endTime: '10:00', kind: 'OPENING', title: 'Opening' },
      },
      organizer.token,
    );
    await t.ok(UPDATE, { id: other, input: { timeZone: 'Europe/Vienna' } }, organizer.token);
    let ics = (await t.http().get(`/editions/${other}/agenda.ics`)).text;
    expect(lines(ics)).toContain('TZID:Europe/Vienna');
    expect(events(ics)[0]['DTSTART;TZID=Europe/Vienna']).toBe('20230728T090000');
    await t.ok(UPDATE, { id: other, input: { timeZone: 'UTC' } }, organizer.token);
    ics = (await t.http().get(`/editions/${other}/agenda.ics`)).text;
    expect(lines(ics)).not.toContain('BEGIN:VTIMEZONE');
    expect(events(ics)[0].DTSTART).toBe('20230728T090000Z');
  });

  it('is public for published editions only, like the agenda', async () => {
    const hidden = (await anEdition(seriesId).inYear(2024).create(t, organizer.token)).id;
    const path = `/editions/${hidden}/agenda.ics`;
    expect((await t.http().get(path)).status).toBe(404);
    const stranger = await anAccount(t, 'PARTICIPANT', (await aPerson().create(t)).id);
    expect((await t.http().get(path).set('authorization', `Bearer ${stranger.token}`)).status).toBe(
      404,
    );
    const mine = await t.http().get(path).set('authorization', `Bearer ${organizer.token}`);
    expect(mine.status).toBe(200);
    expect(events(mine.text)).toEqual([]);
    expect((await t.http().get('/editions/not-an-id/agenda.ics')).status).toBe(400);
  });
});
