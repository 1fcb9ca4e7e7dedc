import IP2Region from 'ip2region';
import type { ReportRegion } from '@grove/contracts';

/** Answers for addresses the database knows but that are no place (LAN, loopback): no region rather than a fake one. */
const NOT_A_PLACE = new Set(['内网IP', '本机地址', '保留地址', '本地局域网']);

export interface RegionLookup {
  /** Province / city of a client IP from the offline database; null when unknown. Nothing is looked up over the network. */
  regionOf(ip: string): ReportRegion | null;
}

/**
 * The ip2region database shipped inside the `ip2region` npm package (IPv4 and IPv6, ~11 MB, loaded once on first use).
 * The IP is only read here: what leaves this function is the region.
 */
export function createRegionLookup(): RegionLookup {
  let database: IP2Region | undefined;
  return {
    regionOf(ip) {
      const address = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
      database ??= new IP2Region();
      let found: ReturnType<IP2Region['search']>;
      try {
        found = database.search(address);
      } catch {
        return null; // not an address the database can parse
      }
      if (!found) return null;
      const clean = (value: string | undefined) =>
        value && value !== '0' && !NOT_A_PLACE.has(value) ? value : '';
      const region = {
        country: clean(found.country),
        province: clean(found.province),
        city: clean(found.city),
      };
      return region.country || region.province || region.city ? region : null;
    },
  };
}
