import { ReactNode, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { Alert, Fieldset, List, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import type { Messages } from './i18n';
import { useMessages } from './i18n';
import { LANGUAGE_NAMES } from './languages';

/**
 * The versions of the texts organizers type: English (the reference, and what readers
 * get when their language has none), Russian and Uzbek.
 */
const translationMessages: Messages = {
  en: {
    heading: 'Russian and Uzbek versions',
    hint: 'Each text as saved in English, with its Russian and Uzbek versions. Where a box is empty, readers of that language see the English. A text added or changed in English is translated here once saved.',
    item: '{{label}}, item {{number}}',
    missingTitle: 'Missing translations',
    missingCount_one: '{{count}} text has no Russian or Uzbek version yet.',
    missingCount_other: '{{count}} texts have no Russian or Uzbek version yet.',
    missingNone: 'Every text has its Russian and Uzbek versions.',
    missingIn: 'missing: {{languages}}',
    'item.Edition': 'Edition',
    'item.AgendaSession': 'Session',
    'item.SessionSpeaker': 'Speaker',
    'item.WorkingGroup': 'Working group',
    'item.Recommendation': 'Recommendation',
    'item.Organization': 'Organization',
    'item.TrainingProgramme': 'Training programme',
    'item.TrainingEvent': 'Training event',
    'item.CertificateSettings': 'Certificates',
    'item.TemplateOverride': 'Mail wording',
    'field.Organization.name': 'Name of the organization',
    'field.Organization.acronym': 'Short name',
    'field.CertificateSettings.signatories.position': 'Position of the signatory',
    'field.CertificateSettings.signatories.organization': 'Organization of the signatory',
    'field.CertificateSettings.issuers': 'Issuing organization',
  },
  ru: {
    heading: 'Русский и узбекский варианты',
    hint: 'Каждый текст в сохранённом английском варианте, с русским и узбекским. Где поле пустое, читатели на этом языке видят английский текст. Текст, добавленный или изменённый на английском, переводится здесь после сохранения.',
    item: '{{label}}, пункт {{number}}',
    missingTitle: 'Недостающие переводы',
    missingCount_one: 'У {{count}} текста ещё нет русского или узбекского варианта.',
    missingCount_few: 'У {{count}} текстов ещё нет русского или узбекского варианта.',
    missingCount_many: 'У {{count}} текстов ещё нет русского или узбекского варианта.',
    missingCount_other: 'У {{count}} текста ещё нет русского или узбекского варианта.',
    missingNone: 'У каждого текста есть русский и узбекский варианты.',
    missingIn: 'нет: {{languages}}',
    'item.Edition': 'Конференция',
    'item.AgendaSession': 'Заседание',
    'item.SessionSpeaker': 'Докладчик',
    'item.WorkingGroup': 'Рабочая группа',
    'item.Recommendation': 'Рекомендация',
    'item.Organization': 'Организация',
    'item.TrainingProgramme': 'Программа обучения',
    'item.TrainingEvent': 'Тренинг',
    'item.CertificateSettings': 'Сертификаты',
    'item.TemplateOverride': 'Текст письма',
    'field.Organization.name': 'Название организации',
    'field.Organization.acronym': 'Краткое название',
    'field.CertificateSettings.signatories.position': 'Должность подписывающего',
    'field.CertificateSettings.signatories.organization': 'Организация подписывающего',
    'field.CertificateSettings.issuers': 'Выдающая организация',
  },
  uz: {
    heading: 'Ruscha va oʻzbekcha variantlar',
    hint: 'Har bir matn saqlangan inglizcha varianti bilan, ruscha va oʻzbekcha variantlari yonida. Maydon boʻsh boʻlsa, shu tildagi oʻquvchilar inglizcha matnni koʻradi. Inglizcha qoʻshilgan yoki oʻzgartirilgan matn saqlangandan keyin shu yerda tarjima qilinadi.',
    item: '{{label}}, {{number}}-band',
    missingTitle: 'Yetishmayotgan tarjimalar',
    missingCount_one: '{{count}} ta matnning ruscha yoki oʻzbekcha varianti hali yoʻq.',
    missingCount_other: '{{count}} ta matnning ruscha yoki oʻzbekcha varianti hali yoʻq.',
    missingNone: 'Har bir matnning ruscha va oʻzbekcha variantlari bor.',
    missingIn: 'yoʻq: {{languages}}',
    'item.Edition': 'Konferensiya',
    'item.AgendaSession': 'Sessiya',
    'item.SessionSpeaker': 'Maʼruzachi',
    'item.WorkingGroup': 'Ishchi guruh',
    'item.Recommendation': 'Tavsiya',
    'item.Organization': 'Tashkilot',
    'item.TrainingProgramme': 'Oʻquv dasturi',
    'item.TrainingEvent': 'Trening',
    'item.CertificateSettings': 'Sertifikatlar',
    'item.TemplateOverride': 'Xat matni',
    'field.Organization.name': 'Tashkilot nomi',
    'field.Organization.acronym': 'Qisqa nomi',
    'field.CertificateSettings.signatories.position': 'Imzolovchining lavozimi',
    'field.CertificateSettings.signatories.organization': 'Imzolovchining tashkiloti',
    'field.CertificateSettings.issuers': 'Beruvchi tashkilot',
  },
};

/** One text in every language, as the API's `versions { field en ru uz }` gives it. */
export interface TextVersions {
  field: string;
  en?: string | null;
  ru?: string | null;
  uz?: string | null;
}

/** What an update mutation's `translations` input takes. */
export interface TranslationChange {
  field: string;
  ru?: string | null;
  uz?: string | null;
}

/** The API's MissingTranslation: a text entered in English with no version in some language. */
export interface MissingTranslation {
  itemType: string;
  itemId: string;
  field: string;
  text: string;
  /** English too for a mail wording written first in another language. */
  languages: ('EN' | 'RU' | 'UZ')[];
}

type Other = 'ru' | 'uz';
const OTHERS: Other[] = ['ru', 'uz'];
type Draft = Record<string, Partial<Record<Other, string>>>;

const stored = (versions: readonly TextVersions[], field: string, lang: Other) =>
  versions.find((v) => v.field === field)?.[lang] ?? '';

/** The texts that have an English version: only those can be translated. */
const translatable = (versions: readonly TextVersions[]) => versions.filter((v) => v.en?.trim());

/**
 * The Russian and Uzbek boxes of a form: what is typed over the stored versions, and
 * the changes to send (`translations: draft.toSend()` in the update mutation).
 */
export function useTranslationsDraft(versions: readonly TextVersions[] | undefined) {
  const all = useMemo(() => versions ?? [], [versions]);
  const [draft, setDraft] = useState<Draft>({});
  // The fields in the order last sent: the API names a problem `translations.N.ru`.
  const [sent, setSent] = useState<string[]>([]);
  // The boxes typed in since then: the API's problem with the text sent no longer applies.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());

  // When the stored versions change (saved, or read again), what they now hold is no
  // longer a change; what differs is kept, as the form keeps what was typed.
  const key = JSON.stringify(all);
  useEffect(() => {
    setDraft((before) => {
      const after: Draft = {};
      for (const [field, langs] of Object.entries(before)) {
        for (const lang of OTHERS) {
          const value = langs[lang];
          if (value !== undefined && value.trim() !== stored(all, field, lang))
            (after[field] ??= {})[lang] = value;
        }
      }
      return after;
    });
  }, [key]);

  const value = useCallback(
    (field: string, lang: Other) => draft[field]?.[lang] ?? stored(all, field, lang),
    [draft, all],
  );
  const change = useCallback((field: string, lang: Other, text: string) => {
    setDraft((before) => ({ ...before, [field]: { ...before[field], [lang]: text } }));
    setEdited((before) => new Set(before).add(`${field}.${lang}`));
  }, []);

  /** The changed texts only, each with its changed languages; an emptied box is null. */
  const toSend = useCallback((): TranslationChange[] => {
    const changes: TranslationChange[] = [];
    for (const { field } of translatable(all)) {
      const changed: TranslationChange = { field };
      for (const lang of OTHERS) {
        const typed = draft[field]?.[lang];
        if (typed === undefined || typed.trim() === stored(all, field, lang)) continue;
        changed[lang] = typed.trim() || null;
      }
      if (OTHERS.some((lang) => lang in changed)) changes.push(changed);
    }
    setSent(changes.map((c) => c.field));
    setEdited(new Set());
    return changes;
  }, [draft, all]);

  const reset = useCallback(() => setDraft({}), []);
  return { versions: all, value, change, toSend, reset, sent, edited };
}

export type TranslationsDraft = ReturnType<typeof useTranslationsDraft>;

/**
 * Names a text by its field path: `labels` names the fields ("objectives" → "Objectives",
 * or "AgendaSession.title" for one item type; organizations' and certificates' texts are
 * named here), an item of a list gets its number
 * ("objectives.1" → "Objectives, item 2").
 */
export function useFieldLabel(labels: Record<string, string>) {
  const { t } = useMessages('translations', translationMessages);
  return useCallback(
    (field: string, itemType?: string) => {
      const parts = field.split('.');
      const name = parts.filter((part) => !/^\d+$/.test(part)).join('.');
      // Organizations and certificates are named alike wherever their texts show.
      let label =
        labels[`${itemType}.${name}`] ??
        labels[name] ??
        t(`field.${itemType}.${name}`, { defaultValue: field });
      for (const part of parts) {
        if (/^\d+$/.test(part)) label = t('item', { label, number: Number(part) + 1 });
      }
      return label;
    },
    [labels, t],
  );
}

/** The problem the API named on a translation (`translations.N.ru`), by field and language. */
function problemsOf(errors: Record<string, ReactNode>, sent: string[]) {
  const placed: Record<string, ReactNode> = {};
  let unplaced: ReactNode = errors.translations;
  for (const [name, message] of Object.entries(errors)) {
    const match = /^translations\.(\d+)(?:\.(\w+))?$/.exec(name);
    const field = match && sent[Number(match[1])];
    if (!match || !field) continue;
    placed[OTHERS.includes(match[2] as Other) ? `${field}.${match[2]}` : field] = message;
    unplaced = undefined;
  }
  return { placed, unplaced };
}

/**
 * Every text of a form in English with its Russian and Uzbek boxes below it. Put it in
 * the form, give it the draft, the labels of the fields and the form's errors.
 */
export function TranslationsEditor({
  draft,
  labels,
  errors = {},
}: {
  draft: TranslationsDraft;
  /** The form's labels of its translatable fields, by field name. */
  labels: Record<string, string>;
  errors?: Record<string, ReactNode>;
}) {
  const { t } = useMessages('translations', translationMessages);
  const fieldLabel = useFieldLabel(labels);
  const texts = translatable(draft.versions);
  if (texts.length === 0) return null;
  const { placed, unplaced } = problemsOf(errors, draft.sent);
  return (
    <Stack gap="sm">
      <div>
        <Title order={3} size="h5">
          {t('heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('hint')}
        </Text>
      </div>
      {unplaced && (
        <Alert color="red" role="alert">
          {unplaced}
        </Alert>
      )}
      {texts.map(({ field, en }) => (
        <Fieldset key={field} legend={fieldLabel(field)} variant="filled" p="sm">
          <Text size="sm" fw={500} lang="en">
            {LANGUAGE_NAMES.en}
          </Text>
          <Text size="sm" lang="en" mb="xs" style={{ overflowWrap: 'anywhere' }}>
            {en}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {OTHERS.map((lang) => (
              <Textarea
                key={lang}
                label={LANGUAGE_NAMES[lang]}
                labelProps={{ lang }}
                lang={lang}
                autosize
                minRows={1}
                value={draft.value(field, lang)}
                onChange={(event) => draft.change(field, lang, event.currentTarget.value)}
                error={
                  draft.edited.has(`${field}.${lang}`)
                    ? undefined
                    : (placed[`${field}.${lang}`] ?? placed[field])
                }
              />
            ))}
          </SimpleGrid>
        </Fieldset>
      ))}
    </Stack>
  );
}

/** The texts of one item whose English has no Russian or Uzbek version, from its versions. */
export function missingFromVersions(
  itemType: string,
  itemId: string,
  versions: readonly TextVersions[],
): MissingTranslation[] {
  return translatable(versions).flatMap(({ field, en, ru, uz }) => {
    const languages = (['RU', 'UZ'] as const).filter((lang) =>
      lang === 'RU' ? !ru?.trim() : !uz?.trim(),
    );
    return languages.length ? [{ itemType, itemId, field, text: en ?? '', languages }] : [];
  });
}

/**
 * What is left to translate: each text with the item it belongs to and the languages it
 * lacks. Works on `missingFromVersions` or on the API's `missingTranslations`.
 */
export function MissingTranslations({
  missing,
  labels,
}: {
  missing: readonly MissingTranslation[];
  /** The labels of the translatable fields, by field name. */
  labels: Record<string, string>;
}) {
  const { t } = useMessages('translations', translationMessages);
  const fieldLabel = useFieldLabel(labels);
  const names = { EN: LANGUAGE_NAMES.en, RU: LANGUAGE_NAMES.ru, UZ: LANGUAGE_NAMES.uz };
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h4" mb="xs" id={headingId}>
        {t('missingTitle')}
      </Title>
      <Text size="sm" mb="xs">
        {missing.length === 0 ? t('missingNone') : t('missingCount', { count: missing.length })}
      </Text>
      {missing.length > 0 && (
        <List size="sm" spacing={4}>
          {missing.map((item) => (
            <List.Item key={`${item.itemType}:${item.itemId}:${item.field}`}>
              <Text span size="sm" fw={500}>
                {t(`item.${item.itemType}`, { defaultValue: item.itemType })} ·{' '}
                {fieldLabel(item.field, item.itemType)}
              </Text>
              {': '}
              <Text span size="sm" lang="en" style={{ overflowWrap: 'anywhere' }}>
                {item.text}
              </Text>{' '}
              <Text span size="sm" c="dimmed">
                ({t('missingIn', { languages: item.languages.map((l) => names[l]).join(', ') })})
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}
