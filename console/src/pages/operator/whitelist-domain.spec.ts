import { describe, expect, it } from 'vitest';
import { normalizeWhitelistDomain, whitelistDomainProblem } from './whitelist-domain';

describe('whitelist domain checks', () => {
  it('accepts bare hosts and https:// with a trailing slash, as the server normalises them', () => {
    expect(whitelistDomainProblem('shop.example.com')).toBeNull();
    expect(whitelistDomainProblem('  https://Shop.Example.com/ ')).toBeNull();
    expect(normalizeWhitelistDomain('  https://Shop.Example.com/ ')).toBe('shop.example.com');
    expect(whitelistDomainProblem('xn--fiqs8s.cn')).toBeNull();
  });

  it('refuses other schemes, paths, ports, IP addresses and names without a dot', () => {
    expect(whitelistDomainProblem('http://shop.example.com')).toBe('opPlatform.whitelist.problemScheme');
    expect(whitelistDomainProblem('wss://shop.example.com')).toBe('opPlatform.whitelist.problemScheme');
    expect(whitelistDomainProblem('shop.example.com/path')).toBe('opPlatform.whitelist.problemPath');
    expect(whitelistDomainProblem('shop.example.com:8443')).toBe('opPlatform.whitelist.problemPath');
    expect(whitelistDomainProblem('user@shop.example.com')).toBe('opPlatform.whitelist.problemPath');
    expect(whitelistDomainProblem('10.0.0.1')).toBe('opPlatform.whitelist.problemIp');
    expect(whitelistDomainProblem('localhost')).toBe('opPlatform.whitelist.problemName');
    expect(whitelistDomainProblem('-bad.example.com')).toBe('opPlatform.whitelist.problemName');
    expect(whitelistDomainProblem('shop_1.example.com')).toBe('opPlatform.whitelist.problemName');
    expect(whitelistDomainProblem('')).toBe('opPlatform.whitelist.problemName');
  });
});
