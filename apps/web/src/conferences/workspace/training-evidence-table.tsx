import { Stack, Table, Text } from '@mantine/core';
import type { TrainingEvidenceKind } from '../../gql/graphql';
import { useFormat, useMessages } from '../../core/i18n';
import { conferenceMessages } from '../messages';

interface Figures {
  eventsHeld: number;
  peopleTrained: number;
  meanKnowledgeGain?: number | null;
}

interface Evidence extends Figures {
  cutOff: string;
  items: (Figures & { kind: TrainingEvidenceKind; title: string })[];
}

/** Under a follow-up: the trainings that implement the recommendation, with their figures. */
export function TrainingEvidenceTable({ evidence, label }: { evidence: Evidence; label: string }) {
  const { t } = useMessages('conferences', conferenceMessages);
  const format = useFormat();
  const gain = (value?: number | null) =>
    value == null ? '—' : `${value > 0 ? '+' : ''}${format.number(value)}`;
  const cells = (f: Figures) => (
    <>
      <Table.Td ta="right">{format.number(f.eventsHeld)}</Table.Td>
      <Table.Td ta="right">{format.number(f.peopleTrained)}</Table.Td>
      <Table.Td ta="right">{gain(f.meanKnowledgeGain)}</Table.Td>
    </>
  );
  return (
    <Stack gap={4} mt="xs">
      <Text size="sm" fw={600}>
        {t('evidenceTitle')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('evidenceCutOff', { date: format.date(evidence.cutOff) })}
      </Text>
      <Table.ScrollContainer minWidth={420}>
        <Table striped aria-label={t('evidenceTableLabel', { recommendation: label })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evidenceTraining')}</Table.Th>
              <Table.Th ta="right">{t('evidenceEventsHeld')}</Table.Th>
              <Table.Th ta="right">{t('evidencePeopleTrained')}</Table.Th>
              <Table.Th ta="right">{t('evidenceGain')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {evidence.items.map((item) => (
              <Table.Tr key={`${item.kind}-${item.title}`}>
                <Table.Td>
                  {item.title}{' '}
                  <Text span size="xs" c="dimmed">
                    ({t(`evidenceKind.${item.kind}`)})
                  </Text>
                </Table.Td>
                {cells(item)}
              </Table.Tr>
            ))}
            {evidence.items.length > 1 && (
              <Table.Tr fw={600}>
                <Table.Td>{t('evidenceTotal')}</Table.Td>
                {cells(evidence)}
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
