// zod issues as `path.to[3].field: message` lines.
import type { z } from 'zod';

export function formatPath(path: PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function formatZodIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = formatPath(issue.path as PropertyKey[]);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}
