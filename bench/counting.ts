// Counters for the bench: Store calls at the port. (CloudBase round trips are counted by the stand-in database
// server itself, one per request the SDK sends: tests/support/fake-cloudbase.ts.)

export { countingStore, type StoreCounts } from '../cloudfunctions/api/src/adapters/counting-store';
