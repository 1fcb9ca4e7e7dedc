import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import * as antd from 'antd';
import type { ThemeConfig } from 'antd';
import { createElement, Fragment, type ComponentType, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { Plugin } from 'vite';

/**
 * Ant Design's styles computed at build time instead of in the browser (issue 11 §6).
 *
 * antd 5 writes its CSS at run time: the first time a component renders, it derives the component's tokens, builds a
 * style object, serializes it and injects a <style> tag — on the console's mini-program list that was most of the
 * page's own main-thread work. Ant Design's documented way out ("SSR static style export", @ant-design/cssinjs) is to
 * render the components once in Node inside a StyleProvider cache, `extractStyle(cache, { plain: true })` the CSS and
 * serve it as a file. That CSS ends with a `.data-ant-cssinjs-cache-path{content:"…"}` rule naming every style it
 * holds: in the browser, cssinjs reads that rule once, and a component whose style is listed registers nothing (no
 * token merge for its style, no serialization, no <style> tag). Anything not in the file (a component the console
 * does not use yet, a theme not extracted) is still generated at run time as before, so nothing breaks when the list
 * below falls behind; bench:console counts the styles generated at run time on the list.
 *
 * One file per theme the console uses: `consoleTheme(false)` and `consoleTheme(true)` (reduced motion) differ in their
 * tokens, so in their class hashes. Each is linked with the media query that selects its theme in app.tsx: the browser
 * blocks on the one that matches and fetches the other at low priority, and the cache-path rule read is the matching
 * one. Module scripts run only once the stylesheets the parser met have loaded, so the rule is there when the app's
 * first render reads it.
 */

/** The antd components the console imports (scanned from its sources, so a new one is covered when first used). */
export function antdComponentsUsed(srcDir: string): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !/\.(spec|test)\.tsx?$/.test(entry.name))
        for (const match of readFileSync(path, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'antd'/g))
          for (const part of match[1]!.split(',')) {
            const name = part.trim().split(/\s+as\s+/)[0]!;
            if (/^[A-Z]/.test(name)) names.add(name);
          }
    }
  };
  walk(srcDir);
  return [...names].sort();
}

/**
 * Components other components draw (a table's pager, a select's dropdown, a form's messages…) and the ones that only
 * draw in a portal: they render here through antd's static panels, as @ant-design/static-style-extract does.
 */
const ALSO_DRAWN = [
  'Pagination',
  'Dropdown',
  'Tooltip',
  'Popover',
  'Empty',
  'Spin',
  'Checkbox',
  'Radio',
  'Select',
];

/** What draws in a portal once open (Modal, Drawer…): rendered open, around a child where it wraps one. */
const POPUPS = ['Modal', 'Drawer', 'Tooltip', 'Popover', 'Popconfirm', 'Dropdown'];

// Any antd export, rendered with whatever props its sample gives (the samples are checked by rendering them).
type AnyComponent = ComponentType<Record<string, unknown>> & {
  _InternalPanelDoNotUseOrYouWillBeFired?: ComponentType<Record<string, unknown>>;
};

/** One element that makes `name` register its styles (null for what has none: ConfigProvider, hooks). */
function sample(name: string): ReactElement | null {
  const a = antd as unknown as Record<string, AnyComponent>;
  const div = createElement('div');
  switch (name) {
    case 'ConfigProvider':
      return null;
    case 'App':
      return createElement(antd.App, null, div);
    case 'Menu':
      return createElement(antd.Menu, { items: [{ key: 'a', label: 'a' }], selectedKeys: ['a'] });
    case 'Tabs':
      return createElement(antd.Tabs, { items: [{ key: 'a', label: 'a', children: div }] });
    case 'Table':
      return createElement(antd.Table, {
        columns: [{ title: 'a', dataIndex: 'a' }],
        dataSource: [{ key: 1, a: 1 }],
        pagination: { total: 100, showSizeChanger: true },
      });
    case 'Dropdown':
      return createElement(antd.Dropdown, { menu: { items: [] } }, div);
    case 'Layout':
      return createElement(
        antd.Layout,
        null,
        createElement(antd.Layout.Sider, null),
        createElement(
          antd.Layout,
          null,
          createElement(antd.Layout.Header),
          createElement(antd.Layout.Content),
        ),
      );
    case 'Input':
      return createElement(
        Fragment,
        null,
        createElement(antd.Input),
        createElement(antd.Input.Search),
        createElement(antd.Input.TextArea),
        createElement(antd.Input.Password),
      );
    case 'Upload':
      return createElement(Fragment, null, createElement(antd.Upload), createElement(antd.Upload.Dragger));
    case 'Form':
      return createElement(antd.Form, null, createElement(antd.Form.Item, { label: 'a', help: 'a' }, div));
    case 'Typography':
      return createElement(antd.Typography, null, createElement(antd.Typography.Text, { code: true }));
    case 'Image':
      return createElement(antd.Image, { src: 'data:,' });
    default: {
      const component = a[name];
      if (!component) return null;
      // Portals (Modal, Drawer, Tooltip…) draw nothing on the server, but register their styles when they render
      // open; their static panels register what the popup draws (under the panel's own tokens where they differ).
      const panel = component._InternalPanelDoNotUseOrYouWillBeFired;
      if (!panel) return createElement(component, null);
      return createElement(
        Fragment,
        null,
        POPUPS.includes(name)
          ? createElement(component, { open: true, title: 'a', menu: { items: [] } }, div)
          : createElement(component, null),
        createElement(panel, null),
      );
    }
  }
}

/** The console's antd styles under `theme`, as plain CSS ending with the cache-path rule. */
export function extractAntdStyles(theme: ThemeConfig, components: string[]): string {
  const cache = createCache();
  const nodes = [...new Set([...components, ...ALSO_DRAWN])]
    .map((name) => [name, sample(name)] as const)
    .filter((entry): entry is readonly [string, ReactElement] => entry[1] !== null)
    .map(([name, node]) => createElement(Fragment, { key: name }, node));
  renderToString(
    createElement(
      StyleProvider,
      { cache },
      createElement(
        antd.ConfigProvider,
        { theme },
        // antd's message and notification draw through the App's holders at run time; their panels register them.
        createElement(antd.App, null, ...nodes),
      ),
    ),
  );
  return extractStyle(cache, { plain: true });
}

export interface AntdStaticStylesOptions {
  srcDir: string;
  /** Each theme the app picks, with the media query under which it picks it. */
  themes: Array<{ name: string; media: string; theme: ThemeConfig }>;
}

/** The Vite plugin (build only; the dev server keeps antd's run-time styles): emits the CSS files and links them. */
export function antdStaticStyles(options: AntdStaticStylesOptions): Plugin {
  let base = '/';
  return {
    name: 'grove:antd-static-styles',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    buildStart() {
      // cssinjs names its class hashes `css-…` in production and `css-dev-only-do-not-override-…` otherwise, decided
      // when it loads: the CSS made here must carry the names the production bundle uses (Vite sets NODE_ENV first).
      // eslint-disable-next-line no-process-env -- build tooling, not a deployable's configuration
      if (process.env.NODE_ENV !== 'production')
        throw new Error(
          'antd static styles: build with NODE_ENV=production (the class hashes would not match)',
        );
      const components = antdComponentsUsed(options.srcDir);
      for (const { name, theme } of options.themes)
        this.emitFile({ type: 'asset', name: `${name}.css`, source: extractAntdStyles(theme, components) });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        return options.themes.map(({ name, media }) => {
          const fileName = Object.values(context.bundle ?? {}).find(
            (file) => file.type === 'asset' && (file.names ?? []).includes(`${name}.css`),
          )?.fileName;
          if (!fileName) throw new Error(`antd static styles: ${name}.css was not emitted`);
          return {
            tag: 'link',
            attrs: { rel: 'stylesheet', href: `${base}${fileName}`, media },
            // At the end of <head>: every stylesheet the parser met holds the module script back until it loads.
            injectTo: 'head',
          };
        });
      },
    },
  };
}
