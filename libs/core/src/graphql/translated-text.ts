import { ApolloServerPlugin } from '@apollo/server';
import {
  Extensions,
  Field,
  FieldOptions,
  ID,
  InputType,
  ObjectType,
  ReturnTypeFunc,
} from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  DirectiveLocation,
  getDirectiveValues,
  GraphQLDirective,
  GraphQLEnumType,
  GraphQLFieldResolver,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
} from 'graphql';
import { countryNameIn } from '../countries/country';
import { isLanguage, languageFromAcceptLanguage, LanguageCode } from '../language/language';
import { Language, languageEnum } from '../language/language-enum';
import {
  inLanguage,
  listInLanguage,
  missingTranslations,
  Translatable,
  Translations,
} from '../language/translations';

/** What the GraphQL context knows of the reader: the request, and its language once read. */
interface ReaderContext {
  req?: { headers?: Record<string, string | string[] | undefined> };
  language?: LanguageCode;
}

/**
 * The language a GraphQL request reads content in: the operation's
 * `@inContext(language: RU)`, else the `Accept-Language` header, else English.
 */
export function readerLanguage(context: unknown): LanguageCode {
  const reader = context as ReaderContext;
  if (!reader.language) {
    const header = reader.req?.headers?.['accept-language'];
    reader.language = languageFromAcceptLanguage(Array.isArray(header) ? header[0] : header);
  }
  return reader.language;
}

/** What TranslatedField and CountryNameField mark their fields with (see inReaderLanguage). */
interface ReaderLanguageExtensions {
  translated?: true;
  countryNameOf?: string;
}

type Source = Record<string, unknown> & { translations?: Translations };

/** A translated field resolves to the version in the reader's language (see inLanguage). */
const translatedResolver: GraphQLFieldResolver<Source, unknown> = (
  source,
  _args,
  context,
  info,
) => {
  const field = info.fieldName;
  const value = source[field];
  if (Array.isArray(value))
    return listInLanguage(value as string[], source.translations, field, readerLanguage(context));
  return typeof value === 'string'
    ? inLanguage(value, source.translations, field, readerLanguage(context))
    : value;
};

/** A country's name in the reader's language, from the code in `codeField`. */
const countryNameResolver =
  (codeField: string): GraphQLFieldResolver<Source, unknown> =>
  (source, _args, context, info) => {
    const code = source[codeField];
    return typeof code === 'string'
      ? countryNameIn(readerLanguage(context), code)
      : source[info.fieldName];
  };

/**
 * Gives the fields marked by TranslatedField and CountryNameField their resolvers. They
 * are plain synchronous functions set on the schema rather than Nest field middleware,
 * which wraps every call in several promises: an agenda reads thousands of these fields.
 */
export function inReaderLanguage(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType)) continue;
    for (const field of Object.values(type.getFields())) {
      const marks = field.extensions as ReaderLanguageExtensions;
      if (marks.translated) field.resolve = translatedResolver;
      else if (marks.countryNameOf) field.resolve = countryNameResolver(marks.countryNameOf);
    }
  }
  return schema;
}

/**
 * A content field stored in English with Russian and Uzbek translations beside it (an
 * entity's `translations`): read in the reader's language (see inReaderLanguage).
 */
export function TranslatedField(options?: FieldOptions): PropertyDecorator;
export function TranslatedField(type: ReturnTypeFunc, options?: FieldOptions): PropertyDecorator;
export function TranslatedField(
  typeOrOptions?: ReturnTypeFunc | FieldOptions,
  options: FieldOptions = {},
): PropertyDecorator {
  const [type, rest] =
    typeof typeOrOptions === 'function'
      ? [typeOrOptions, options]
      : [undefined, typeOrOptions ?? {}];
  const marks: ReaderLanguageExtensions = { translated: true };
  return (target, key) => {
    (type ? Field(type, rest) : Field(rest))(target, key);
    Extensions({ ...marks })(target, key);
  };
}

/**
 * A country's name read in the reader's language (countryNameIn), from the code in
 * `codeField` of the same object: `@CountryNameField('hostCountry') get hostCountryName()`.
 */
export function CountryNameField(codeField: string, options: FieldOptions = {}): PropertyDecorator {
  const marks: ReaderLanguageExtensions = { countryNameOf: codeField };
  return (target, key) => {
    Field(() => String, options)(target, key);
    Extensions({ ...marks })(target, key);
  };
}

@ObjectType({
  description:
    'One translatable text in every language: en as entered, ru and uz its translations (null where missing). What organizers edit.',
})
export class TextVersions {
  @Field({ description: 'The field: "title", or "objectives.0" for an item of a list.' })
  field!: string;

  @Field(() => String, { nullable: true })
  en!: string | null;

  @Field(() => String, { nullable: true })
  ru!: string | null;

  @Field(() => String, { nullable: true })
  uz!: string | null;
}

@InputType({
  description:
    'The Russian and Uzbek versions of one text (the English one is the field itself): an omitted language is left as it is, null or "" removes it.',
})
export class TranslationInput {
  @Field({ description: 'The field: "title", or "objectives.0" for an item of a list.' })
  @IsString()
  @Matches(/^[a-zA-Z]+(\.[0-9]{1,3}(\.[a-zA-Z]+)?)?$/, {
    message: 'must name a field, e.g. title or objectives.0',
  })
  field!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  ru?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  uz?: string | null;
}

/** For the inputs that take translations: `@TranslationsField() translations?: TranslationInput[]`. */
export function TranslationsField(): PropertyDecorator {
  return (target, key) => {
    Field(() => [TranslationInput], {
      nullable: true,
      description: 'Russian and Uzbek versions of the texts; see TranslationInput.',
    })(target, key);
    IsOptional()(target, key);
    ArrayMaxSize(200)(target, key);
    ValidateNested({ each: true })(target, key);
    Type(() => TranslationInput)(target, key);
  };
}

@ObjectType({ description: 'A text entered in English whose Russian or Uzbek version is missing.' })
export class MissingTranslation {
  @Field({ description: 'What the text belongs to: Edition, AgendaSession, Organization…' })
  itemType!: string;

  @Field(() => ID)
  itemId!: string;

  @Field({ description: 'The field, as in TranslationInput.' })
  field!: string;

  @Field({ description: 'The English text, to show what is to be translated.' })
  text!: string;

  @Field(() => [Language])
  languages!: Language[];
}

/** The texts of one item (an edition, a session, an event…) still to translate, as GraphQL lists them. */
export function missingTranslationsOf(
  itemType: string,
  item: Translatable & { id: string },
): MissingTranslation[] {
  return missingTranslations(item.translatableTexts(), item.translations).map(
    ({ field, text, languages }) => ({
      itemType,
      itemId: item.id,
      field,
      text,
      languages: languages.map(languageEnum),
    }),
  );
}

/**
 * `query @inContext(language: RU) { … }` reads the whole operation in that language,
 * whatever the Accept-Language header says (the pattern of Shopify's Storefront API).
 */
export function withInContextDirective(schema: GraphQLSchema): GraphQLSchema {
  const language = schema.getType('Language');
  if (!(language instanceof GraphQLEnumType)) return schema;
  const directive = new GraphQLDirective({
    name: 'inContext',
    description: 'The language to read content in for this operation (else Accept-Language).',
    locations: [DirectiveLocation.QUERY, DirectiveLocation.MUTATION],
    args: { language: { type: new GraphQLNonNull(language) } },
  });
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, directives: [...config.directives, directive] });
}

/** Puts the operation's @inContext language in the context, before any field resolves. */
export const inContextPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, operation, request, contextValue }) {
        const directive = schema.getDirective('inContext');
        if (!directive || !operation) return;
        const values = getDirectiveValues(directive, operation, request.variables);
        const language: unknown = values?.language;
        if (isLanguage(language)) (contextValue as ReaderContext).language = language;
      },
    };
  },
};
