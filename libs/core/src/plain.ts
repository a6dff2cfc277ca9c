// Core's plain helpers: no Nest, GraphQL, ORM or class-validator behind them, so a render
// thread (see PdfRenderer) loads only these. Templates import them as @platform/core/plain.
export * from './countries/country';
export * from './dates/date-text';
export * from './language/language';
export * from './language/plural';
export * from './text/transliteration';
