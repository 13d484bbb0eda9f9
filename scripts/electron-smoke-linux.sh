#!/bin/sh
# The Electron smoke test on Linux without a desktop (docs/release.md): a private D-Bus session
# with an unlocked gnome-keyring (Klantbeeld refuses to start without a real keyring for its
# secrets and cache key) and a virtual screen (Xvfb). Pass KLANTBEELD_ELECTRON_APP to test a
# packaged app instead of the unpacked build.
# Needs: xvfb gnome-keyring dbus-x11 (apt-get install xvfb gnome-keyring dbus-x11).
set -eu
exec dbus-run-session -- sh -c '
  printf "" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  KLANTBEELD_ELECTRON_REQUIRED=1 xvfb-run -a --server-args="-screen 0 1440x900x24" npm run test:electron
'
