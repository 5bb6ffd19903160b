// Vite's `?raw` imports: a file's text as a string (our Markdown documents shown in the extension's pages).
declare module '*.md?raw' {
  const text: string;
  export default text;
}
