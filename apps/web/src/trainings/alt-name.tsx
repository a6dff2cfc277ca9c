import { useState } from 'react';
import { Button, Group, Text, TextInput } from '@mantine/core';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ProblemAlert } from '../core/components';
import { useMessages } from '../core/i18n';
import { trainingMessages } from './messages';

const SaveAltName = graphql(`
  mutation SaveTraineeAltName($id: ID!, $input: UpdatePersonInput!) {
    updatePerson(id: $id, input: $input) {
      id
      fullName
      fullNameAlt
      suggestedAltName
    }
  }
`);

/**
 * The name in the other script suggested by the server (Uzbek Latin↔Cyrillic), to accept
 * as it is or correct; once saved as fullNameAlt the server suggests nothing more.
 */
export function SuggestedAltName({
  person,
}: {
  person: { id: string; fullName: string; suggestedAltName: string };
}) {
  const { t } = useMessages('trainings', trainingMessages);
  const [saving, save] = useMutation(SaveAltName);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(person.suggestedAltName);
  const store = (fullNameAlt: string) =>
    save({ id: person.id, input: { fullNameAlt: fullNameAlt.trim() } });
  return (
    <div role="group" aria-label={t('altNameFor', { name: person.fullName })}>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.trim()) void store(draft);
          }}
        >
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              size="xs"
              label={t('altNameLabel')}
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
              required
              style={{ flex: '1 1 10rem', minWidth: 0 }}
            />
            <Button size="xs" type="submit" loading={saving.fetching}>
              {t('altNameSave')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setEditing(false)}>
              {t('altNameCancel')}
            </Button>
          </Group>
        </form>
      ) : (
        <Group gap={4} wrap="wrap">
          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
            {t('altNameSuggested', { name: person.suggestedAltName })}
          </Text>
          <Button
            size="compact-xs"
            variant="light"
            loading={saving.fetching}
            onClick={() => void store(person.suggestedAltName)}
          >
            {t('altNameAccept')}
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
            {t('altNameEdit')}
          </Button>
        </Group>
      )}
      <ProblemAlert error={saving.error} />
    </div>
  );
}
