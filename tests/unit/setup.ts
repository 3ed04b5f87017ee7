// Real IndexedDB semantics in Node for the Dexie tests (the browser tests use Chromium's own).
import 'fake-indexeddb/auto';
