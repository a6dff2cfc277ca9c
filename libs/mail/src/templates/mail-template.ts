import { registerEnumType } from '@nestjs/graphql';
import { LanguageCode } from '@platform/core';

/** The mails the platform sends; each has its own placeholders and default texts. */
export enum MailTemplate {
  INVITATION = 'INVITATION',
  REGISTRATION_CONFIRMED = 'REGISTRATION_CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  PROMOTED_FROM_WAITLIST = 'PROMOTED_FROM_WAITLIST',
  REMINDER = 'REMINDER',
  CERTIFICATE_ISSUED = 'CERTIFICATE_ISSUED',
  RECOMMENDATIONS = 'RECOMMENDATIONS',
  ENROLLMENT_CONFIRMED = 'ENROLLMENT_CONFIRMED',
  LOGIN_LINK = 'LOGIN_LINK',
  EMAIL_CHANGE = 'EMAIL_CHANGE',
}
registerEnumType(MailTemplate, {
  name: 'MailTemplate',
  valuesMap: {
    INVITATION: { description: 'Invites a person to a conference edition.' },
    REGISTRATION_CONFIRMED: { description: 'Confirms a registration that holds a seat.' },
    WAITLISTED: { description: 'Tells a registrant that the edition is full and they wait.' },
    PROMOTED_FROM_WAITLIST: { description: 'Tells a waitlisted registrant that a seat is theirs.' },
    REMINDER: { description: 'Reminds a registered participant that the edition is near.' },
    CERTIFICATE_ISSUED: { description: 'Sends an issued certificate as a PDF attachment.' },
    RECOMMENDATIONS: { description: "Sends the edition's adopted recommendations as a PDF." },
    ENROLLMENT_CONFIRMED: { description: 'Confirms an enrollment in a training event.' },
    LOGIN_LINK: { description: 'Sends a one-time sign-in link.' },
    EMAIL_CHANGE: { description: 'Asks to confirm a new login email, at that address.' },
  },
});

// Placeholder values arrive already formatted in the mail's language (dates, place), so
// the texts never inflect them: they sit after a label or inside quotes.
const NAME = { name: "The recipient's full name, as in the directory." };
const EDITION = {
  editionTitle: 'Title of the conference edition.',
};
const DATES = { dates: 'First to last day, written in the mail language, e.g. 28–29 July 2022.' };
const PLACE = { place: 'City and country (or venue) where it takes place.' };

export const PLACEHOLDERS: Record<MailTemplate, Record<string, string>> = {
  INVITATION: {
    ...NAME,
    ...EDITION,
    theme: "Theme of the edition's discussions.",
    ...DATES,
    ...PLACE,
  },
  REGISTRATION_CONFIRMED: { ...NAME, ...EDITION, ...DATES, ...PLACE },
  WAITLISTED: { ...NAME, ...EDITION, ...DATES },
  PROMOTED_FROM_WAITLIST: { ...NAME, ...EDITION, ...DATES, ...PLACE },
  REMINDER: {
    ...NAME,
    ...EDITION,
    ...DATES,
    ...PLACE,
    daysBefore: 'Whole days left until the first day.',
  },
  CERTIFICATE_ISSUED: {
    ...NAME,
    eventTitle: 'Title of the conference edition or training event the certificate is for.',
    serial: 'Serial number printed on the certificate.',
    verificationUrl: 'Public page that confirms the certificate is genuine.',
  },
  RECOMMENDATIONS: { ...NAME, ...EDITION, ...DATES, ...PLACE },
  ENROLLMENT_CONFIRMED: {
    ...NAME,
    eventTitle: 'Title of the training event.',
    ...DATES,
    ...PLACE,
  },
  LOGIN_LINK: {
    ...NAME,
    loginUrl: 'The one-time sign-in link.',
    validMinutes: 'Minutes the link stays valid.',
  },
  EMAIL_CHANGE: {
    ...NAME,
    newEmail: 'The new login email, where this mail goes.',
    confirmUrl: 'The one-time link that confirms it.',
    validMinutes: 'Minutes the link stays valid.',
  },
};

/** Paragraphs separated by a blank line; an array is one paragraph of several lines. */
const body = (...paragraphs: (string | string[])[]): string =>
  paragraphs.map((p) => (Array.isArray(p) ? p.join('\n') : p)).join('\n\n');

// Sign-offs. Russian and Uzbek greet with "!" as their letters do; Russian avoids
// "Уважаемый/Уважаемая" because the recipient's gender is not known.
const EN_COMMITTEE = ['Kind regards,', 'The organizing committee'];
const RU_COMMITTEE = ['С уважением,', 'Организационный комитет'];
const UZ_COMMITTEE = ['Hurmat bilan,', 'Tashkiliy qoʻmita'];
const EN_ORGANIZERS = ['Kind regards,', 'The organizers'];
const RU_ORGANIZERS = ['С уважением,', 'Организаторы'];
const UZ_ORGANIZERS = ['Hurmat bilan,', 'Tashkilotchilar'];

// Uzbek is in Latin script with ʻ (U+02BB) in oʻ/gʻ and ʼ (U+02BC) for the tutuq belgisi,
// as in the documents' texts. Counts stay out of running text in English and Russian
// ("Days to go: 1", "15 мин.") so that no number needs a plural form.
export const DEFAULT_TEXTS: Record<
  MailTemplate,
  Record<LanguageCode, { subject: string; body: string }>
> = {
  INVITATION: {
    en: {
      subject: 'Invitation: {{editionTitle}}',
      body: body(
        'Dear {{name}},',
        'On behalf of the organizing committee, we are pleased to invite you to take part in the conference “{{editionTitle}}”.',
        ['Theme: {{theme}}', 'Dates: {{dates}}', 'Venue: {{place}}'],
        'Please confirm your participation at your earliest convenience. We look forward to welcoming you.',
        EN_COMMITTEE,
      ),
    },
    ru: {
      subject: 'Приглашение: {{editionTitle}}',
      body: body(
        'Здравствуйте, {{name}}!',
        'От имени организационного комитета рады пригласить вас принять участие в конференции «{{editionTitle}}».',
        ['Тема: {{theme}}', 'Даты проведения: {{dates}}', 'Место проведения: {{place}}'],
        'Просим подтвердить ваше участие в ближайшее время. Будем рады видеть вас.',
        RU_COMMITTEE,
      ),
    },
    uz: {
      subject: 'Taklifnoma: {{editionTitle}}',
      body: body(
        'Hurmatli {{name}}!',
        'Tashkiliy qoʻmita nomidan sizni «{{editionTitle}}» konferensiyasida ishtirok etishga taklif qilamiz.',
        ['Mavzu: {{theme}}', 'Sana: {{dates}}', 'Oʻtkaziladigan joy: {{place}}'],
        'Ishtirokingizni imkon qadar tezroq tasdiqlashingizni soʻraymiz. Sizni konferensiyada koʻrishdan mamnun boʻlamiz.',
        UZ_COMMITTEE,
      ),
    },
  },
  REGISTRATION_CONFIRMED: {
    en: {
      subject: 'Registration confirmed: {{editionTitle}}',
      body: body(
        'Dear {{name}},',
        'Your registration for the conference “{{editionTitle}}” is confirmed.',
        ['Dates: {{dates}}', 'Venue: {{place}}'],
        'Please bring an identity document for check-in at the venue. If your plans change, please let us know so that we can offer your seat to another participant.',
        EN_COMMITTEE,
      ),
    },
    ru: {
      subject: 'Регистрация подтверждена: {{editionTitle}}',
      body: body(
        'Здравствуйте, {{name}}!',
        'Ваша регистрация на конференцию «{{editionTitle}}» подтверждена.',
        ['Даты проведения: {{dates}}', 'Место проведения: {{place}}'],
        'Для регистрации на месте, пожалуйста, возьмите с собой документ, удостоверяющий личность. Если ваши планы изменятся, сообщите нам об этом, чтобы мы могли предложить ваше место другому участнику.',
        RU_COMMITTEE,
      ),
    },
    uz: {
      subject: 'Roʻyxatdan oʻtganingiz tasdiqlandi: {{editionTitle}}',
      body: body(
        'Hurmatli {{name}}!',
        '«{{editionTitle}}» konferensiyasiga roʻyxatdan oʻtganingiz tasdiqlandi.',
        ['Sana: {{dates}}', 'Oʻtkaziladigan joy: {{place}}'],
        'Tadbir joyida roʻyxatdan oʻtish uchun shaxsni tasdiqlovchi hujjatingizni olib kelishingizni soʻraymiz. Rejalaringiz oʻzgarsa, iltimos, bizga xabar bering, shunda oʻrningizni boshqa ishtirokchiga taklif qila olamiz.',
        UZ_COMMITTEE,
      ),
    },
  },
  WAITLISTED: {
    en: {
      subject: 'Waiting list: {{editionTitle}}',
      body: body(
        'Dear {{name}},',
        'Thank you for registering for the conference “{{editionTitle}}” ({{dates}}). All seats are currently taken, so we have placed you on the waiting list.',
        'If a seat becomes available, it will be offered to those on the waiting list in the order in which they registered, and we will write to you at once. You do not need to do anything in the meantime.',
        EN_COMMITTEE,
      ),
    },
    ru: {
      subject: 'Лист ожидания: {{editionTitle}}',
      body: body(
        'Здравствуйте, {{name}}!',
        'Благодарим вас за регистрацию на конференцию «{{editionTitle}}» ({{dates}}). В настоящее время все места заняты, поэтому мы включили вас в лист ожидания.',
        'Если место освободится, оно будет предложено участникам из листа ожидания в порядке поступления заявок, и мы сразу сообщим вам. Пока никаких действий с вашей стороны не требуется.',
        RU_COMMITTEE,
      ),
    },
    uz: {
      subject: 'Kutish roʻyxati: {{editionTitle}}',
      body: body(
        'Hurmatli {{name}}!',
        '«{{editionTitle}}» konferensiyasiga ({{dates}}) roʻyxatdan oʻtganingiz uchun tashakkur. Hozirda barcha oʻrinlar band, shu sababli sizni kutish roʻyxatiga kiritdik.',
        'Agar oʻrin boʻshasa, u kutish roʻyxatidagi ishtirokchilarga arizalar kelib tushgan tartibda taklif qilinadi va biz sizga darhol xabar beramiz. Hozircha sizdan hech qanday harakat talab qilinmaydi.',
        UZ_COMMITTEE,
      ),
    },
  },
  PROMOTED_FROM_WAITLIST: {
    en: {
      subject: 'A seat is available: {{editionTitle}}',
      body: body(
        'Dear {{name}},',
        'We are glad to tell you that a seat has become available at the conference “{{editionTitle}}” and your registration is now confirmed.',
        ['Dates: {{dates}}', 'Venue: {{place}}'],
        'If you can no longer attend, please let us know as soon as possible so that we can offer the seat to the next person on the waiting list.',
        EN_COMMITTEE,
      ),
    },
    ru: {
      subject: 'Освободилось место: {{editionTitle}}',
      body: body(
        'Здравствуйте, {{name}}!',
        'Рады сообщить, что на конференции «{{editionTitle}}» освободилось место, и ваша регистрация подтверждена.',
        ['Даты проведения: {{dates}}', 'Место проведения: {{place}}'],
        'Если вы больше не можете принять участие, просим как можно скорее сообщить нам, чтобы мы могли предложить место следующему участнику из листа ожидания.',
        RU_COMMITTEE,
      ),
    },
    uz: {
      subject: 'Oʻrin boʻshadi: {{editionTitle}}',
      body: body(
        'Hurmatli {{name}}!',
        'Mamnuniyat bilan maʼlum qilamizki, «{{editionTitle}}» konferensiyasida oʻrin boʻshadi va roʻyxatdan oʻtganingiz tasdiqlandi.',
        ['Sana: {{dates}}', 'Oʻtkaziladigan joy: {{place}}'],
        'Agar ishtirok eta olmasangiz, iltimos, bu haqda imkon qadar tezroq xabar bering, shunda oʻrinni kutish roʻyxatidagi navbatdagi ishtirokchiga taklif qila olamiz.',
        UZ_COMMITTEE,
      ),
    },
  },
  REMINDER: {
    en: {
      subject: 'Reminder: {{editionTitle}}',
      body: body(
        'Dear {{name}},',
        'This is a reminder that the conference “{{editionTitle}}” is approaching.',
        ['Days to go: {{daysBefore}}', 'Dates: {{dates}}', 'Venue: {{place}}'],
        'Please arrive early on the first day for check-in and bring an identity document. If you can no longer attend, please let us know.',
        EN_COMMITTEE,
      ),
    },
    ru: {
      subject: 'Напоминание: {{editionTitle}}',
      body: body(
        'Здравствуйте, {{name}}!',
        'Напоминаем, что приближается конференция «{{editionTitle}}».',
        [
          'Дней до начала: {{daysBefore}}',
          'Даты проведения: {{dates}}',
          'Место проведения: {{place}}',
        ],
        'Просим в первый день прибыть заблаговременно для регистрации и взять с собой документ, удостоверяющий личность. Если вы не сможете принять участие, пожалуйста, сообщите нам.',
        RU_COMMITTEE,
      ),
    },
    uz: {
      subject: 'Eslatma: {{editionTitle}}',
      body: body(
        'Hurmatli {{name}}!',
        // Uzbek keeps the noun singular after a number, so "{{daysBefore}} kun" is always right.
        '«{{editionTitle}}» konferensiyasi boshlanishiga {{daysBefore}} kun qolganini eslatib oʻtamiz.',
        ['Sana: {{dates}}', 'Oʻtkaziladigan joy: {{place}}'],
        'Birinchi kuni roʻyxatdan oʻtish uchun ertaroq kelishingizni va shaxsni tasdiqlovchi hujjatingizni olib kelishingizni soʻraymiz. Agar ishtirok eta olmasangiz, iltimos, bizga xabar bering.',
        UZ_COMMITTEE,
      ),
    },
  },
  CERTIFICATE_ISSUED: {
    en: {
      subject: 'Your certificate: {{eventTitle}}',
      body: body(
        'Dear {{name}},',
        'Thank you for taking part in “{{eventTitle}}”. Your certificate is attached to this email as a PDF file.',
        [
          'Serial number: {{serial}}',
          'Anyone can check that the certificate is genuine at {{verificationUrl}}',
        ],
        EN_ORGANIZERS,
      ),
    },
    ru: {
      subject: 'Ваш сертификат: {{eventTitle}}',
      body: body(
        'Здравствуйте, {{name}}!',
        'Благодарим вас за участие в мероприятии «{{eventTitle}}». Ваш сертификат приложен к этому письму в формате PDF.',
        [
          'Серийный номер: {{serial}}',
          'Подлинность сертификата можно проверить по ссылке: {{verificationUrl}}',
        ],
        RU_ORGANIZERS,
      ),
    },
    uz: {
      subject: 'Sertifikatingiz: {{eventTitle}}',
      body: body(
        'Hurmatli {{name}}!',
        '«{{eventTitle}}» tadbirida ishtirok etganingiz uchun tashakkur. Sertifikatingiz ushbu xatga PDF formatida ilova qilingan.',
        [
          'Seriya raqami: {{serial}}',
          'Sertifikatning haqiqiyligini quyidagi havola orqali tekshirish mumkin: {{verificationUrl}}',
        ],
        UZ_ORGANIZERS,
      ),
    },
  },
  RECOMMENDATIONS: {
    en: {
      subject: 'Adopted recommendations: {{editionTitle}}',
      body: body(
        'Dear {{name}},',
        'Thank you for your contribution to the conference “{{editionTitle}}” ({{place}}, {{dates}}).',
        'The recommendations adopted by the conference are attached to this email as a PDF file. We would be grateful if you shared them within your organization and told us about the steps taken to implement them; their follow-up will be reviewed at the next edition.',
        EN_COMMITTEE,
      ),
    },
    ru: {
      subject: 'Принятые рекомендации: {{editionTitle}}',
      body: body(
        'Здравствуйте, {{name}}!',
        'Благодарим вас за вклад в работу конференции «{{editionTitle}}» ({{place}}, {{dates}}).',
        'Рекомендации, принятые конференцией, приложены к этому письму в формате PDF. Будем признательны, если вы ознакомите с ними коллег в вашей организации и сообщите нам о мерах, принятых для их выполнения; ход их выполнения будет рассмотрен на следующей конференции.',
        RU_COMMITTEE,
      ),
    },
    uz: {
      subject: 'Qabul qilingan tavsiyalar: {{editionTitle}}',
      body: body(
        'Hurmatli {{name}}!',
        '«{{editionTitle}}» konferensiyasi ({{place}}, {{dates}}) ishiga qoʻshgan hissangiz uchun tashakkur.',
        'Konferensiyada qabul qilingan tavsiyalar ushbu xatga PDF formatida ilova qilingan. Ularni tashkilotingiz xodimlari bilan baham koʻrsangiz va ularni amalga oshirish boʻyicha koʻrilgan choralar haqida bizga maʼlum qilsangiz, minnatdor boʻlamiz. Tavsiyalarning bajarilishi keyingi konferensiyada koʻrib chiqiladi.',
        UZ_COMMITTEE,
      ),
    },
  },
  ENROLLMENT_CONFIRMED: {
    en: {
      subject: 'Enrollment confirmed: {{eventTitle}}',
      body: body(
        'Dear {{name}},',
        'You are enrolled in the training “{{eventTitle}}”.',
        ['Dates: {{dates}}', 'Venue: {{place}}'],
        'Attendance is recorded every day; participants who meet the attendance requirement receive a certificate of completion. Please bring your service identity card.',
        ['Kind regards,', 'The training organizers'],
      ),
    },
    ru: {
      subject: 'Участие подтверждено: {{eventTitle}}',
      body: body(
        'Здравствуйте, {{name}}!',
        'Вы включены в список участников обучения «{{eventTitle}}».',
        ['Даты проведения: {{dates}}', 'Место проведения: {{place}}'],
        'Посещаемость отмечается ежедневно; участники, выполнившие требования по посещаемости, получают сертификат об окончании обучения. Просим взять с собой служебное удостоверение.',
        ['С уважением,', 'Организаторы обучения'],
      ),
    },
    uz: {
      subject: 'Ishtirokingiz tasdiqlandi: {{eventTitle}}',
      body: body(
        'Hurmatli {{name}}!',
        'Siz «{{eventTitle}}» oʻquv kursi ishtirokchilari roʻyxatiga kiritildingiz.',
        ['Sana: {{dates}}', 'Oʻtkaziladigan joy: {{place}}'],
        'Davomat har kuni qayd etiladi; davomat talablarini bajargan ishtirokchilarga oʻquv kursini tamomlaganlik sertifikati beriladi. Xizmat guvohnomangizni olib kelishingizni soʻraymiz.',
        ['Hurmat bilan,', 'Oʻquv kursi tashkilotchilari'],
      ),
    },
  },
  LOGIN_LINK: {
    en: {
      subject: 'Your sign-in link',
      body: body(
        'Dear {{name}},',
        'Use the link below to sign in to the conferences and trainings platform:',
        '{{loginUrl}}',
        'The link works only once and for {{validMinutes}} minutes. If you did not ask for it, please ignore this email: no one can sign in without the link.',
      ),
    },
    ru: {
      subject: 'Ссылка для входа',
      body: body(
        'Здравствуйте, {{name}}!',
        'Для входа на платформу конференций и обучения перейдите по ссылке:',
        '{{loginUrl}}',
        'Ссылка действует один раз и в течение {{validMinutes}} мин. Если вы не запрашивали вход, просто проигнорируйте это письмо: без ссылки войти в вашу учетную запись невозможно.',
      ),
    },
    uz: {
      subject: 'Tizimga kirish havolasi',
      body: body(
        'Hurmatli {{name}}!',
        'Konferensiyalar va oʻquv kurslari platformasiga kirish uchun quyidagi havolani bosing:',
        '{{loginUrl}}',
        'Havola faqat bir marta va {{validMinutes}} daqiqa davomida ishlaydi. Agar bu havolani siz soʻramagan boʻlsangiz, ushbu xatga eʼtibor bermang: havolasiz hisobingizga hech kim kira olmaydi.',
      ),
    },
  },
  EMAIL_CHANGE: {
    en: {
      subject: 'Confirm your new email address',
      body: body(
        'Dear {{name}},',
        'You asked to sign in to the conferences and trainings platform with this address, {{newEmail}}. To confirm it, open the link below:',
        '{{confirmUrl}}',
        'The link works only once and for {{validMinutes}} minutes. Until then you sign in with your current address. If you did not ask for this, please ignore this email: nothing changes without the link.',
      ),
    },
    ru: {
      subject: 'Подтвердите новый адрес электронной почты',
      body: body(
        'Здравствуйте, {{name}}!',
        'Вы запросили вход на платформу конференций и обучения с этим адресом: {{newEmail}}. Чтобы подтвердить его, перейдите по ссылке:',
        '{{confirmUrl}}',
        'Ссылка действует один раз и в течение {{validMinutes}} мин. До подтверждения вход выполняется с прежним адресом. Если вы не запрашивали изменение, просто проигнорируйте это письмо: без ссылки ничего не изменится.',
      ),
    },
    uz: {
      subject: 'Yangi elektron pochta manzilingizni tasdiqlang',
      body: body(
        'Hurmatli {{name}}!',
        'Siz konferensiyalar va oʻquv kurslari platformasiga ushbu manzil bilan kirishni soʻradingiz: {{newEmail}}. Uni tasdiqlash uchun quyidagi havolani bosing:',
        '{{confirmUrl}}',
        'Havola faqat bir marta va {{validMinutes}} daqiqa davomida ishlaydi. Tasdiqlaguningizcha tizimga avvalgi manzilingiz bilan kirasiz. Agar buni siz soʻramagan boʻlsangiz, ushbu xatga eʼtibor bermang: havolasiz hech narsa oʻzgarmaydi.',
      ),
    },
  },
};
