import { benchEditionRead } from './edition-read';
import { benchIndicators } from './indicators';
import { benchRosterImport, ROSTER_ROWS } from './roster-import';
import { benchCertificates } from './certificates';
import { benchCertificateZip } from './certificate-zip';
import { benchMail } from './mail';

/** `npm run bench`: every benchmark in bench/, one after another. */

async function main(): Promise<number> {
  const databaseUrl = process.env.BENCH_DATABASE_URL?.trim() || undefined;
  const dbLabel = databaseUrl ? 'PostgreSQL' : 'SQLite';
  console.log(JSON.stringify(await benchEditionRead({ quick: false, databaseUrl }), null, 2));

  console.log(`\n${await benchIndicators()}`);

  console.log(`\nImporting a ${ROSTER_ROWS}-row roster file (${dbLabel}, a fresh database):\n`);
  console.log(await benchRosterImport());

  await benchCertificates();
  console.log(`\n${await benchCertificateZip()}`);
  console.log(`\n${await benchMail()}`);
  return 0;
}

// A hard bound on the whole run, whatever happens.
setTimeout(() => {
  console.error('npm run bench: gave up after 10 minutes');
  process.exit(1);
}, 10 * 60_000).unref();

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
