import { analyze, highlightFragment, normalizeText } from './chinese.analyzer';

const index = (text: string, pinyinInitials = false) => analyze(text, { mode: 'index', pinyinInitials });
const query = (text: string) => analyze(text, { mode: 'query' });

/** Every query term is among the indexed terms: what the engine needs to find the text at all. */
function found(textIndexed: string, q: string): boolean {
  const terms = new Set(index(textIndexed));
  const wanted = query(q);
  return wanted.length > 0 && wanted.every((t) => terms.has(t));
}

describe('chinese analyzer', () => {
  it('finds the domain terms the segmenter breaks apart (小程序, 微信, 灰度)', () => {
    expect(found('微信小程序灰度发布指南', '小程序')).toBe(true);
    expect(found('微信小程序灰度发布指南', '微信')).toBe(true);
    expect(found('微信小程序灰度发布指南', '灰度')).toBe(true);
    expect(found('微信小程序灰度发布指南', '灰度发布')).toBe(true);
  });

  it('emits the same bigrams whichever way the segmenter splits the context', () => {
    // 公积金 is split 公|积|金 after 北京市 but may be one word elsewhere: the bigrams 公积, 积金 are always there.
    expect(query('公积金')).toEqual(expect.arrayContaining(['公积', '积金']));
    expect(found('北京市公积金查询', '公积金')).toBe(true);
    expect(found('住房公积金', '公积金查询')).toBe(false);
  });

  it('finds out-of-vocabulary names by their bigrams', () => {
    expect(found('滴滴出行打车', '滴滴打车')).toBe(false);
    expect(found('叮咚买菜生鲜到家', '叮咚买菜')).toBe(true);
    expect(found('瑞幸咖啡自助点单', '瑞幸')).toBe(true);
  });

  it('matches a one-character query against any character', () => {
    expect(query('车')).toEqual(['车']);
    expect(found('滴滴出行打车', '车')).toBe(true);
  });

  it('lower-cases Latin words and folds full-width forms', () => {
    expect(normalizeText('ＡＰＰ１２３')).toBe('app123');
    expect(query('ETC办理')).toEqual(['etc', '办理']);
    expect(found('高速ＥＴＣ在线办理', 'etc')).toBe(true);
    expect(found('12306铁路购票', '１２３０６')).toBe(true);
    expect(query('Hello, World!')).toEqual(['hello', 'world']);
  });

  it('adds pinyin initials on request (招商银行 → zsyh)', () => {
    expect(index('招商银行', true)).toContain('zsyh');
    expect(index('重庆银行', true)).toContain('cqyh');
    expect(index('招商银行')).not.toContain('zsyh');
  });

  it('ignores punctuation and yields nothing for an empty query', () => {
    expect(query('  ，。！ ')).toEqual([]);
  });
});

describe('highlightFragment', () => {
  it('wraps what matched in the original text, escaping the rest', () => {
    expect(highlightFragment('微信小程序<灰度>发布', query('小程序'))).toBe(
      '微信<em>小程序</em>&lt;灰度&gt;发布',
    );
    expect(highlightFragment('高速ＥＴＣ在线办理', query('etc'))).toBe('高速<em>ＥＴＣ</em>在线办理');
    expect(highlightFragment('happy app', query('app'))).toBe('happy <em>app</em>');
    expect(highlightFragment('没有匹配', query('银行'))).toBeNull();
  });

  it('cuts a long text around the first match', () => {
    const text = '一'.repeat(100) + '公积金' + '二'.repeat(100);
    const fragment = highlightFragment(text, query('公积金'), 30)!;
    expect(fragment).toContain('<em>公积金</em>');
    expect(fragment.startsWith('…')).toBe(true);
    expect(fragment.endsWith('…')).toBe(true);
  });
});
