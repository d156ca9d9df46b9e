import type { Plugin } from 'vite';
export function trimCss(text: string): string;
export function trimCssLiterals(): Plugin;
