#!/usr/bin/env bash
# Verifies the Shiori systemd units with `systemd-analyze verify`, which exits 0 even when it
# prints warnings: any output on stderr fails this script.
#
# The units name /opt/shiori/bin/{kiosk,gate,central}, which exist only on an installed device. Each unit
# is therefore copied into a temporary tree with its paths rewritten to that tree, where the
# launchers are links to this repository's bin/ scripts; systemd-analyze then checks that the
# commands really exist and are executable. First a deliberately broken unit is verified to make
# sure this systemd-analyze reports problems on stderr at all.
# Usage: systemd/verify.sh   (from any directory; needs systemd-analyze, Debian package systemd)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
units=(shiori-kiosk.service shiori-gate.service shiori-central.service)

command -v systemd-analyze >/dev/null || { echo "verify.sh: systemd-analyze not found (apt-get install systemd)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/opt/shiori/bin" "$work/etc/shiori" "$work/units" "$work/selftest"
ln -s "$repo/bin/kiosk" "$work/opt/shiori/bin/kiosk"
ln -s "$repo/bin/gate" "$work/opt/shiori/bin/gate"
ln -s "$repo/bin/central" "$work/opt/shiori/bin/central"
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

status=0
for unit in "${units[@]}"; do
  copy="$work/units/$unit"
  sed -e "s|/opt/shiori/|$work/opt/shiori/|g" -e "s|/etc/shiori/|$work/etc/shiori/|g" \
      "$here/$unit" > "$copy"
  grep -q "^ExecStart=$work/opt/shiori/bin/" "$copy" || { echo "FAIL $unit: no ExecStart under /opt/shiori/bin" >&2; status=1; continue; }
  if check "$copy"; then
    echo "OK   $unit"
  else
    status=1
  fi
done
exit "$status"
