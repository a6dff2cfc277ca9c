// What the invitation letter mails say about a letter: whom it is for, the edition and its
// number. Never the passport data: only the letter attached on approval prints it.

/** `{{personName}}` in every invitation letter mail. */
export const PERSON_NAME = {
  personName: 'The participant the letter is for, in the script of the mail language.',
} as const;
