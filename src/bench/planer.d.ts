declare module 'planer' {
  export function extractFrom(body: string, contentType: string, dom?: unknown): string;
  export function extractFromPlain(body: string): string;
}
