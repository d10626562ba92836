// pdf.js's minified build has the same API as its main entry, whose types it lacks.
declare module 'pdfjs-dist/build/pdf.min.mjs' {
  export * from 'pdfjs-dist';
}
