import { EntityManager } from '@mikro-orm/core';
import { placeholders, readRows, Row, SqlStatement } from '@platform/core';

/**
 * The certificates matching `where`, in serial order, `size` at a time: their ids are read
 * once, then each batch's rows by id. Paging with `serial > ? order by serial limit n` read
 * every remaining certificate of the event again for each batch (each row a page of its
 * own, as it holds a PDF): quadratic in the number of certificates.
 */
export async function* certificateBatches(
  em: EntityManager,
  columns: string,
  where: SqlStatement,
  size: number,
): AsyncGenerator<Row[]> {
  const ids = await readRows(
    em,
    `select id from certificate where ${where.sql} order by serial`,
    where.params,
  );
  for (let start = 0; start < ids.length; start += size) {
    const batch = ids.slice(start, start + size).map((row) => row.id);
    // `where` again: a certificate revoked or rendered since the list was read is left out.
    yield readRows(
      em,
      `select ${columns} from certificate
       where id in (${placeholders(batch.length)}) and ${where.sql} order by serial`,
      [...batch, ...where.params],
    );
  }
}
