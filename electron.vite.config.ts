import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';
import pkg from './package.json' with { type: 'json' };

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      rollupOptions: {
        input: {
          // Electron main process: window, lifecycle, IPC binding.
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          // The core, run off the Electron main thread in a utilityProcess.
          'core-process': resolve(import.meta.dirname, 'src/main/core-process.ts'),
          // The browser host: the same core behind HTTP, for browsers, tests and machines without Electron.
          host: resolve(import.meta.dirname, 'src/main/host/cli.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload can only require('electron'): bundle everything into one CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    resolve: { alias },
    plugins: [vue()],
    build: {
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
  },
});
