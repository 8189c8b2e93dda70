#!/usr/bin/env bash
# Verifies the Shiori systemd units with `systemd-analyze verify`, which exits 0 even when it
# prints warnings: any output on stderr fails this script.
#
# The units name /usr/bin/shiori-{kiosk,gate,kiosk-browser,central} and /usr/lib/shiori/shiori-alert, which exist only
# where the package is installed. Each unit is therefore copied into a temporary tree with its paths
# rewritten to that tree, where the commands are links to this repository's packaging/deb scripts;
# systemd-analyze then checks that the commands really exist and are executable, and finds the
# OnFailure= alert unit beside them. The alert template is checked as the instance the services
# name. First a deliberately broken unit is verified to make
# sure this systemd-analyze reports problems on stderr at all.
# Usage: systemd/verify.sh   (from any directory; needs systemd-analyze, Debian package systemd)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
units=(shiori-kiosk.service shiori-gate.service shiori-alert@.service shiori-kiosk-browser.service shiori-central.service)

command -v systemd-analyze >/dev/null || { echo "verify.sh: systemd-analyze not found (apt-get install systemd)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/usr/bin" "$work/usr/lib/shiori" "$work/etc/shiori" "$work/units" "$work/selftest"
for command in shiori-kiosk shiori-gate shiori-device-config; do
  ln -s "$repo/packaging/deb/bin/$command" "$work/usr/bin/$command"
done
ln -s "$repo/packaging/deb/usr-lib/shiori-alert" "$work/usr/lib/shiori/shiori-alert"
ln -s "$repo/packaging/deb/bin/shiori-kiosk-browser" "$work/usr/bin/shiori-kiosk-browser"
ln -s "$repo/bin/central" "$work/usr/bin/shiori-central"
cp "$repo/device-config/examples/kiosk-central.yaml" "$work/etc/shiori/device.yaml"
cp "$repo/central/examples/central-postgresql.yaml" "$work/etc/shiori/central.yaml"

# Runs systemd-analyze verify on one unit file; fails on a non-zero exit or any stderr output.
check() {
  local unit="$1" errors="$work/stderr"
  if ! systemd-analyze verify --man=no "$unit" 2>"$errors" >/dev/null || [ -s "$errors" ]; then
    echo "FAIL $(basename "$unit")" >&2
    sed 's/^/  /' "$errors" >&2
    return 1
  fi
}

# Self-test: a unit with an unknown key and a missing command must be reported.
printf '[Service]\nExecStart=%s/missing-command\nNoSuchKey=1\n' "$work" > "$work/selftest/broken.service"
if check "$work/selftest/broken.service" 2>/dev/null; then
  echo "verify.sh: systemd-analyze reported nothing for a broken unit; cannot verify" >&2
  exit 2
fi

# The copies first, so each unit's OnFailure= finds the alert unit beside it.
for unit in "${units[@]}"; do
  sed -e "s|/usr/bin/shiori-|$work/usr/bin/shiori-|g" -e "s|/usr/lib/shiori/|$work/usr/lib/shiori/|g" \
      -e "s|/etc/shiori/|$work/etc/shiori/|g" "$here/$unit" > "$work/units/$unit"
done
cp "$work/units/shiori-alert@.service" "$work/units/shiori-alert@shiori-kiosk.service.service"
cp "$work/units/shiori-alert@.service" "$work/units/shiori-alert@shiori-gate.service.service"

status=0
for unit in "${units[@]}"; do
  copy="$work/units/$unit"
  [ "$unit" = "shiori-alert@.service" ] && copy="$work/units/shiori-alert@shiori-kiosk.service.service"
  grep -q "^ExecStart=$work/usr/" "$copy" || { echo "FAIL $unit: no ExecStart under /usr" >&2; status=1; continue; }
  if check "$copy"; then
    echo "OK   $unit"
  else
    status=1
  fi
done
exit "$status"
