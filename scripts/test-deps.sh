#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real (a private
# dbus-daemon, busctl, gdbus, dbus-send, python3-dbus as an activity, protoc
# for wire captures, iproute2 for network namespaces, and dpkg-dev, lintian
# and debootstrap for the package test, wpa_supplicant to hold the stand-in
# to the real D-Bus API, avahi-daemon and avahi-utils for the Avahi source
# in namespaces). Does nothing when all are present; needs root (apt-get)
# otherwise.
set -euo pipefail

PACKAGES=(dbus-daemon dbus-bin systemd libglib2.0-bin python3 python3-dbus python3-gi protobuf-compiler iproute2 util-linux
  lintian debootstrap dpkg-dev debian-archive-keyring wpasupplicant avahi-daemon avahi-utils)

missing=()
command -v dbus-daemon >/dev/null || missing+=(dbus-daemon)
command -v dbus-send >/dev/null || missing+=(dbus-bin)
command -v busctl >/dev/null || missing+=(systemd)
command -v gdbus >/dev/null || missing+=(libglib2.0-bin)
command -v protoc >/dev/null || missing+=(protobuf-compiler)
command -v ip >/dev/null || missing+=(iproute2)
command -v setpriv >/dev/null || missing+=(util-linux)
command -v lintian >/dev/null || missing+=(lintian)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v dpkg-shlibdeps >/dev/null || missing+=(dpkg-dev)
[ -e /usr/share/keyrings/debian-archive-keyring.gpg ] || missing+=(debian-archive-keyring)
command -v wpa_supplicant >/dev/null || [ -x /usr/sbin/wpa_supplicant ] || missing+=(wpasupplicant)
command -v avahi-daemon >/dev/null || [ -x /usr/sbin/avahi-daemon ] || missing+=(avahi-daemon)
command -v avahi-browse >/dev/null || missing+=(avahi-utils)
/usr/bin/python3 -c 'import dbus, gi' 2>/dev/null || missing+=(python3 python3-dbus python3-gi)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "test-deps: missing Debian packages: ${missing[*]}" >&2
  echo "test-deps: install them with: sudo apt-get install -y ${PACKAGES[*]}" >&2
  exit 1
fi
echo "test-deps: installing ${PACKAGES[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
