import { FileInput } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { problemOf } from '../core/graphql';
import { useMessages } from '../core/i18n';
import { useProblemText } from '../core/problems';
import { badgeMessages } from './messages';

const UploadBadgePhoto = graphql(`
  mutation UploadBadgePhoto($registrationId: ID!, $photo: String!) {
    uploadBadgePhoto(registrationId: $registrationId, photo: $photo) {
      registrationId
      photoUrl
    }
  }
`);

/** The file's bytes in base64, as the API takes uploads. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
}

/** Uploads a badge photo; the API checks its type and size and says what is wrong. */
export function PhotoUpload({
  registrationId,
  onSaved,
}: {
  registrationId: string;
  onSaved: () => void;
}) {
  const { t } = useMessages('badges', badgeMessages);
  const problemText = useProblemText();
  const [{ fetching }, upload] = useMutation(UploadBadgePhoto);
  const [error, setError] = useState<string>();
  return (
    <FileInput
      label={t('uploadPhoto')}
      accept="image/jpeg,image/png"
      clearable={false}
      disabled={fetching}
      error={error}
      onChange={async (file) => {
        if (!file) return;
        setError(undefined);
        const result = await upload({ registrationId, photo: await base64Of(file) });
        const problem = problemOf(result.error);
        if (problem) setError(problemText(problem));
        else onSaved();
      }}
    />
  );
}
