import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVerificationFetch, isPrivateAddress } from './verification-fetch';

describe('verification fetch', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((req, res) => res.end(`host=${req.headers.host}`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('classifies private, loopback, link-local and mapped addresses as not public', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      'nonsense',
    ]) {
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])
      expect([address, isPrivateAddress(address)]).toEqual([address, false]);
  });

  it('refuses special-purpose blocks and IPv6 forms that reach IPv4 hosts', () => {
    const refused = [
      '198.18.0.1', // benchmarking 198.18.0.0/15
      '198.19.255.254',
      '192.0.0.8', // IETF protocol assignments 192.0.0.0/24
      '192.0.2.1', // documentation
      '240.0.0.1', // reserved
      '255.255.255.255',
      '224.0.0.1',
      '64:ff9b::a00:1', // NAT64 of 10.0.0.1
      '64:ff9b::808:808', // NAT64 of 8.8.8.8: still a translator, refused
      '64:ff9b:1::a00:1', // local-use NAT64 64:ff9b:1::/48
      '2002:7f00:1::', // 6to4 of 127.0.0.1
      '2001::1', // Teredo
      '::127.0.0.1', // IPv4-compatible loopback
      '::ffff:10.0.0.1',
      '::ffff:0:7f00:1', // SIIT (RFC 6145)
      '2001:db8::1',
      'ff02::1',
      '::',
    ];
    for (const address of refused) expect([address, isPrivateAddress(address)]).toEqual([address, true]);
  });

  it('refuses to connect to a name that resolves to a loopback address', async () => {
    const verification = createVerificationFetch();
    try {
      const error = await verification.fetch(`http://localhost:${port}/x.txt`).then(
        () => null,
        (e: { cause?: { code?: string } }) => e,
      );
      expect(error?.cause?.code).toBe('ADDRESS_NOT_ALLOWED');
    } finally {
      await verification.close();
    }
  });

  it('connects every name to the configured address, keeping the name in the Host header', async () => {
    const verification = createVerificationFetch({ resolveTo: '127.0.0.1' });
    try {
      const response = await verification.fetch(`http://shop.example.com:${port}/x.txt`);
      expect(await response.text()).toBe(`host=shop.example.com:${port}`);
    } finally {
      await verification.close();
    }
  });
});
