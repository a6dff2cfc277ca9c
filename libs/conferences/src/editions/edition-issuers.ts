import { EntityManager } from '@mikro-orm/core';
import { Edition, EditionPartner, PartnerRole } from './edition.entity';

/**
 * The organizations an edition's documents are issued by: its hosts, then its
 * co-organizers, each by name. Certificates print them unless their settings name others;
 * the agenda and recommendations PDFs give them as author.
 */
export async function editionIssuers(em: EntityManager, edition: Edition): Promise<string[]> {
  const partners = await em.find(
    EditionPartner,
    { edition, role: { $in: [PartnerRole.HOST, PartnerRole.CO_ORGANIZER] } },
    // HOST sorts after CO_ORGANIZER: descending puts the hosts first.
    { populate: ['organization'], orderBy: { role: 'desc', organization: { name: 'asc' } } },
  );
  return [...new Set(partners.map((partner) => partner.organization.getEntity().name))];
}
