import { InputType } from '@nestjs/graphql';
import { TranslationInput, TranslationsField } from '@platform/core';

@InputType({ description: 'Russian and Uzbek versions of a programme’s or an event’s texts.' })
export class TrainingTranslationsInput {
  @TranslationsField()
  translations?: TranslationInput[];
}
