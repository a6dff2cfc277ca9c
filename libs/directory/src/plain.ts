// The directory's plain helpers: no Nest, GraphQL or ORM behind them, so a render thread
// (see PdfRenderer) loads only these. Templates import them as @platform/directory/plain.
export * from './people/category-labels';
export * from './people/person-names';
export * from './people/professional-category';
