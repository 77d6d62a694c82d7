// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OptionsForm } from '../../renderer/src/settings/OptionsForm';
import { recordAccelerator, type KeyPress } from '../../renderer/src/settings/accelerator';
import { FakeBridge } from './fake-bridge';
import { renderWithBridge } from './render';

describe('options: interval, reasons, hotkey, start at login', () => {
  it('saves the poll interval and the reasons at once', async () => {
    const { user, fake } = renderWithBridge(<OptionsForm />);
    const interval = await screen.findByLabelText('Check for new notifications every');
    expect((interval as HTMLSelectElement).value).toBe('300');
    expect(screen.getByRole('option', { name: '15 seconds' })).toBeTruthy();
    expect(screen.getByRole('option', { name: '30 minutes' })).toBeTruthy();
    await user.selectOptions(interval, '10 minutes');
    expect(fake.requests('updateSettings')).toEqual([{ pollIntervalSeconds: 600 }]);

    const watched = screen.getByRole('checkbox', { name: 'Watched' });
    expect((watched as HTMLInputElement).checked).toBe(false);
    await user.click(watched);
    await user.click(screen.getByRole('checkbox', { name: 'Mentioned' }));
    expect(fake.requests('updateSettings').slice(1)).toEqual([
      {
        notifyReasons: ['mentioned', 'assigned', 'responsible', 'dateAlert', 'reminder', 'watched'],
      },
      { notifyReasons: ['assigned', 'responsible', 'dateAlert', 'reminder', 'watched'] },
    ]);
    expect(screen.getAllByText('Saved.').length).toBeGreaterThan(0);
  });

  it("lists every reason in OpenProject's words", async () => {
    renderWithBridge(<OptionsForm />);
    const names = [
      'Mentioned',
      'Assigned',
      'Accountable',
      'Watched',
      'Commented',
      'Created',
      'Status changed',
      'Priority changed',
      'Dates changed',
      'Date alert',
      'Shared',
      'Reminder',
      'Subscribed',
    ];
    for (const name of names) expect(await screen.findByRole('checkbox', { name })).toBeTruthy();
  });

  it('records a hotkey by pressing it', async () => {
    const { user, fake } = renderWithBridge(<OptionsForm />);
    expect(await screen.findByText('Ctrl+Shift+Space')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Record shortcut' }));
    const recorder = screen.getByRole('button', { name: 'Press the keys… (Esc to cancel)' });
    expect(recorder.getAttribute('aria-pressed')).toBe('true');
    await user.keyboard('{Control>}{Alt>}k{/Alt}{/Control}');
    expect(fake.requests('updateSettings')).toEqual([{ hotkey: 'CommandOrControl+Alt+K' }]);
    expect(await screen.findByText('Ctrl+Alt+K')).toBeTruthy();
  });

  it('says clearly when the combination is taken, and keeps the old one', async () => {
    const fake = new FakeBridge({ takenHotkeys: ['CommandOrControl+Shift+K'] });
    const { user } = renderWithBridge(<OptionsForm />, { fake });
    await user.click(await screen.findByRole('button', { name: 'Record shortcut' }));
    await user.keyboard('{Control>}{Shift>}k{/Shift}{/Control}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Ctrl+Shift+K is already used by another application. Try a different combination.',
    );
    expect(screen.getByText('Ctrl+Shift+Space')).toBeTruthy();
  });

  it('needs a modifier, cancels on Esc, and can remove the hotkey', async () => {
    const { user, fake } = renderWithBridge(<OptionsForm />);
    await user.click(await screen.findByRole('button', { name: 'Record shortcut' }));
    await user.keyboard('k');
    expect(screen.getByText('Add Ctrl, Alt or Cmd to the key.')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.getByText('Recording cancelled.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Record shortcut' })).toBeTruthy();
    expect(fake.requests('updateSettings')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Remove shortcut' }));
    expect(fake.requests('updateSettings')).toEqual([{ hotkey: null }]);
    expect(await screen.findByText('No shortcut')).toBeTruthy();
  });

  it('toggles start at login, or explains why it cannot', async () => {
    const { user, fake, unmount } = renderWithBridge(<OptionsForm />);
    await user.click(
      await screen.findByRole('checkbox', { name: 'Start OpenProject Tray when I log in' }),
    );
    expect(fake.requests('updateSettings')).toEqual([{ startAtLogin: true }]);
    unmount(); // one settings window at a time, as in the app

    const unsupported = new FakeBridge();
    unsupported.state.settings = { ...unsupported.state.settings, startAtLoginSupported: false };
    renderWithBridge(<OptionsForm />, { fake: unsupported });
    await waitFor(() =>
      expect(
        screen.getByRole<HTMLInputElement>('checkbox', {
          name: 'Start OpenProject Tray when I log in',
        }).disabled,
      ).toBe(true),
    );
    expect(screen.getByText(/Your system does not let the app do this/)).toBeTruthy();
  });
});

describe('accelerators from key presses', () => {
  const press = (code: string, mods: Partial<KeyPress> = {}, key = ''): KeyPress => ({
    code,
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });

  it('uses CommandOrControl for Ctrl on Windows/Linux and Cmd on macOS', () => {
    expect(recordAccelerator(press('KeyK', { ctrlKey: true, shiftKey: true }), false)).toEqual({
      kind: 'accelerator',
      accelerator: 'CommandOrControl+Shift+K',
    });
    expect(recordAccelerator(press('Space', { metaKey: true, altKey: true }), true)).toEqual({
      kind: 'accelerator',
      accelerator: 'CommandOrControl+Alt+Space',
    });
    expect(recordAccelerator(press('KeyP', { metaKey: true }), false)).toEqual({
      kind: 'accelerator',
      accelerator: 'Super+P',
    });
    expect(recordAccelerator(press('F9'), false)).toEqual({
      kind: 'accelerator',
      accelerator: 'F9',
    });
  });

  it('waits for a real key, refuses shift-only and unknown keys, cancels on Esc', () => {
    expect(recordAccelerator(press('ControlLeft', { ctrlKey: true }), false).kind).toBe(
      'incomplete',
    );
    expect(recordAccelerator(press('KeyA', { shiftKey: true }), false).kind).toBe('incomplete');
    expect(recordAccelerator(press('IntlRo', { ctrlKey: true }), false).kind).toBe('unsupported');
    expect(recordAccelerator(press('Escape', {}, 'Escape'), false).kind).toBe('cancel');
  });
});
