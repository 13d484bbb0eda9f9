import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, fakeEvent, resetFakeElectron } from './fake-electron';
import { createMainWindow, mainWindowOptions, WINDOW_TITLE } from '../../../src/main/electron/window';
import { appMenuTemplate } from '../../../src/main/electron/menu';

vi.mock('electron', () => import('./fake-electron'));

const base = { preload: '/app/out/preload/index.cjs', rendererIndex: '/app/out/renderer/index.html', log: vi.fn() };

beforeEach(() => resetFakeElectron());

describe('the main window', () => {
  const prefs = mainWindowOptions('/app/out/preload/index.cjs', true).webPreferences!;

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['spellcheck', false],
  ] as const)('sets webPreferences.%s to %s', (flag, value) => {
    expect(prefs[flag]).toBe(value);
  });

  it('loads the bundled CommonJS preload', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('has devTools only when not packaged', () => {
    expect(mainWindowOptions('p', true).webPreferences!.devTools).toBe(false);
    expect(mainWindowOptions('p', false).webPreferences!.devTools).toBe(true);
  });

  it('is titled Klantbeeld, 1440×900 with a 1024×700 minimum, hidden until painted', () => {
    const options = mainWindowOptions('p', true);
    expect(options).toMatchObject({ title: 'Klantbeeld', width: 1440, height: 900, minWidth: 1024, minHeight: 700, show: false });
  });

  it('shows itself on ready-to-show and keeps its title whatever the page sets', () => {
    const window = createMainWindow({ ...base, isPackaged: true, devServerUrl: null }) as unknown as BrowserWindow;
    expect(window.options.title).toBe(WINDOW_TITLE);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
    const titleChange = fakeEvent();
    window.emit('page-title-updated', titleChange, 'Jan Jansen - Klantbeeld');
    expect(titleChange.defaultPrevented).toBe(true);
  });

  it('loads the built page, or the dev server in development', () => {
    const built = createMainWindow({ ...base, isPackaged: true, devServerUrl: null }) as unknown as BrowserWindow;
    expect(built.loadFile).toHaveBeenCalledWith('/app/out/renderer/index.html');
    expect(built.loadURL).not.toHaveBeenCalled();
    const dev = createMainWindow({ ...base, isPackaged: false, devServerUrl: 'http://localhost:5173/' }) as unknown as BrowserWindow;
    expect(dev.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });
});

describe('the application menu', () => {
  const labels = (template: ReturnType<typeof appMenuTemplate>) => JSON.stringify(template);

  it('has no items that open websites (no click handlers at all) and keeps copy/paste and zoom', () => {
    const template = appMenuTemplate(true);
    const items = template.flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : []));
    expect(items.every((item) => item.click === undefined)).toBe(true);
    expect(items.map((item) => item.role)).toEqual(expect.arrayContaining(['copy', 'paste', 'zoomIn', 'zoomOut', 'quit']));
  });

  it('offers reload and developer tools only unpackaged', () => {
    expect(labels(appMenuTemplate(true))).not.toMatch(/toggleDevTools|"reload"/);
    expect(labels(appMenuTemplate(false))).toMatch(/toggleDevTools/);
  });
});
