// The part of saxen's API the xlsx reader uses (saxen ships no type declarations).
declare module 'saxen' {
  type Decode = (text: string) => string;
  interface Hooks {
    openTag: (name: string, attrs: () => Record<string, string> | false, decode: Decode, selfClosing: boolean) => void;
    closeTag: (name: string, decode: Decode, selfClosing: boolean) => void;
    text: (raw: string, decode: Decode) => void;
    cdata: (text: string) => void;
    error: (error: Error) => void;
    warn: (warning: Error) => void;
  }
  export class Parser {
    constructor(options?: { proxy?: boolean });
    on<K extends keyof Hooks>(event: K, hook: Hooks[K]): this;
    parse(xml: string): Error | undefined;
  }
}
