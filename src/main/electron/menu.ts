/**
 * A small Dutch application menu. It replaces Electron's default menu, whose Help items open
 * external websites; the keyboard shortcuts a clerk relies on (copy/paste, zoom) stay.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function appMenuTemplate(isPackaged: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: 'Werkelijke grootte' },
    { role: 'zoomIn', label: 'Inzoomen' },
    { role: 'zoomOut', label: 'Uitzoomen' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Volledig scherm' },
  ];
  if (!isPackaged) {
    view.push({ type: 'separator' }, { role: 'reload', label: 'Opnieuw laden' }, { role: 'toggleDevTools', label: 'Ontwikkelhulpmiddelen' });
  }
  return [
    { label: 'Klantbeeld', submenu: [{ role: 'quit', label: 'Klantbeeld afsluiten' }] },
    {
      label: 'Bewerken',
      submenu: [
        { role: 'undo', label: 'Ongedaan maken' },
        { role: 'redo', label: 'Opnieuw' },
        { type: 'separator' },
        { role: 'cut', label: 'Knippen' },
        { role: 'copy', label: 'Kopiëren' },
        { role: 'paste', label: 'Plakken' },
        { role: 'selectAll', label: 'Alles selecteren' },
      ],
    },
    { label: 'Beeld', submenu: view },
  ];
}

export function installAppMenu(isPackaged: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(isPackaged)));
}
