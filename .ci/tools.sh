# Shared by `make run` and `make test`: installs what is missing, pinned, and never assumes it
# is already there. Sourced, not run.

CARGO_LEPTOS_VERSION=0.3.5
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$ROOT/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback

say() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  say "installing $* (Debian packages)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >/dev/null \
    || { as_root apt-get update >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >/dev/null; }
}

# The wasm-bindgen CLI must be exactly the library version in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(cargo leptos --version 2>/dev/null)" != "cargo-leptos $CARGO_LEPTOS_VERSION" ]; then
    say "installing cargo-leptos $CARGO_LEPTOS_VERSION (a few minutes, once)"
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
  fi
  local wb
  wb=$(wasm_bindgen_version)
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb" ]; then
    say "installing wasm-bindgen-cli $wb (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$wb" --force
  fi
  ensure_node_modules
}

# wasm-opt comes from npm's binaryen: Debian's (108) produces a bundle that fails to hydrate.
ensure_node_modules() {
  if ! command -v npm >/dev/null; then apt_install nodejs npm; fi
  if [ ! -x "$ROOT/e2e/node_modules/.bin/wasm-opt" ] \
    || [ "$ROOT/e2e/package-lock.json" -nt "$ROOT/e2e/node_modules/.package-lock.json" ]; then
    say "installing Node packages in e2e/ (binaryen, Playwright, axe-core)"
    (cd "$ROOT/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null)
  fi
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
}

ensure_postgres_installed() {
  compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null || apt_install postgresql
}

# Starts a throw-away PostgreSQL server for the tests and exports TEST_DATABASE_URL.
# fsync is off: the data is discarded when the tests end.
start_postgres() {
  local bin port dir
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  dir=$(mktemp -d /tmp/portal-pg.XXXXXX)
  chmod 755 "$dir"
  local run=()
  # PostgreSQL refuses to run as root.
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$dir"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$dir/data" -U portal --auth=trust -E UTF8 --no-locale >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
    "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null
  PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop)
  PG_DIR="$dir"
  export TEST_DATABASE_URL="postgres://portal@127.0.0.1:$port/postgres"
  say "PostgreSQL for the tests on port $port"
}

stop_postgres() {
  if [ -n "${PG_STOP+x}" ]; then "${PG_STOP[@]}" >/dev/null 2>&1 || true; fi
  # The data directory holds nothing worth keeping, and runs add up on a small disk.
  if [ -n "${PG_DIR:-}" ]; then rm -rf "$PG_DIR"; fi
}

# Clippy with warnings as errors on every build the portal makes: the server side (ssr, all
# targets), the browser's hydrate bundle and the hashing worker, which only exist for wasm32.
# `profile` is passed through (`--release` in `make test`, so it shares the release build's
# dependencies).
lint_all() {
  say "clippy: server, tests and tools"
  cargo clippy --workspace --all-targets "$@" -- -D warnings
  say "clippy: the browser bundle (hydrate, wasm32)"
  cargo clippy -p app --lib --target wasm32-unknown-unknown --no-default-features --features hydrate "$@" -- -D warnings
  say "clippy: the hashing worker (wasm, wasm32)"
  cargo clippy -p hashing --lib --target wasm32-unknown-unknown --features wasm "$@" -- -D warnings
}

# The hashing Web Worker's own small WASM bundle (the `hashing` crate's `wasm` feature), served
# from /hash/ and loaded only by the page that hashes. Built after cargo-leptos, beside its site.
build_hash_worker() {
  say "building the hashing worker (WASM)"
  cargo build --quiet -p hashing --lib --target wasm32-unknown-unknown --features wasm \
    --profile hash-worker
  local out="$ROOT/target/site/hash"
  mkdir -p "$out"
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name hash \
    "$ROOT/target/wasm32-unknown-unknown/hash-worker/hashing.wasm"
  # The same code with WebAssembly SIMD, for the browsers that have it (load-hash.js picks):
  # SHA-256 then runs about 1.7 times as fast. Its own target folder, so neither build
  # invalidates the other.
  RUSTFLAGS="-C target-feature=+simd128" cargo build --quiet -p hashing --lib \
    --target wasm32-unknown-unknown --features wasm --profile hash-worker \
    --target-dir "$ROOT/target/hash-worker-simd"
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name hash-simd \
    "$ROOT/target/hash-worker-simd/wasm32-unknown-unknown/hash-worker/hashing.wasm"
  # The worker scripts belong to the hashing crate; the page's script to the report's file step.
  cp "$ROOT"/app/hashing/js/*.js "$ROOT"/app/src/report/js/hash-client.js "$out/"
}
