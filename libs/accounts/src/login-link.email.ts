import { RECIPIENT_NAME, defineMessage, paragraphs } from '@platform/mail';

/** Sends a one-time sign-in link. */
export const LOGIN_LINK_MESSAGE = defineMessage<{ loginUrl: string; validMinutes: number }>({
  name: 'LOGIN_LINK',
  description: 'Sends a one-time sign-in link.',
  placeholders: {
    ...RECIPIENT_NAME,
    loginUrl: 'The one-time sign-in link.',
    validMinutes: 'Minutes the link stays valid.',
  },
  texts: {
    en: {
      subject: 'Your sign-in link',
      body: paragraphs(
        'Dear {{name}},',
        'Use the link below to sign in to the conferences and trainings platform:',
        '{{loginUrl}}',
        'The link works only once and for {{validMinutes}} minutes. If you did not ask for it, please ignore this email: no one can sign in without the link.',
      ),
    },
    ru: {
      subject: 'Ссылка для входа',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Для входа на платформу конференций и обучения перейдите по ссылке:',
        '{{loginUrl}}',
        'Ссылка действует один раз и в течение {{validMinutes}} мин. Если вы не запрашивали вход, просто проигнорируйте это письмо: без ссылки войти в вашу учетную запись невозможно.',
      ),
    },
    uz: {
      subject: 'Tizimga kirish havolasi',
      body: paragraphs(
        'Hurmatli {{name}}!',
        'Konferensiyalar va oʻquv kurslari platformasiga kirish uchun quyidagi havolani bosing:',
        '{{loginUrl}}',
        'Havola faqat bir marta va {{validMinutes}} daqiqa davomida ishlaydi. Agar bu havolani siz soʻramagan boʻlsangiz, ushbu xatga eʼtibor bermang: havolasiz hisobingizga hech kim kira olmaydi.',
      ),
    },
  },
});
