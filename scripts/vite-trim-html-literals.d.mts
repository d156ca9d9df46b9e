import type { Plugin } from 'vite';
export function trimHtml(text: string): string;
export function trimHtmlLiterals(code: string, fileName?: string): string;
export function trimHtmlLiteralsPlugin(): Plugin;
