/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Set to `off` when building for a production install, where the demo accounts do not exist. */
  readonly VITE_DEMO_HINT?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
