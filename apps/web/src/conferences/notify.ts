import { useCallback } from 'react';
import { notifications } from '@mantine/notifications';
import { useMessages } from '../core/i18n';
import { coreMessages } from '../core/messages';

/** Announces what just happened (Mantine's notifications are role="alert"). */
export function useNotify() {
  const { t } = useMessages('core', coreMessages);
  return useCallback(
    // A form error may carry no message: the notification then stays empty, as it always did.
    (message: string | undefined, color?: 'red') =>
      notifications.show({
        message,
        color,
        // Its close button is an icon: it needs a name.
        closeButtonProps: { 'aria-label': t('close') },
      }),
    [t],
  );
}
