#!/usr/bin/env bash
# A first minute with tfwheel (README "A first minute"), offline: makes the TF-shaped example workspace a git
# repository, then runs the whole chain on it (Fetch, Patch, Configure, Compile, Verify, Smoke) and writes
# artifacts/example/report.html. Needs: the .NET SDK (global.json), and on Debian
#   sudo apt-get install bazel-bootstrap python3-venv python3-numpy git gcc libc6-dev
# Extra arguments go to tfwheel (e.g. --verbosity=verbose). TFWHEEL overrides the command that runs tfwheel.
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a tfwheel <<< "${TFWHEEL:-dotnet run --project build --}"

# The "upstream" tree: a git repository with a v2.20.0 tag, as Fetch expects of tensorflow.repository.
origin=.work/examples/tf-shaped
if [ ! -d "$origin/.git" ]; then
  rm -rf "$origin"
  mkdir -p "$origin"
  cp -R tests/fixtures/tf-shaped/. "$origin/"
  git -C "$origin" init --quiet
  git -C "$origin" add --all
  git -C "$origin" -c user.name=tfwheel -c user.email=example@tfwheel.invalid commit --quiet -m "TF-shaped example tree"
  git -C "$origin" tag v2.20.0
fi

# Build for this host: its python3 (Debian's, which Smoke's venv also uses) and its CPU.
python=/usr/bin/python3
version="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
recipe=(--recipe=examples/tf-shaped.yaml --set "python=$version" --set "target.arch=$(uname -m)")

"${tfwheel[@]}" --target=Wheel "${recipe[@]}" "--python=$python" "$@"
"${tfwheel[@]}" --target=Report "${recipe[@]}" "$@"
echo "Open artifacts/example/report.html; run the real thing with --recipe=macos-arm64 (see README)."
