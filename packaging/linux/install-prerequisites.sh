#!/usr/bin/env bash
# What `mvn -Pjpackage verify` needs on Debian or Ubuntu besides the JDK: fakeroot and dpkg-deb (the .deb),
# rpm (rpmbuild, for the .rpm), and Xvfb with GTK for the smoke test's GUI start. Run as root, or with sudo.
# The jpackage profile runs this itself when rpmbuild is missing; `mvn verify` (CI) needs none of it.
set -eu
need=()
command -v fakeroot >/dev/null || need+=(fakeroot)
command -v dpkg-deb >/dev/null || need+=(dpkg)
command -v rpmbuild >/dev/null || need+=(rpm)
command -v Xvfb >/dev/null || need+=(xvfb xauth)
dpkg -s libgtk-3-0 >/dev/null 2>&1 || need+=(libgtk-3-0)
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "install-prerequisites: no apt-get here; install ${need[*]} with your package manager" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-prerequisites: installing ${need[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
