// The validator ships as ESM only, which jest's CommonJS runtime cannot load: tests run it in a child
// process. Reads an OpenAPI document on stdin, prints {valid, errors} as JSON.
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { Validator } from '@seriousme/openapi-schema-validator';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const result = await new Validator().validate(JSON.parse(Buffer.concat(chunks).toString('utf8')));
process.stdout.write(JSON.stringify({ valid: result.valid, errors: result.errors ?? [] }));
