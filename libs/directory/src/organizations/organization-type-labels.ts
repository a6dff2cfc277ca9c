import { LanguageCode } from '@platform/core';
import { OrganizationType } from './organization.entity';

/**
 * The one wording of each type of organization in every language the platform speaks,
 * and of people without an organization (NONE). Indicators and exports print these.
 */
export const ORGANIZATION_TYPE_LABELS: Record<
  OrganizationType | 'NONE',
  Record<LanguageCode, string>
> = {
  [OrganizationType.GOVERNMENT]: {
    en: 'Government',
    ru: 'Государственные органы',
    uz: 'Davlat organlari',
  },
  [OrganizationType.NGO]: {
    en: 'Non-government',
    ru: 'Неправительственные организации',
    uz: 'Nodavlat tashkilotlar',
  },
  [OrganizationType.INTERNATIONAL_ORGANIZATION]: {
    en: 'International organization',
    ru: 'Международные организации',
    uz: 'Xalqaro tashkilotlar',
  },
  [OrganizationType.DONOR]: { en: 'Donor', ru: 'Доноры', uz: 'Donorlar' },
  [OrganizationType.PRIVATE_SECTOR]: {
    en: 'Private sector',
    ru: 'Частный сектор',
    uz: 'Xususiy sektor',
  },
  [OrganizationType.ACADEMIA]: {
    en: 'Academia',
    ru: 'Научные и учебные заведения',
    uz: 'Ilmiy va taʼlim muassasalari',
  },
  [OrganizationType.MEDIA]: { en: 'Media', ru: 'СМИ', uz: 'Ommaviy axborot vositalari' },
  NONE: { en: 'No organization', ru: 'Без организации', uz: 'Tashkilotsiz' },
};

const isLabelled = (type: string): type is OrganizationType | 'NONE' =>
  Object.hasOwn(ORGANIZATION_TYPE_LABELS, type);

/** The type's label in `language` (English by default); an unknown value as it is. */
export function organizationTypeLabel(type: string, language: LanguageCode = 'en'): string {
  return isLabelled(type) ? ORGANIZATION_TYPE_LABELS[type][language] : type;
}
