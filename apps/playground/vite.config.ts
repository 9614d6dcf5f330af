import { defineConfig, type Plugin } from 'vite';

/**
 * Chromium refuses module scripts and `crossorigin` fetches from file:// (the page's origin is
 * "null"), so a page opened straight from disk stayed blank. The bundle is one classic script
 * instead, run after the document is parsed (`defer`, as a module script would be).
 */
const classicScript = (): Plugin => ({
  name: 'classic-script',
  enforce: 'post',
  transformIndexHtml: (html) =>
    html.replace(/<script type="module" crossorigin src=/g, '<script defer src=').replace(/ crossorigin(?=[ >])/g, ''),
});

// Relative asset paths: the built page works from any folder, served or opened as a file.
export default defineConfig({
  base: './',
  plugins: [classicScript()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    rolldownOptions: { output: { format: 'iife' } },
  },
});
