// The PDF reader lives with the documents lib, whose rendering specs read PDFs too.
export * from '../../libs/documents/src/rendering/testing/pdf';
