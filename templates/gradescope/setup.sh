#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image: Node 24 when no
# supported Node is on PATH, then the kit's dependencies, exactly as locked (npm ci).
# AUTOGRADER_ROOT (default /autograder) lets it run outside Gradescope's container.
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"
NODE_MAJOR=24

# The kit's engines: ^22.12.0 || ^24.
supported_node() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [major, minor] = process.versions.node.split(".").map(Number); process.exit(major === 24 || (major === 22 && minor >= 12) ? 0 : 1)'
}

# The newest Node 24 from nodejs.org, checked against its published SHA-256, in /usr/local.
install_node() {
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "setup.sh: Node $NODE_MAJOR has no Linux build for $(uname -m)" >&2; exit 1 ;;
  esac
  if ! command -v curl >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq curl ca-certificates >/dev/null
  fi
  local base="https://nodejs.org/dist/latest-v$NODE_MAJOR.x" tmp file
  tmp="$(mktemp -d)"
  curl -fsSL "$base/SHASUMS256.txt" -o "$tmp/SHASUMS256.txt"
  file="$(grep -oE "node-v$NODE_MAJOR\.[0-9]+\.[0-9]+-linux-$arch\.tar\.gz" "$tmp/SHASUMS256.txt" | head -n 1)"
  curl -fsSL "$base/$file" -o "$tmp/$file"
  (cd "$tmp" && grep " $file\$" SHASUMS256.txt | sha256sum -c --quiet -)
  mkdir -p /usr/local/lib/nodejs
  tar -xzf "$tmp/$file" -C /usr/local/lib/nodejs --strip-components=1 --no-same-owner
  ln -sf /usr/local/lib/nodejs/bin/node /usr/local/lib/nodejs/bin/npm /usr/local/lib/nodejs/bin/npx /usr/local/bin/
  rm -rf "$tmp"
  hash -r
}

if supported_node; then
  echo "setup.sh: Node $(node --version) is on PATH ($(command -v node))"
else
  install_node
  echo "setup.sh: installed Node $(node --version)"
fi

cd "$SOURCE"
npm ci --omit=dev --prefer-offline --no-audit --no-fund
chmod +x "$SOURCE/run_autograder"

# A first grading, of the untouched stubs: a broken install (the sandbox's native module
# above all) shows here, when the autograder is built, not at the first student's
# submission; and the kit's compiled files are cached in the image.
check="$(mktemp -d)"
mkdir -p "$check/submission"
cp -R "$SOURCE/exercises" "$check/submission/exercises"
ln -s "$SOURCE" "$check/source"
AUTOGRADER_ROOT="$check" "$SOURCE/run_autograder"
test -s "$check/results/results.json"
rm -rf "$check"
echo "setup.sh: the autograder is ready"
