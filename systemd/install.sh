#!/usr/bin/env bash
# Installs Gazette as a systemd service: binary and resources under /usr/local/lib/gazette,
# configuration in /etc/gazette, the inbox in /srv/gazette/inbox (group `gazette` may drop files).
# Run from the repository root as root:  sudo systemd/install.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $(id -u) -ne 0 ]]; then
    echo "install.sh must run as root (it writes /usr/local, /etc and /srv); try: sudo $0" >&2
    exit 1
fi

swift build -c release --product gazette
bin=$(swift build -c release --show-bin-path)

install -d /usr/local/lib/gazette
install -m 0755 "$bin/gazette" /usr/local/lib/gazette/gazette
for bundle in "$bin"/*.resources; do
    [[ -e $bundle ]] || continue
    rm -rf "/usr/local/lib/gazette/$(basename "$bundle")"
    cp -R "$bundle" /usr/local/lib/gazette/
done
ln -sf /usr/local/lib/gazette/gazette /usr/local/bin/gazette
install -d /usr/local/share/doc/gazette
install -m 0644 README.md /usr/local/share/doc/gazette/README.md

getent group gazette >/dev/null || groupadd --system gazette
install -d -m 2775 -g gazette /srv/gazette/inbox
install -d /etc/gazette
[[ -e /etc/gazette/gazette.yaml ]] || install -m 0644 config/gazette.yaml /etc/gazette/gazette.yaml
install -m 0644 systemd/gazette.service /etc/systemd/system/gazette.service

systemctl daemon-reload
systemctl enable --now gazette.service
echo "Gazette is running. Drop articles into /srv/gazette/inbox (add yourself to the gazette group:"
echo "  sudo usermod -aG gazette \$USER). Status: systemctl status gazette; logs: journalctl -u gazette"
