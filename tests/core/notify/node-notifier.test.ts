/**
 * The node-notifier adapter's own decisions (what it passes to the OS tool, how it reads clicks),
 * with a stand-in for node-notifier's backend: the real one is proven over D-Bus in
 * desktop-notification.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  createNodeNotifier,
  escapeMarkup,
  type NotifierBackend,
} from '../../../main/core/notify/node-notifier';
import type { Toast } from '../../../main/core/notify/notifier';

type Call = {
  options: Record<string, unknown>;
  callback: Parameters<NotifierBackend['notify']>[1];
};

function backend(answer?: (call: Call) => void) {
  const calls: Call[] = [];
  const fake: NotifierBackend = {
    notify(options, callback) {
      const call = { options, callback };
      calls.push(call);
      answer?.(call);
      return undefined;
    },
  };
  return { fake, calls };
}

const toast: Toast = {
  id: 't1',
  title: '#123 Fix <login> & more',
  body: '-Project · mentioned by Jane Doe',
  url: 'https://op.example/work_packages/123',
};

describe('on Linux (notify-send)', () => {
  it('sends the text as text, resolves once notify-send is done', async () => {
    const { fake, calls } = backend((call) => call.callback(null, ''));
    const notifier = createNodeNotifier({
      openExternal: () => undefined,
      platform: 'linux',
      backend: fake,
    });
    await notifier.notify(toast);
    expect(notifier.reportsClicks).toBe(false);
    expect(calls[0]?.options).toMatchObject({
      title: '#123 Fix <login> & more',
      message: '\u2060-Project · mentioned by Jane Doe',
      'app-name': 'OpenProject Tray',
    });
    expect(escapeMarkup('a <b> & c')).toBe('a &lt;b&gt; &amp; c');
  });

  it('rejects with a sentence the user can act on', async () => {
    const { fake } = backend((call) => call.callback(new Error('spawn notify-send ENOENT')));
    const notifier = createNodeNotifier({
      openExternal: () => undefined,
      platform: 'linux',
      backend: fake,
    });
    await expect(notifier.notify(toast)).rejects.toThrow(
      /could not be shown \(spawn notify-send ENOENT\)\. Check that notifications are allowed/,
    );
  });
});

describe('where clicks are reported (macOS, Windows)', () => {
  for (const platform of ['darwin', 'win32'] as const) {
    it(`${platform}: a click opens the work package`, async () => {
      const { fake, calls } = backend();
      const opened: string[] = [];
      const clicked: string[] = [];
      const notifier = createNodeNotifier({
        openExternal: (url) => void opened.push(url),
        platform,
        backend: fake,
      });
      notifier.onClick((t) => clicked.push(t.id));
      await notifier.notify(toast); // resolves without waiting for the user
      expect(notifier.reportsClicks).toBe(true);
      expect(calls[0]?.options).toMatchObject({
        wait: true,
        title: toast.title,
        message: toast.body,
      });
      calls[0]?.callback(null, 'timeout');
      expect(opened).toEqual([]);
      calls[0]?.callback(null, 'activate');
      await Promise.resolve();
      expect(opened).toEqual(['https://op.example/work_packages/123']);
      expect(clicked).toEqual(['t1']);
    });
  }
});
