import { DomainError, LanguageCode } from '@platform/core';
import { MailText, placeholdersIn, renderMessage, validateWording } from '@platform/mail';
import { MailTemplate, messageNamed } from './mail-catalog';

// The 2022 Tashkent edition and a 2023 training seminar, as an organizer would fill them in.
// Uzbek letters are escaped where an editor's normalization could swap ʻ (U+02BB).
const COUNTS = { daysBefore: 7, validMinutes: 15 };
const SAMPLE: Record<LanguageCode, Record<string, string | number>> = {
  en: {
    ...COUNTS,
    name: 'Dilnoza Qodirova',
    editionTitle:
      'Strengthening National and International Partnerships in Combating Trafficking in Persons',
    theme: 'Use and Abuse of Technology',
    dates: '28–29 July 2022',
    place: 'Tashkent, Uzbekistan',
    eventTitle: 'Identifying and Investigating Trafficking in Persons: Regional Training Seminar',
    serial: 'TIP-2022-000123',
    verificationUrl: 'https://tip.example.org/verify/7KQ2-M9XD',
    loginUrl: 'https://tip.example.org/login?token=q8Zt3&lang=en',
    newEmail: 'new.address@example.org',
    confirmUrl: 'https://tip.example.org/email-change/q8Zt3',
    delegation: 'Kazakhstan',
    seats: '8 seats (of them Judge: 2)',
    signInUrl: 'https://tip.example.org/login-link/q8Zt3?lang=en',
    validDays: 7,
    count: 2,
    nominees: 'Aigerim Nurlanovna\nDaniyar Seitkali',
    reviewUrl: 'https://tip.example.org/manage/editions/1?section=delegations',
    nominee: 'Aigerim Nurlanovna',
    seat: 'They are registered and have a seat.',
    reason: 'The seats for judges are taken.',
    personName: 'Dilnoza Karimova',
    letterNumber: 'TM-2026/0007',
    purpose: 'Please tell us how the event went for you: it takes a few minutes.',
    privacy: 'Your answers are anonymous.',
    evaluationUrl: 'https://tip.example.org/evaluate/q8Zt3',
  },
  ru: {
    ...COUNTS,
    name: 'Рахимов Алишер',
    editionTitle:
      'Укрепление национального и международного партнерства в борьбе с торговлей людьми',
    theme: 'Использование технологий и злоупотребление ими',
    dates: '28–29 июля 2022 г.',
    place: 'Ташкент, Узбекистан',
    eventTitle: 'Выявление и расследование преступлений, связанных с торговлей людьми',
    serial: 'TIP-2022-000124',
    verificationUrl: 'https://tip.example.org/verify/3HJW-P4RC',
    loginUrl: 'https://tip.example.org/login?token=Lm9xQ&lang=ru',
    newEmail: 'new.address@example.org',
    confirmUrl: 'https://tip.example.org/email-change/Lm9xQ',
    delegation: 'Казахстан',
    seats: 'мест: 8 (из них Судья: 2)',
    signInUrl: 'https://tip.example.org/login-link/Lm9xQ?lang=ru',
    validDays: 7,
    count: 2,
    nominees: 'Айгерим Нурлановна\nДанияр Сейткали',
    reviewUrl: 'https://tip.example.org/manage/editions/1?section=delegations',
    nominee: 'Айгерим Нурлановна',
    seat: 'Участник зарегистрирован, место за ним закреплено.',
    reason: 'Места для судей заняты.',
    personName: 'Дилноза Каримова',
    letterNumber: 'TM-2026/0007',
    purpose: 'Расскажите, пожалуйста, как прошло для вас мероприятие.',
    privacy: 'Ответы анонимны.',
    evaluationUrl: 'https://tip.example.org/evaluate/Lm9xQ',
  },
  uz: {
    ...COUNTS,
    name: 'G\u02BBulomov O\u02BBtkir',
    editionTitle: 'Odam savdosiga qarshi kurashishda milliy va xalqaro hamkorlikni mustahkamlash',
    theme: 'Texnologiyalardan foydalanish va ulardan suiiste\u02BCmol qilish',
    dates: '2022-yil 28–29-iyul',
    place: 'Toshkent, O\u02BBzbekiston',
    eventTitle: 'Odam savdosi jinoyatlarini aniqlash va tergov qilish',
    serial: 'TIP-2022-000125',
    verificationUrl: 'https://tip.example.org/verify/9TNB-2GKV',
    loginUrl: 'https://tip.example.org/login?token=Rw7Kp&lang=uz',
    newEmail: 'new.address@example.org',
    confirmUrl: 'https://tip.example.org/email-change/Rw7Kp',
    delegation: 'Qozog\u02BBiston',
    seats: '8 ta o\u02BBrin (shundan Sudya: 2)',
    signInUrl: 'https://tip.example.org/login-link/Rw7Kp?lang=uz',
    validDays: 7,
    count: 2,
    nominees: 'Aigerim Nurlanovna\nDaniyar Seitkali',
    reviewUrl: 'https://tip.example.org/manage/editions/1?section=delegations',
    nominee: 'Aigerim Nurlanovna',
    seat: 'Ishtirokchi ro\u02BByxatdan o\u02BBtkazildi.',
    reason: 'Sudyalar uchun o\u02BBrinlar band.',
    personName: 'Dilnoza Karimova',
    letterNumber: 'TM-2026/0007',
    purpose: 'Iltimos, tadbir siz uchun qanday o\u02BBtganini aytib bering.',
    privacy: 'Javoblaringiz anonim.',
    evaluationUrl: 'https://tip.example.org/evaluate/Rw7Kp',
  },
};

const TEMPLATES = Object.values(MailTemplate);
const LANGUAGES: LanguageCode[] = ['en', 'ru', 'uz'];
const EVERY_DEFAULT = TEMPLATES.flatMap((template) =>
  LANGUAGES.map((language) => [template, language] as const),
);

/** The DomainError a call throws, to check its field and message. */
function rejection(call: () => void): DomainError {
  try {
    call();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

const invitation = (text: Partial<MailText>): MailText => ({
  ...messageNamed('INVITATION').texts.en,
  ...text,
});

describe('default texts', () => {
  it.each(EVERY_DEFAULT)('%s in %s passes validation', (template, language) => {
    expect(() =>
      validateWording(messageNamed(template), messageNamed(template).texts[language]),
    ).not.toThrow();
  });

  it.each(TEMPLATES)('%s greets the recipient by {{name}} in every language', (template) => {
    expect(messageNamed(template).placeholders).toHaveProperty('name');
    for (const language of LANGUAGES) {
      expect(placeholdersIn(messageNamed(template).texts[language].body)).toContain('name');
    }
  });

  it.each(TEMPLATES)('%s uses every placeholder it accepts, in every language', (template) => {
    for (const language of LANGUAGES) {
      const { subject, body } = messageNamed(template).texts[language];
      const used = new Set([...placeholdersIn(subject), ...placeholdersIn(body)]);
      expect([...used].sort()).toEqual(Object.keys(messageNamed(template).placeholders).sort());
    }
  });

  it('writes Uzbek with ʻ (U+02BB) and ʼ (U+02BC), never an apostrophe or quotation mark', () => {
    for (const template of TEMPLATES) {
      const { subject, body } = messageNamed(template).texts.uz;
      expect(`${subject}\n${body}`).not.toMatch(/['`\u2018\u2019]/);
    }
  });

  it.each(EVERY_DEFAULT)('%s in %s renders with no placeholder left', (template, language) => {
    const mail = renderMessage(
      messageNamed(template),
      messageNamed(template).texts[language],
      SAMPLE[language],
    );
    expect(mail.subject).not.toContain('{{');
    expect(mail.text).not.toContain('{{');
    expect(mail.html).not.toContain('{{');
    expect(mail.text).toContain(String(SAMPLE[language].name));
    expect(mail.html).toContain(String(SAMPLE[language].name));
  });

  it('renders the invitation as the organizer wrote it', () => {
    const mail = renderMessage(
      messageNamed('INVITATION'),
      messageNamed('INVITATION').texts.uz,
      SAMPLE.uz,
    );
    expect(mail.subject).toBe(
      'Taklifnoma: Odam savdosiga qarshi kurashishda milliy va xalqaro hamkorlikni mustahkamlash',
    );
    expect(mail.text).toMatch(/^Hurmatli G\u02BBulomov O\u02BBtkir!\n\n/);
    expect(mail.text).toContain('Sana: 2022-yil 28–29-iyul\n');
    expect(mail.html).toMatch(
      /^<html>[\s\S]*<body>[\s\S]*<div[^>]*>[\s\S]*<\/div>\s*<\/body><\/html>\s*$/,
    );
    expect(mail.html).toContain('<p>Hurmatli G\u02BBulomov O\u02BBtkir!</p>');
    expect(mail.html).toContain(
      '<p>Mavzu: Texnologiyalardan foydalanish va ulardan suiiste\u02BCmol qilish<br>\n' +
        'Sana: 2022-yil 28–29-iyul<br>\n' +
        'O\u02BBtkaziladigan joy: Toshkent, O\u02BBzbekiston</p>',
    );
  });

  it('links the certificate verification page and the login link', () => {
    const certificate = renderMessage(
      messageNamed('CERTIFICATE_ISSUED'),
      messageNamed('CERTIFICATE_ISSUED').texts.ru,
      SAMPLE.ru,
    );
    expect(certificate.html).toContain(
      '<a href="https://tip.example.org/verify/3HJW-P4RC">https://tip.example.org/verify/3HJW-P4RC</a>',
    );

    const login = renderMessage(
      messageNamed('LOGIN_LINK'),
      messageNamed('LOGIN_LINK').texts.en,
      SAMPLE.en,
    );
    expect(login.text).toContain('\n\nhttps://tip.example.org/login?token=q8Zt3&lang=en\n\n');
    expect(login.html).toContain(
      '<p><a href="https://tip.example.org/login?token=q8Zt3&amp;lang=en">' +
        'https://tip.example.org/login?token=q8Zt3&amp;lang=en</a></p>',
    );
  });
});

describe('placeholdersIn', () => {
  it('finds each name once, with spaces inside the braces allowed', () => {
    expect(placeholdersIn('{{ name }}, {{dates}} at {{place }}; {{name}}')).toEqual([
      'name',
      'dates',
      'place',
    ]);
    expect(placeholdersIn('no placeholders { here }')).toEqual([]);
  });
});

describe('renderMessage', () => {
  const values = SAMPLE.en;

  it('escapes values in HTML and keeps them as they are in the text', () => {
    const hostile = '<script>alert(1)</script> & "x"';
    const mail = renderMessage(messageNamed('INVITATION'), messageNamed('INVITATION').texts.en, {
      ...values,
      name: hostile,
    });
    expect(mail.text).toContain(`Dear ${hostile},`);
    expect(mail.html).toContain('Dear &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;,');
    expect(mail.html).not.toContain('<script>');
  });

  it('escapes the literal text too', () => {
    const mail = renderMessage(
      messageNamed('INVITATION'),
      invitation({ body: 'Dear {{name}},\n\nTom & Jerry <b>say</b> "hi"' }),
      values,
    );
    expect(mail.html).toContain('<p>Tom &amp; Jerry &lt;b&gt;say&lt;/b&gt; &quot;hi&quot;</p>');
  });

  it('turns URLs into links without the sentence punctuation after them', () => {
    const mail = renderMessage(
      messageNamed('CERTIFICATE_ISSUED'),
      {
        subject: 'Certificate',
        body: 'Check it at {{verificationUrl}}. See also (https://example.org/faq), «https://example.org/ru».',
      },
      { ...values, verificationUrl: 'https://tip.example.org/verify/7KQ2-M9XD?x=1&y=2' },
    );
    expect(mail.html).toContain(
      'Check it at <a href="https://tip.example.org/verify/7KQ2-M9XD?x=1&amp;y=2">' +
        'https://tip.example.org/verify/7KQ2-M9XD?x=1&amp;y=2</a>. ' +
        'See also (<a href="https://example.org/faq">https://example.org/faq</a>), ' +
        '«<a href="https://example.org/ru">https://example.org/ru</a>».',
    );
  });

  it('does not let a URL break out of its href', () => {
    const mail = renderMessage(
      messageNamed('LOGIN_LINK'),
      { subject: 'Sign in', body: '{{loginUrl}}' },
      { ...values, loginUrl: 'https://evil.example/"onmouseover="alert(1)"><script>x</script>' },
    );
    expect(mail.html).toContain(
      '<a href="https://evil.example/">https://evil.example/</a>&quot;onmouseover=&quot;alert(1)&quot;&gt;&lt;script&gt;',
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toMatch(/href="javascript/);
  });

  it('links only http and https', () => {
    const mail = renderMessage(
      messageNamed('INVITATION'),
      invitation({ body: 'Dear {{name}}, javascript:alert(1) ftp://example.org http://' }),
      values,
    );
    expect(mail.html).not.toContain('<a ');
  });

  it('puts paragraphs in <p> and single line breaks as <br>', () => {
    const mail = renderMessage(
      messageNamed('INVITATION'),
      invitation({ body: 'Dear {{name}},\r\n\r\n\r\nline one\nline two\n' }),
      values,
    );
    expect(mail.text).toBe('Dear Dilnoza Qodirova,\n\n\nline one\nline two\n');
    expect(mail.html).toContain('<p>Dear Dilnoza Qodirova,</p>\n<p>line one<br>\nline two</p>');
  });

  it('keeps the subject on one line whatever the values hold', () => {
    const mail = renderMessage(messageNamed('INVITATION'), messageNamed('INVITATION').texts.en, {
      ...values,
      editionTitle: 'Regional Conference\r\nBcc: everyone@example.org',
    });
    expect(mail.subject).toBe('Invitation: Regional Conference Bcc: everyone@example.org');
  });

  it('substitutes once: a value that looks like a placeholder stays as it is', () => {
    const mail = renderMessage(
      messageNamed('INVITATION'),
      invitation({ body: 'Dear {{ name }}, see you at {{place}}' }),
      { ...values, name: '{{place}}' },
    );
    expect(mail.text).toBe('Dear {{place}}, see you at Tashkent, Uzbekistan');
  });

  it('throws a plain error naming a placeholder without a value', () => {
    const { place: _place, ...withoutPlace } = values;
    const call = () =>
      renderMessage(messageNamed('INVITATION'), messageNamed('INVITATION').texts.en, withoutPlace);
    expect(call).toThrow('no value for {{place}}');
    expect(call).not.toThrow(DomainError);
  });

  it('validates before rendering', () => {
    const error = rejection(() =>
      renderMessage(messageNamed('INVITATION'), invitation({ body: 'Hi {{venue}}' }), values),
    );
    expect(error.field).toBe('body');
  });
});

describe('validateTemplate', () => {
  it('rejects an unknown placeholder and lists the ones the template knows', () => {
    const error = rejection(() =>
      validateWording(messageNamed('INVITATION'), invitation({ body: 'Meet us at {{venue}}.' })),
    );
    expect(error.field).toBe('body');
    expect(error.kind).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(
      'body: unknown placeholder {{venue}}; INVITATION knows ' +
        '{{name}}, {{editionTitle}}, {{theme}}, {{dates}}, {{place}}',
    );
  });

  it('rejects a placeholder of another template, in the subject too', () => {
    const error = rejection(() =>
      validateWording(messageNamed('WAITLISTED'), {
        subject: 'Waiting list for {{place}}',
        body: 'Dear {{name}}',
      }),
    );
    expect(error.field).toBe('subject');
    expect(error.message).toContain('unknown placeholder {{place}}; WAITLISTED knows');
  });

  it('rejects unclosed braces', () => {
    const inBody = rejection(() =>
      validateWording(
        messageNamed('INVITATION'),
        invitation({ body: 'Dear {{name}},\n\nWelcome to {{editionTitle, held {{dates}}.' }),
      ),
    );
    expect(inBody.field).toBe('body');
    expect(inBody.message).toMatch(/^body: unclosed \{\{ on line 3/);

    const inSubject = rejection(() =>
      validateWording(messageNamed('INVITATION'), invitation({ subject: 'Invitation {{name' })),
    );
    expect(inSubject.field).toBe('subject');
    expect(inSubject.message).toMatch(/^subject: unclosed \{\{/);
  });

  it('rejects braces that do not hold a placeholder name', () => {
    const error = rejection(() =>
      validateWording(messageNamed('INVITATION'), invitation({ body: 'Dear {{first name}},' })),
    );
    expect(error.field).toBe('body');
    expect(error.message).toContain('{{first name}} is not a placeholder');
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['on two lines', 'Invitation\n{{editionTitle}}'],
    ['on two lines (CR)', 'Invitation\r{{editionTitle}}'],
    ['over 200 characters', 'x'.repeat(201)],
  ])('rejects a subject %s', (_case, subject) => {
    expect(
      rejection(() => validateWording(messageNamed('INVITATION'), invitation({ subject }))).field,
    ).toBe('subject');
  });

  it('accepts a subject of exactly 200 characters, counting letters not code units', () => {
    const subject = '\u{1F4E8}'.repeat(200);
    expect(() =>
      validateWording(messageNamed('INVITATION'), invitation({ subject })),
    ).not.toThrow();
  });

  it('rejects an empty body and one over 20,000 characters', () => {
    for (const body of ['', 'x'.repeat(20_001)]) {
      expect(
        rejection(() => validateWording(messageNamed('INVITATION'), invitation({ body }))).field,
      ).toBe('body');
    }
    expect(() =>
      validateWording(messageNamed('INVITATION'), invitation({ body: 'x'.repeat(20_000) })),
    ).not.toThrow();
  });
});
