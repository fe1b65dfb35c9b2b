// Submissions across versions (DOMAIN §5): row identity by id or natural key, and what a validated
// submission does to the report (accepted, rejected, carried over, the diff to the previous version).
export * from './row-identity';
export * from './settle';
export * from './answer-schema';
