import { notifications } from '@mantine/notifications';

/** A notification, announced to screen readers, whose close button says what it does. */
export function notify(message: string, closeLabel: string, color: 'green' | 'red' = 'green') {
  notifications.show({ message, color, closeButtonProps: { 'aria-label': closeLabel } });
}
