/// <reference lib="dom" />
/** Calls to the studio's server, each with the token the page was given. */
import type { FormEdit } from './form.js';

const token = document.querySelector<HTMLMetaElement>('meta[name="briefdeck-token"]')?.content ?? '';

// The answers' shapes, as the server writes them (type-only: no server code reaches the page).
import type { BriefEntry, PreviewAnswer } from '../api.js';
export type { Problem } from '../../errors.js';
export type { FitEntry } from '../../layout/plan.js';
export type { BriefEntry, PreviewAnswer };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: { 'x-briefdeck-token': token, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const data = (await res.json()) as T & { error?: string; message?: string };
  if (!res.ok) throw new ApiError(res.status, data.error ?? 'error', data.message ?? res.statusText);
  return data;
}

export const api = {
  briefs: () => call<{ folder: string; briefs: BriefEntry[]; themes: string[]; pdf: boolean }>('GET', '/api/briefs'),
  brief: (name: string) =>
    call<{ text: string; version: string }>('GET', `/api/brief?name=${encodeURIComponent(name)}`),
  preview: (req: { name?: string; text: string; theme?: string; lang?: string; art?: string[] }) =>
    call<PreviewAnswer>('POST', '/api/preview', req),
  save: (name: string, text: string, version: string | null) =>
    call<{ version: string }>('POST', '/api/save', { name, text, version }),
  edit: (text: string, edits: FormEdit[]) => call<{ text: string }>('POST', '/api/edit', { text, edits }),
  report: (name: string, base64: string) =>
    call<{ text: string; notes: string[] }>('POST', '/api/report', { name, base64 }),
  draft: (text: string, date?: string) =>
    call<{ text: string; notes: string[] }>('POST', '/api/draft', { text, ...(date ? { date } : {}) }),
  /** The saved brief's deck, as .pptx or (when LibreOffice is there) as PDF. */
  async deck(name: string, kind: 'pptx' | 'pdf' = 'pptx'): Promise<Blob> {
    const res = await fetch(`/api/${kind === 'pdf' ? 'pdf' : 'deck'}?name=${encodeURIComponent(name)}`, {
      headers: { 'x-briefdeck-token': token },
    });
    if (!res.ok) {
      const data = (await res.json()) as { error?: string; message?: string };
      throw new ApiError(res.status, data.error ?? 'error', data.message ?? res.statusText);
    }
    return res.blob();
  },
};
