export * from './accounts';
export * from './articles';
export * from './common';
export * from './errors';
export * from './favorites';
export * from './routes';
export * from './sync';
export * from './realtime';
