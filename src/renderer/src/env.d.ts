/// <reference types="vite/client" />
import type { KlantbeeldClient } from '../../shared/contract/client';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in the browser host. */
    klantbeeld?: KlantbeeldClient;
  }
}

export {};
