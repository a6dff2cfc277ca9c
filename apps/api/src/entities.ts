import { accountEntities } from '@platform/accounts';
import { conferenceEntities } from '@platform/conferences';
import { coreEntities } from '@platform/core';
import { directoryEntities } from '@platform/directory';
import { documentEntities } from '@platform/documents';
import { evaluationEntities } from '@platform/evaluations';
import { mailEntities } from '@platform/mail';
import { mailingEntities } from '@platform/mailings';
import { trainingEntities } from '@platform/trainings';

/** Every entity of the platform: the API and the mail worker map the same schema. */
export const allEntities = [
  ...coreEntities,
  ...directoryEntities,
  ...accountEntities,
  ...conferenceEntities,
  ...trainingEntities,
  ...documentEntities,
  ...mailEntities,
  ...mailingEntities,
  ...evaluationEntities,
];
