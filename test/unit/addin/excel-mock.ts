// The mocked Excel for jest tests: excel-mock-core.ts, loaded after office-addin-manifest is
// mocked (office-addin-mock needs only its OfficeApp enum, whose full import chain is ESM that
// jest's CommonJS runtime cannot load).
jest.mock('office-addin-manifest', () => ({
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
}));
export * from './excel-mock-core';
