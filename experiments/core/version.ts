/** The app's version, from package.json, for bundles and recorded runs. */
import pkg from '../../package.json';

export const APP_NAME = 'identifiability-sandbox';
export const APP_VERSION: string = pkg.version;
