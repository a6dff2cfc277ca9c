import { NumberInput, NumberInputProps } from '@mantine/core';
import { useMessages } from '../core/i18n';
import { conferenceMessages } from './messages';

/** A seat limit: a whole number from 1, or empty for no limit. */
export function CapacityInput(
  props: Omit<NumberInputProps, 'description' | 'min' | 'allowDecimal'>,
) {
  const { t } = useMessages('conferences', conferenceMessages);
  return <NumberInput description={t('capacityHint')} min={1} allowDecimal={false} {...props} />;
}
