import { Translatable, TranslatableTexts, Translations } from '@platform/core';

/**
 * The Russian and Uzbek versions of the demo's English texts, as the organizers of the
 * 2022 Tashkent edition and the 2023 seminar series would enter them.
 */
const RU_UZ: Record<string, [ru: string, uz: string]> = {
  // Organizations and their acronyms
  'National Commission on Combating Human Trafficking and Forced Labour': [
    'Национальная комиссия по противодействию торговле людьми и принудительному труду',
    'Odam savdosi va majburiy mehnatga qarshi kurashish boʻyicha milliy komissiya',
  ],
  'Ministry of Internal Affairs of the Republic of Uzbekistan': [
    'Министерство внутренних дел Республики Узбекистан',
    'Oʻzbekiston Respublikasi Ichki ishlar vazirligi',
  ],
  MIA: ['МВД', 'IIV'],
  MFA: ['МИД', 'TIV'],
  "General Prosecutor's Office of the Republic of Uzbekistan": [
    'Генеральная прокуратура Республики Узбекистан',
    'Oʻzbekiston Respublikasi Bosh prokuraturasi',
  ],
  'Ministry of Internal Affairs of the Republic of Kazakhstan': [
    'Министерство внутренних дел Республики Казахстан',
    'Qozogʻiston Respublikasi Ichki ishlar vazirligi',
  ],
  "General Prosecutor's Office of the Kyrgyz Republic": [
    'Генеральная прокуратура Кыргызской Республики',
    'Qirgʻiz Respublikasi Bosh prokuraturasi',
  ],
  'Border Troops of the State Committee for National Security of Tajikistan': [
    'Пограничные войска Государственного комитета национальной безопасности Таджикистана',
    'Tojikiston Davlat milliy xavfsizlik qoʻmitasi Chegara qoʻshinlari',
  ],
  'Ministry of Foreign Affairs of Turkmenistan': [
    'Министерство иностранных дел Туркменистана',
    'Turkmaniston Tashqi ishlar vazirligi',
  ],
  'United Nations Office on Drugs and Crime, Regional Office for Central Asia': [
    'Управление ООН по наркотикам и преступности, Региональное представительство в Центральной Азии',
    'BMTning Giyohvand moddalar va jinoyatchilik boʻyicha boshqarmasi, Markaziy Osiyo mintaqaviy vakolatxonasi',
  ],
  UNODC: ['УНП ООН', 'UNODC'],
  // The same in every language, entered so that nothing shows as left to translate.
  USAID: ['USAID', 'USAID'],
  INL: ['INL', 'INL'],
  SMA: ['АБМ', 'XMA'],
  'International Organization for Migration': [
    'Международная организация по миграции',
    'Xalqaro migratsiya tashkiloti',
  ],
  IOM: ['МОМ', 'XMT'],
  'Safe Migration Alliance (international NGO)': [
    'Альянс за безопасную миграцию (международная НПО)',
    'Xavfsiz migratsiya alyansi (xalqaro NNT)',
  ],
  'Istiqbol shelter and hotline for victims of trafficking': [
    'Приют и горячая линия для жертв торговли людьми «Истикбол»',
    'Odam savdosi qurbonlari uchun «Istiqbol» boshpanasi va ishonch telefoni',
  ],
  'Sana Sezim crisis centre': ['Кризисный центр «Сана Сезим»', '«Sana Sezim» inqiroz markazi'],
  'Tenir legal aid clinic': ['Юридическая клиника «Тенир»', '«Tenir» yuridik klinikasi'],
  'United States Agency for International Development': [
    'Агентство США по международному развитию',
    'AQSh Xalqaro taraqqiyot agentligi',
  ],
  'Bureau of International Narcotics and Law Enforcement Affairs': [
    'Бюро по международным вопросам борьбы с наркотиками и правоохранительной деятельности',
    'Giyohvandlikka qarshi kurash va huquqni muhofaza qilish boʻyicha xalqaro masalalar byurosi',
  ],
  'Uzbek association of private employment agencies': [
    'Ассоциация частных агентств занятости Узбекистана',
    'Oʻzbekiston xususiy bandlik agentliklari uyushmasi',
  ],
  'Supreme Court of the Republic of Uzbekistan': [
    'Верховный суд Республики Узбекистан',
    'Oʻzbekiston Respublikasi Oliy sudi',
  ],

  // The 2022 Tashkent edition
  'Strengthening National and International Partnerships in Combating Trafficking in Persons': [
    'Укрепление национального и международного партнёрства в противодействии торговле людьми',
    'Odam savdosiga qarshi kurashda milliy va xalqaro hamkorlikni mustahkamlash',
  ],
  'Use and Abuse of Technology': [
    'Использование технологий и злоупотребление ими',
    'Texnologiyalardan foydalanish va ularni suiisteʼmol qilish',
  ],
  Tashkent: ['Ташкент', 'Toshkent'],
  'International Congress Centre': ['Международный конгресс-центр', 'Xalqaro kongress markazi'],
  'Exchange best practices in combating trafficking in persons': [
    'Обмен передовым опытом противодействия торговле людьми',
    'Odam savdosiga qarshi kurashda ilgʻor tajriba almashish',
  ],
  'Strengthen national and transnational referral mechanisms for victims': [
    'Укрепление национальных и транснациональных механизмов перенаправления жертв',
    'Qurbonlarni yoʻnaltirishning milliy va transmilliy mexanizmlarini mustahkamlash',
  ],
  'Build partnerships between state bodies, civil society and international organizations': [
    'Развитие партнёрства государственных органов, гражданского общества и международных организаций',
    'Davlat organlari, fuqarolik jamiyati va xalqaro tashkilotlar hamkorligini rivojlantirish',
  ],
  'Review the implementation of the Bukhara Declaration': [
    'Обзор выполнения Бухарской декларации',
    'Buxoro deklaratsiyasi ijrosini koʻrib chiqish',
  ],
  'Improve cooperation between border services': [
    'Улучшение взаимодействия пограничных служб',
    'Chegara xizmatlari hamkorligini yaxshilash',
  ],
  'Welcoming speeches': ['Приветственные выступления', 'Tabrik nutqlari'],
  'Plenary hall': ['Пленарный зал', 'Yalpi majlislar zali'],
  'Video message from the UNODC Regional Representative': [
    'Видеообращение Регионального представителя УНП ООН',
    'UNODC mintaqaviy vakilining videomurojaati',
  ],
  'National referral mechanism: three years of practice': [
    'Национальный механизм перенаправления: три года практики',
    'Milliy yoʻnaltirish mexanizmi: uch yillik amaliyot',
  ],
  'Coffee break': ['Кофе-брейк', 'Kofe-breyk'],
  'Transnational referral and return of victims': [
    'Транснациональное перенаправление и возвращение жертв',
    'Qurbonlarni transmilliy yoʻnaltirish va qaytarish',
  ],
  Lunch: ['Обед', 'Tushlik'],
  'Use and abuse of technology in recruitment': [
    'Использование технологий и злоупотребление ими при вербовке',
    'Yollashda texnologiyalardan foydalanish va ularni suiisteʼmol qilish',
  ],
  'Working groups: first sitting': [
    'Рабочие группы: первое заседание',
    'Ishchi guruhlar: birinchi majlis',
  ],
  'Rooms A-C': ['Залы A–C', 'A–C zallari'],
  'Working groups: drafting recommendations': [
    'Рабочие группы: подготовка рекомендаций',
    'Ishchi guruhlar: tavsiyalarni tayyorlash',
  ],
  'Plenary sitting of the working groups': [
    'Пленарное заседание рабочих групп',
    'Ishchi guruhlarning yalpi majlisi',
  ],
  'Closing: adoption of the recommendations': [
    'Закрытие: принятие рекомендаций',
    'Yopilish: tavsiyalarni qabul qilish',
  ],
  'Secretary of the National Commission': [
    'Секретарь Национальной комиссии',
    'Milliy komissiya kotibi',
  ],
  'Representative of the United States Embassy': [
    'Представитель Посольства США',
    'AQSh elchixonasi vakili',
  ],
  'Head of the anti-trafficking unit, Ministry of Internal Affairs': [
    'Начальник отдела по противодействию торговле людьми, МВД',
    'Ichki ishlar vazirligi odam savdosiga qarshi kurash boʻlimi boshligʻi',
  ],
  'Senior investigator, Ministry of Internal Affairs of Kazakhstan': [
    'Старший следователь МВД Казахстана',
    'Qozogʻiston IIV katta tergovchisi',
  ],
  'Programme officer, IOM': ['Сотрудник программ МОМ', 'XMT dastur xodimi'],
  'Border Troops of Tajikistan': [
    'Пограничные войска Таджикистана',
    'Tojikiston chegara qoʻshinlari',
  ],
  'Crime prevention expert, UNODC': [
    'Эксперт по предупреждению преступности, УНП ООН',
    'Jinoyatchilikning oldini olish boʻyicha ekspert, UNODC',
  ],
  'Regional director, Safe Migration Alliance': [
    'Региональный директор, Альянс за безопасную миграцию',
    'Mintaqaviy direktor, Xavfsiz migratsiya alyansi',
  ],
  'Social partnership': ['Социальное партнёрство', 'Ijtimoiy sheriklik'],
  'Cooperation of state bodies with NGOs and the private sector': [
    'Взаимодействие государственных органов с НПО и частным сектором',
    'Davlat organlarining NNT va xususiy sektor bilan hamkorligi',
  ],
  'Referral mechanisms': ['Механизмы перенаправления', 'Yoʻnaltirish mexanizmlari'],
  'Identification, referral and return of victims across borders': [
    'Выявление, перенаправление и возвращение жертв через границы',
    'Qurbonlarni aniqlash, chegaralar orqali yoʻnaltirish va qaytarish',
  ],
  'Technology and online exploitation': [
    'Технологии и эксплуатация в интернете',
    'Texnologiyalar va internetdagi ekspluatatsiya',
  ],
  'Online recruitment and the investigation of digital evidence': [
    'Вербовка в интернете и работа с цифровыми доказательствами',
    'Internet orqali yollash va raqamli dalillarni tekshirish',
  ],
  'Establish a standing dialogue between the national commissions and NGOs of the region, meeting at least twice a year.':
    [
      'Установить постоянный диалог национальных комиссий и НПО региона со встречами не реже двух раз в год.',
      'Mintaqa milliy komissiyalari va NNTlari oʻrtasida yiliga kamida ikki marta uchrashadigan doimiy muloqotni yoʻlga qoʻyish.',
    ],
  'National commissions': ['Национальные комиссии', 'Milliy komissiyalar'],
  'Involve private employment agencies in the prevention of labour exploitation through a code of conduct.':
    [
      'Привлечь частные агентства занятости к предупреждению трудовой эксплуатации через кодекс поведения.',
      'Xususiy bandlik agentliklarini xulq-atvor kodeksi orqali mehnat ekspluatatsiyasining oldini olishga jalb qilish.',
    ],
  'Ministries of labour': ['Министерства труда', 'Mehnat vazirliklari'],
  'Agree on a transnational referral mechanism with common forms for the identification and return of victims.':
    [
      'Согласовать транснациональный механизм перенаправления с едиными формами для выявления и возвращения жертв.',
      'Qurbonlarni aniqlash va qaytarish uchun yagona shakllarga ega transmilliy yoʻnaltirish mexanizmini kelishib olish.',
    ],
  'Ministries of internal affairs and foreign affairs': [
    'Министерства внутренних и иностранных дел',
    'Ichki ishlar va tashqi ishlar vazirliklari',
  ],
  'Train investigators in collecting and exchanging digital evidence in trafficking cases.': [
    'Обучить следователей сбору цифровых доказательств и обмену ими по делам о торговле людьми.',
    'Tergovchilarni odam savdosi ishlari boʻyicha raqamli dalillarni yigʻish va almashishga oʻqitish.',
  ],
  "Ministries of internal affairs and prosecutors' offices": [
    'Министерства внутренних дел и органы прокуратуры',
    'Ichki ishlar vazirliklari va prokuratura organlari',
  ],
  'Chair of the National Commission': [
    'Председатель Национальной комиссии',
    'Milliy komissiya raisi',
  ],
  'Regional Representative for Central Asia': [
    'Региональный представитель в Центральной Азии',
    'Markaziy Osiyo boʻyicha mintaqaviy vakil',
  ],

  // The 2023 Astana edition
  'Regional Conference on Combating Trafficking in Persons 2023': [
    'Региональная конференция по противодействию торговле людьми 2023',
    'Odam savdosiga qarshi kurash boʻyicha mintaqaviy konferensiya 2023',
  ],
  "Victims' voices lead the way": [
    'Голос пострадавших указывает путь',
    'Jabrlanuvchilarning ovozi yoʻl koʻrsatadi',
  ],
  Astana: ['Астана', 'Astana'],
  'Follow up the recommendations adopted in Tashkent in 2022': [
    'Рассмотреть выполнение рекомендаций, принятых в Ташкенте в 2022 году',
    '2022-yilda Toshkentda qabul qilingan tavsiyalar ijrosini koʻrib chiqish',
  ],
  'Put survivors at the centre of victim assistance': [
    'Поставить пострадавших в центр помощи жертвам',
    'Jabrlanuvchilarni yordam koʻrsatishning markaziga qoʻyish',
  ],

  // The 2023 seminar series
  'Investigating trafficking in persons: regional seminars for law enforcement and the judiciary': [
    'Расследование торговли людьми: региональные семинары для правоохранительных органов и судей',
    'Odam savdosini tergov qilish: huquqni muhofaza qilish organlari va sudyalar uchun mintaqaviy seminarlar',
  ],
  'Two-day regional seminars on identifying victims, victim-centred investigation and prosecution, and trying trafficking cases.':
    [
      'Двухдневные региональные семинары о выявлении жертв, расследовании и уголовном преследовании с ориентацией на жертву и рассмотрении дел о торговле людьми.',
      'Qurbonlarni aniqlash, jabrlanuvchiga yoʻnaltirilgan tergov va ayblov hamda odam savdosi ishlarini koʻrish boʻyicha ikki kunlik mintaqaviy seminarlar.',
    ],
  'Identification of victims': ['Выявление жертв', 'Qurbonlarni aniqlash'],
  'Victim-centred investigations': [
    'Расследования с ориентацией на жертву',
    'Jabrlanuvchiga yoʻnaltirilgan tergov',
  ],
  'Financial investigations': ['Финансовые расследования', 'Moliyaviy tergov'],
  'Trying trafficking cases': [
    'Рассмотрение дел о торговле людьми в суде',
    'Odam savdosi ishlarini sudda koʻrish',
  ],
  'Head of the training centre': ['Начальник учебного центра', 'Oʻquv markazi boshligʻi'],
};

/** The seminars' regions and cities: [English, Russian, Uzbek]. */
export const DEMO_PLACES: [en: string, ru: string, uz: string][] = [
  ['Tashkent city', 'город Ташкент', 'Toshkent shahri'],
  ['Tashkent region', 'Ташкентская область', 'Toshkent viloyati'],
  ['Nurafshon', 'Нурафшан', 'Nurafshon'],
  ['Samarkand region', 'Самаркандская область', 'Samarqand viloyati'],
  ['Samarkand', 'Самарканд', 'Samarqand'],
  ['Bukhara region', 'Бухарская область', 'Buxoro viloyati'],
  ['Bukhara', 'Бухара', 'Buxoro'],
  ['Fergana region', 'Ферганская область', 'Fargʻona viloyati'],
  ['Fergana', 'Фергана', 'Fargʻona'],
  ['Andijan region', 'Андижанская область', 'Andijon viloyati'],
  ['Andijan', 'Андижан', 'Andijon'],
  ['Namangan region', 'Наманганская область', 'Namangan viloyati'],
  ['Namangan', 'Наманган', 'Namangan'],
  ['Kashkadarya region', 'Кашкадарьинская область', 'Qashqadaryo viloyati'],
  ['Karshi', 'Карши', 'Qarshi'],
  ['Surkhandarya region', 'Сурхандарьинская область', 'Surxondaryo viloyati'],
  ['Termez', 'Термез', 'Termiz'],
  ['Khorezm region', 'Хорезмская область', 'Xorazm viloyati'],
  ['Urgench', 'Ургенч', 'Urganch'],
  ['Navoi region', 'Навоийская область', 'Navoiy viloyati'],
  ['Navoi', 'Навои', 'Navoiy'],
  ['Jizzakh region', 'Джизакская область', 'Jizzax viloyati'],
  ['Jizzakh', 'Джизак', 'Jizzax'],
  ['Syrdarya region', 'Сырдарьинская область', 'Sirdaryo viloyati'],
  ['Gulistan', 'Гулистан', 'Guliston'],
  ['Republic of Karakalpakstan', 'Республика Каракалпакстан', 'Qoraqalpogʻiston Respublikasi'],
  ['Nukus', 'Нукус', 'Nukus'],
];

const PLACES = new Map(DEMO_PLACES.map(([en, ru, uz]) => [en, [ru, uz] as [string, string]]));

/** A seminar's title in Russian and Uzbek, naming its region there. */
export function seminarTitle(region: string): [ru: string, uz: string] {
  const [ru, uz] = PLACES.get(region) ?? [region, region];
  return [`Расследование торговли людьми: ${ru}`, `Odam savdosini tergov qilish: ${uz}`];
}

/** The Russian and Uzbek versions of the given English texts, from the demo's tables. */
export function demoTranslations(texts: TranslatableTexts): Translations {
  const translations: Translations = {};
  for (const [field, text] of Object.entries(texts)) {
    const found = text ? (RU_UZ[text] ?? PLACES.get(text)) : undefined;
    if (found) translations[field] = { ru: found[0], uz: found[1] };
  }
  return translations;
}

/** The entity, with the demo's Russian and Uzbek versions of its texts. */
export function translated<T extends Translatable>(entity: T): T {
  entity.translations = demoTranslations(entity.translatableTexts());
  return entity;
}
