import { renderCsv } from './table-csv';

describe('the one CSV renderer', () => {
  it('writes a header and CRLF rows, quotes what needs quoting, empties nulls and defuses formulas', () => {
    const rows = [
      { path: 'pages/a,b', n: 1, rate: 0.5, note: 'say "hi"', ok: true },
      { path: '=HYPERLINK("http://x")', n: -2, rate: null, note: '@SUM(A1)', ok: false },
      { path: '+1', n: 0, rate: undefined, note: 'line\nbreak', ok: true },
    ];
    const csv = renderCsv(
      [
        { header: 'page_path', value: (r: (typeof rows)[number]) => r.path },
        { header: 'views', value: (r) => r.n },
        { header: 'rate', value: (r) => r.rate },
        { header: 'note', value: (r) => r.note },
        { header: 'ok', value: (r) => r.ok },
      ],
      rows,
    );
    expect(csv).toBe(
      [
        'page_path,views,rate,note,ok',
        '"pages/a,b",1,0.5,"say ""hi""",true',
        `"'=HYPERLINK(""http://x"")",'-2,,'@SUM(A1),false`,
        `'+1,0,,"line\nbreak",true`,
        '',
      ].join('\r\n'),
    );
    expect(renderCsv([{ header: 'a', value: (r: { a: string }) => r.a }], [], false)).toBe('');
  });
});
