// Public surface of the domain module: both the add-in and the Functions import from here.
export * from './money';
export * from './dates';
export * from './findings';
export * from './agreement';
export * from './agreements';
export * from './fields';
