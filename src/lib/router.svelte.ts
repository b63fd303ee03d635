import { parseHash, type Route } from './url';

/** The current hash route; one listener for the app's lifetime. */
export class Router {
  route = $state<Route>(parseHash(location.hash));
  private readonly onHash = () => (this.route = parseHash(location.hash));
  constructor() {
    addEventListener('hashchange', this.onHash);
  }
  dispose(): void {
    removeEventListener('hashchange', this.onHash);
  }
}
