export * from './limits';
export * from './schemas/common';
export * from './schemas/signal';
export * from './schemas/backlog';
export * from './schemas/errors';
export * from './schemas/workspace';
export * from './patterns/index';
