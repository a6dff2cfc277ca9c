import { Button, Group, Stack, Text } from '@mantine/core';
import { useMessages } from '../../core/i18n';
import { conferenceMessages } from '../messages';

export interface RemovableName {
  key: string;
  name: string;
  /** The remove button's accessible name, which says whom it removes. */
  removeLabel: string;
  onRemove(): unknown;
}

/** A titled list of people, each with a button that takes them off it. */
export function RemovableNames({
  title,
  emptyText,
  items,
}: {
  title: string;
  emptyText: string;
  items: RemovableName[];
}) {
  const { t } = useMessages('conferences', conferenceMessages);
  return (
    <>
      <Text fw={500} size="sm" mt="sm">
        {title}
      </Text>
      {items.length === 0 && <Text size="sm">{emptyText}</Text>}
      <Stack component="ul" gap={2} pl="md" m={0}>
        {items.map((item) => (
          <li key={item.key}>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm">{item.name}</Text>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                aria-label={item.removeLabel}
                onClick={() => item.onRemove()}
              >
                {t('remove')}
              </Button>
            </Group>
          </li>
        ))}
      </Stack>
    </>
  );
}
