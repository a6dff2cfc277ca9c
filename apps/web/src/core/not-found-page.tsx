import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from './components';
import { useMessages } from './i18n';
import { coreMessages } from './messages';

export function NotFoundPage() {
  const { t } = useMessages('core', coreMessages);
  return (
    <Stack align="flex-start">
      <PageTitle>{t('notFound')}</PageTitle>
      <Text>
        <Button component={Link} to="/" variant="light">
          {t('backHome')}
        </Button>
      </Text>
    </Stack>
  );
}
