import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const ROOT = join(__dirname, '..', '..');

export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string; args?: Record<string, string> };
  environment?: Record<string, string>;
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }> | string[];
  ports?: string[];
  volumes?: string[];
  command?: string[] | string;
  deploy?: { replicas?: number };
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** docker-compose.yml as Compose reads it: merge keys resolved, `${VAR:-default}` replaced by its default. */
export function loadCompose(file = 'docker-compose.yml'): ComposeFile {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return parse(text, { merge: true }) as ComposeFile;
}

export function interpolateDefaults(value: string): string {
  return value.replace(/\$\{(\w+):-([^}]*)\}/g, (_, _name: string, fallback: string) => fallback);
}

export const INFRASTRUCTURE = ['eventstore', 'rabbitmq', 'postgres'];

export function appServices(compose: ComposeFile): [string, ComposeService][] {
  return Object.entries(compose.services).filter(([name]) => !INFRASTRUCTURE.includes(name));
}
