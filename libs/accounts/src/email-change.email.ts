import { RECIPIENT_NAME, defineMessage, paragraphs } from '@platform/mail';

/** Asks to confirm a new login email, at that address. */
export const EMAIL_CHANGE_MESSAGE = defineMessage<{
  newEmail: string;
  confirmUrl: string;
  validMinutes: number;
}>({
  name: 'EMAIL_CHANGE',
  description: 'Asks to confirm a new login email, at that address.',
  placeholders: {
    ...RECIPIENT_NAME,
    newEmail: 'The new login email, where this mail goes.',
    confirmUrl: 'The one-time link that confirms it.',
    validMinutes: 'Minutes the link stays valid.',
  },
  texts: {
    en: {
      subject: 'Confirm your new email address',
      body: paragraphs(
        'Dear {{name}},',
        'You asked to sign in to the conferences and trainings platform with this address, {{newEmail}}. To confirm it, open the link below:',
        '{{confirmUrl}}',
        'The link works only once and for {{validMinutes}} minutes. Until then you sign in with your current address. If you did not ask for this, please ignore this email: nothing changes without the link.',
      ),
    },
    ru: {
      subject: 'Подтвердите новый адрес электронной почты',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Вы запросили вход на платформу конференций и обучения с этим адресом: {{newEmail}}. Чтобы подтвердить его, перейдите по ссылке:',
        '{{confirmUrl}}',
        'Ссылка действует один раз и в течение {{validMinutes}} мин. До подтверждения вход выполняется с прежним адресом. Если вы не запрашивали изменение, просто проигнорируйте это письмо: без ссылки ничего не изменится.',
      ),
    },
    uz: {
      subject: 'Yangi elektron pochta manzilingizni tasdiqlang',
      body: paragraphs(
        'Hurmatli {{name}}!',
        'Siz konferensiyalar va oʻquv kurslari platformasiga ushbu manzil bilan kirishni soʻradingiz: {{newEmail}}. Uni tasdiqlash uchun quyidagi havolani bosing:',
        '{{confirmUrl}}',
        'Havola faqat bir marta va {{validMinutes}} daqiqa davomida ishlaydi. Tasdiqlaguningizcha tizimga avvalgi manzilingiz bilan kirasiz. Agar buni siz soʻramagan boʻlsangiz, ushbu xatga eʼtibor bermang: havolasiz hech narsa oʻzgarmaydi.',
      ),
    },
  },
});
