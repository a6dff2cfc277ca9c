import { Badge, Group, Text } from '@mantine/core';
import { useFormat, useMessages } from '../core/i18n';
import { countryName } from './countries';
import { conferenceMessages } from './messages';

interface Facts {
  status: string;
  isPublished: boolean;
  startDate: string;
  endDate: string;
  city: string;
  hostCountry: string;
}

/** An edition at a glance: its status, whether it is published, its dates and place. */
export function EditionFacts({ edition, mt }: { edition: Facts; mt?: string }) {
  const { t } = useMessages('conferences', conferenceMessages);
  const format = useFormat();
  return (
    <Group gap="xs" mt={mt} wrap="wrap">
      <Badge variant="light">{t(`status.${edition.status}`)}</Badge>
      {!edition.isPublished && (
        <Badge variant="outline" color="gray">
          {t('unpublished')}
        </Badge>
      )}
      <Text size="sm">{format.dateRange(edition.startDate, edition.endDate)}</Text>
      <Text size="sm">
        {t('place', {
          city: edition.city,
          country: countryName(edition.hostCountry, format.locale),
        })}
      </Text>
    </Group>
  );
}
