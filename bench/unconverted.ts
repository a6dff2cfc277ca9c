import { benchCertificateZip as certificateZip } from './certificate-zip';
import { benchCertificates as certificates } from './certificates';
import { BenchOptions, Figure } from './figures';
import { benchIndicators as indicators } from './indicators';
import { benchMail as mail } from './mail';
import { benchRosterImport as rosterImport } from './roster-import';

/*
 * TEMPORARY, until the modules below return their figures (each is being converted to
 * `benchX(options: BenchOptions): Promise<Figure[]>` on its own branch): they run as
 * before, print their own table and add nothing to the summary. They run on SQLite
 * only and ignore --quick. When merging, import each converted module in run.ts
 * directly and delete this file.
 */

function unconverted(
  name: string,
  run: () => Promise<unknown>,
): (options: BenchOptions) => Promise<Figure[]> {
  return async (options) => {
    if (options.databaseUrl) {
      console.log(`(${name}: not converted yet, runs on SQLite only)`);
      return [];
    }
    const output = await run();
    if (typeof output === 'string') console.log(output);
    console.log(`(${name}: not converted yet, no figures in the summary)`);
    return [];
  };
}

export const benchIndicators = unconverted('indicators', indicators);
export const benchRosterImport = unconverted('roster import', rosterImport);
export const benchMail = unconverted('mail', mail);
export const benchCertificateZip = unconverted('certificate ZIP', certificateZip);
export const benchCertificates = unconverted('certificates', certificates);
