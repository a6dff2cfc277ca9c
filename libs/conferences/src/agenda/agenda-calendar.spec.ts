import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * ical-generator prints a native Date in the server process's own zone when an event has
 * a time zone: the agenda's local times must come out the same whatever zone the server
 * runs in. Jest fixes TZ for its workers, so the calendar is built in a child process.
 */
describe('the agenda calendar on a server in another time zone', () => {
  const script = `
    const { agendaCalendar } = require(${JSON.stringify(join(__dirname, 'agenda-calendar'))});
    const edition = {
      title: 'Regional conference', timeZone: 'Asia/Tashkent', city: 'Tashkent', hostCountry: 'UZ',
      days: [{ number: 1, date: '2026-03-28' }, { number: 2, date: '2026-03-30' }],
    };
    const session = (id, day, startTime, endTime) => ({
      id, day, startTime, endTime, title: 'Session ' + id, speakers: { getItems: () => [] },
    });
    process.stdout.write(agendaCalendar(edition, [
      session('a', 1, '02:30', '03:15'), session('b', 2, '23:30', '23:59'),
    ], { language: 'en', host: 'example.org', url: 'https://example.org/editions/x' }));
  `;

  // Servers behind and ahead of the venue; Berlin changes to summer time between the two days.
  it.each(['America/New_York', 'Europe/Berlin', 'Pacific/Kiritimati'])(
    'prints the venue’s local times with a server in %s',
    (serverZone) => {
      const ics = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
        env: { ...process.env, TZ: serverZone },
        encoding: 'utf8',
      });
      const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
      expect(lines).toEqual(
        expect.arrayContaining([
          'TZID:Asia/Tashkent',
          'DTSTART;TZID=Asia/Tashkent:20260328T023000',
          'DTEND;TZID=Asia/Tashkent:20260328T031500',
          'DTSTART;TZID=Asia/Tashkent:20260330T233000',
          'DTEND;TZID=Asia/Tashkent:20260330T235900',
        ]),
      );
    },
  );
});
