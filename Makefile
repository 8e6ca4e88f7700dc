# The two commands that matter (see README.md).
.PHONY: run run-staff check test test-reference contract fuzz audit bench bench-intake bench-queue bench-hosting bench-pdq bench-pdq-10m

# Serve the portal on http://127.0.0.1:3000 (installs missing tools, SQLite in ./data).
run:
	@.ci/serve

# The same, with staff sign-in at a local TEST OpenID provider (see README.md, Staff sign-in).
run-staff:
	@.ci/serve-with-staff

# The fast loop: fmt, clippy (server, browser and worker builds), Rust tests on SQLite.
check:
	@.ci/check

# Run every test: Rust unit and integration tests and Playwright, on SQLite and PostgreSQL.
test:
	@.ci/test-all

# The PDQ agreement tests against Meta's ThreatExchange images, which a fresh clone does not
# have (app/hashing/testdata/README.md says how to add them); they fail where the data is missing.
test-reference:
	@bash -c 'source .ci/tools.sh && cargo test --release -p hashing --test reference -- --include-ignored'

# The platform API against its OpenAPI document (schemathesis from PyPI, a real portal on
# loopback). Part of `make test`.
contract:
	@.ci/contract

# Fuzz the inputs crate (addresses, receipts, the draft and hash JSON, form bodies): each target
# for FUZZ_SECONDS (default 60), with AddressSanitizer. Not part of `make test`.
fuzz:
	@.ci/fuzz

# Dependency policy (cargo-deny: licences, bans, sources; no network), and RustSec advisories
# from a local copy of the advisory database when RUSTSEC_DB=path is given (never fetched).
audit:
	@.ci/audit

# Benchmarks with figures for the issue notes (not part of the tests); report submissions
# under load are `make bench-intake`.
bench:
	@.ci/bench

# Report submissions under load on SQLite and PostgreSQL, against GET /health in the same run.
bench-intake:
	@.ci/bench-intake

# The staff queue's first page over 10,000 open cases on SQLite, against a plain query.
bench-queue:
	@bash -c 'source .ci/tools.sh && cargo run --quiet --release -p server --example queue_bench'

# Hosting resolutions per second (cold and warm) and one resolution's median latency,
# against the tests' loopback DNS and RDAP servers.
bench-hosting:
	@bash -c 'source .ci/tools.sh && cargo run --quiet --release -p server --example hosting_bench'

# The platforms' PDQ index (exact radius 31) against a linear scan and FAISS (flat, and HMA's
# MultiHash 16x16 with one flip) on the same data: 1 M entries; the 10 M run on its own.
bench-pdq:
	@.ci/bench-pdq

bench-pdq-10m:
	@ENTRIES=10000000 .ci/bench-pdq
