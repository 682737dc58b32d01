export * from './config.ts';
export * from './job.ts';
export * from './record.ts';
