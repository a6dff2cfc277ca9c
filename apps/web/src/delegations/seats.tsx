import { Text } from '@mantine/core';
import { useMessages } from '../core/i18n';
import { delegationMessages } from './messages';

export interface SeatFigures {
  seats: number;
  seatsUsed: number;
  seatsLeft: number;
  categorySeats: { category: string; seats: number; used: number; left: number }[];
}

/** A delegation's seats: all of them, then each category that has its own. */
export function Seats({ delegation }: { delegation: SeatFigures }) {
  const { t } = useMessages('delegations', delegationMessages);
  return (
    <>
      <Text size="sm">
        {t('seats')}:{' '}
        {t('seatsUsedLeft', {
          used: delegation.seatsUsed,
          seats: delegation.seats,
          left: delegation.seatsLeft,
        })}
      </Text>
      {delegation.categorySeats.map((c) => (
        <Text size="sm" key={c.category}>
          {t('categorySeats', {
            category: t(`cat.${c.category}`),
            used: c.used,
            seats: c.seats,
            left: c.left,
          })}
        </Text>
      ))}
    </>
  );
}
