import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { InstSecretOnce } from './inst-secret-once';
import { InstCursorPager } from './inst-cursor-pager';

const i18n = i18next.createInstance();
void i18n
  .use(initReactI18next)
  .init({ lng: 'en', resources: { en: { translation: en } }, initImmediate: false });
const render = (node: JSX.Element) =>
  renderToStaticMarkup(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);

describe('the secret shown once', () => {
  it('shows the warning, every value, and a copy button for each', () => {
    const html = render(
      <InstSecretOnce
        warning="shown only now"
        entries={[
          { label: 'SDK key', value: 'key-1' },
          { label: 'SDK secret', value: 's3cr3t', secret: true },
        ]}
      />,
    );
    expect(html).toContain('shown only now');
    expect(html).toContain('key-1');
    expect(html).toContain('s3cr3t');
    expect(html.match(/ant-typography-copy/g)).toHaveLength(2);
    expect(html).toContain('data-secret="true"');
  });
});

describe('the cursor pager', () => {
  it('is absent when everything fits on one page', () => {
    expect(render(<InstCursorPager page={1} hasNext={false} onPrevious={() => {}} onNext={() => {}} />)).toBe(
      '',
    );
  });

  it('disables "previous" on the first page and "next" on the last', () => {
    const first = render(<InstCursorPager page={1} hasNext onPrevious={() => {}} onNext={() => {}} />);
    expect(first).toMatch(/<button[^>]*disabled[^>]*><span>Previous page/);
    expect(first).toContain('Page 1');
    const last = render(<InstCursorPager page={3} hasNext={false} onPrevious={() => {}} onNext={() => {}} />);
    expect(last).toMatch(/<button[^>]*disabled[^>]*><span>Next page/);
  });
});
