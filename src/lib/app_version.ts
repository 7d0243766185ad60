// The app's version, from package.json (Vite and tsx both import JSON), written into every saved record.
import { version } from '../../package.json';

export const APP_VERSION: string = version;
