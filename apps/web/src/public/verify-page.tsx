import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate, useParams } from 'react-router';
import { Loading, PageTitle } from '../core/components';
import { currentLanguage, useFormat, useMessages } from '../core/i18n';
import { coreMessages } from '../core/messages';
import { publicMessages } from './messages';

/** What GET /verify/<code> answers (JSON): the same for every reader, no login; the name in the script of `lang`. */
interface Verification {
  status: 'valid' | 'revoked' | 'replaced' | 'unknown';
  certificate?: {
    serial: string;
    kind: 'CONFERENCE_ATTENDANCE' | 'SPEAKER' | 'TRAINING_COMPLETION';
    holderName: string;
    /** In the language asked for (?lang=). */
    event: {
      title: string;
      startDate: string;
      endDate: string;
      city: string;
      country: string;
      countryName: string;
    };
    issuedOn: string;
    revokedOn?: string;
    replacedOn?: string;
  };
  /** A visa invitation letter's code: never its passport data. */
  invitationLetter?: {
    number: string;
    personName: string;
    event: NonNullable<Verification['certificate']>['event'];
    issuer: string;
    issuedOn: string;
  };
}

type Answer = Verification | 'tooMany' | 'network';

async function verify(code: string, lang: string): Promise<Answer> {
  try {
    const res = await fetch(`/verify/${encodeURIComponent(code)}?lang=${lang}`, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
    });
    if (res.status === 429) return 'tooMany';
    if (res.status !== 200 && res.status !== 404) return 'network';
    return (await res.json()) as Verification;
  } catch {
    return 'network';
  }
}

/**
 * /verify asks for a code; /verify/<code> (the address in every certificate's QR code)
 * shows whether the certificate stands, in the reader's language.
 */
export default function VerifyPage() {
  const { t } = useMessages('public', publicMessages);
  const { code } = useParams();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { code: code ?? '' },
    validate: { code: (value) => (value.trim() ? null : t('codeRequired')) },
  });
  const [answer, setAnswer] = useState<Answer>();
  // Asked again when the reader switches language: the holder's name follows its script.
  const lang = currentLanguage();

  useEffect(() => {
    setAnswer(undefined);
    if (!code) return;
    let current = true;
    void verify(code, lang).then((result) => current && setAnswer(result));
    return () => {
      current = false;
    };
  }, [code, lang]);

  return (
    <Stack maw={640}>
      <PageTitle>{t('verifyTitle')}</PageTitle>
      {!code && (
        <form
          onSubmit={form.onSubmit((values) =>
            navigate(`/verify/${encodeURIComponent(values.code.trim())}`),
          )}
        >
          <Stack>
            <Text>{t('verifyIntro')}</Text>
            <TextInput
              label={t('verificationCode')}
              description={t('verificationCodeHint')}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              required
              {...form.getInputProps('code')}
            />
            <Group>
              <Button type="submit">{t('verify')}</Button>
            </Group>
          </Stack>
        </form>
      )}
      {code && !answer && <Loading />}
      {answer && <Result answer={answer} />}
      {code && answer && (
        <Anchor component={Link} to="/verify">
          {t('verifyAnother')}
        </Anchor>
      )}
    </Stack>
  );
}

function Result({ answer }: { answer: Answer }) {
  const { t } = useMessages('public', publicMessages);
  const core = useMessages('core', coreMessages).t;
  const format = useFormat();
  if (answer === 'network' || answer === 'tooMany') {
    return (
      <Alert color="red" role="alert">
        {answer === 'tooMany' ? t('verify.tooMany') : core('networkError')}
      </Alert>
    );
  }
  const c = answer.certificate;
  const letter = answer.invitationLetter;
  const rows: [string, string][] = letter
    ? [
        [t('letterNumber'), letter.number],
        [t('invitedPerson'), letter.personName],
        [
          t('event'),
          `${letter.event.title}, ${letter.event.city}, ${letter.event.countryName}, ${format.dateRange(letter.event.startDate, letter.event.endDate)}`,
        ],
        ...(letter.issuer ? [[t('letterIssuer'), letter.issuer] as [string, string]] : []),
        [t('letterDate'), format.date(letter.issuedOn)],
      ]
    : c
      ? [
          [t('serial'), c.serial],
          [t('holder'), c.holderName],
          [t('kind'), t(`kind.${c.kind}`)],
          [
            t('event'),
            `${c.event.title}, ${c.event.city}, ${c.event.countryName}, ${format.dateRange(c.event.startDate, c.event.endDate)}`,
          ],
          [t('issued'), format.date(c.issuedOn)],
          ...(c.revokedOn ? [[t('revokedOn'), format.date(c.revokedOn)] as [string, string]] : []),
          ...(c.replacedOn
            ? [[t('replacedOn'), format.date(c.replacedOn)] as [string, string]]
            : []),
        ]
      : [];
  return (
    <Stack>
      <Alert
        color={answer.status === 'valid' ? 'green' : 'red'}
        role="status"
        data-status={answer.status}
      >
        <Text fw={700} size="lg">
          {letter ? t('verify.letterValid') : t(`verify.${answer.status}`)}
        </Text>
      </Alert>
      {rows.length > 0 && (
        <Table>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
                  {label}
                </Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
