export * from './project.types';
export * from './project.events';
export * from './project.commands';
export * from './project.state';
export * from './project.decision';
