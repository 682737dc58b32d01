/** Why a feed, sitemap, listing or robots.txt could not be read. `reason` is a short metric label. */
export class DiscoveryError extends Error {
  readonly reason: string;

  constructor(reason: string, message: string) {
    super(message);
    this.name = 'DiscoveryError';
    this.reason = reason;
  }
}
