import { describe, expect, it } from 'vitest';
import {
  domainListProblems,
  serverDomainProblems,
  splitDomainEntries,
  verificationFileHref,
} from './domain-lists';

describe('service domain lists as typed', () => {
  it('splits on lines, commas (also full-width) and spaces', () => {
    expect(
      splitDomainEntries(
        ' https://a.example.com\nhttps://b.example.com, https://c.example.com，https://d.example.com  ',
      ),
    ).toEqual([
      'https://a.example.com',
      'https://b.example.com',
      'https://c.example.com',
      'https://d.example.com',
    ]);
  });

  it('wants the scheme of the list: wss for sockets, https for the rest', () => {
    expect(domainListProblems('SOCKET', ['wss://ws.example.com'])).toEqual([]);
    expect(domainListProblems('SOCKET', ['https://ws.example.com'])).toEqual([
      { key: 'inst.domains.problemScheme', values: { entry: 'https://ws.example.com', scheme: 'wss' } },
    ]);
    expect(domainListProblems('REQUEST', ['api.example.com'])[0]?.key).toBe('inst.domains.problemScheme');
  });

  it('refuses paths and duplicates (after lower-casing and the default port)', () => {
    expect(domainListProblems('REQUEST', ['https://api.example.com/v1'])[0]?.key).toBe(
      'inst.domains.problemPath',
    );
    expect(domainListProblems('REQUEST', ['https://api.example.com/'])).toEqual([]);
    expect(
      domainListProblems('REQUEST', [
        'https://API.example.com',
        'https://api.example.com:443',
        'https://api.example.com:8443',
      ]),
    ).toEqual([{ key: 'inst.domains.problemDuplicate', values: { entry: 'https://api.example.com:443' } }]);
  });

  it('caps a list at 200', () => {
    const many = Array.from({ length: 201 }, (_, i) => `https://h${i}.example.com`);
    expect(domainListProblems('UPLOAD', many)).toEqual([
      { key: 'inst.domains.problemTooMany', values: { max: 200 } },
    ]);
  });

  it("reads the server's per-entry problems", () => {
    expect(
      serverDomainProblems({
        problems: [
          { index: 0, entry: 'https://10.0.0.1', message: 'must not be an IP' },
          { message: 'too many' },
        ],
      }),
    ).toEqual(['https://10.0.0.1: must not be an IP', 'too many']);
    expect(serverDomainProblems(undefined)).toEqual([]);
  });

  it('offers the verification file as a download with its exact content', () => {
    const href = verificationFileHref('grove-verify=abc 123');
    expect(decodeURIComponent(href.split(',')[1]!)).toBe('grove-verify=abc 123');
  });
});
