import { defineConfig } from 'vite';

// Relative asset paths: the built page works from any folder.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
