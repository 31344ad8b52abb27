"""Smoke workload `add`: a tf.function adding 2.0 to tf.constant(1.0) must give 3.0.

The smallest program that traces a tf.function, so it is the first to die when graph
building or the MLIR passes behind it are broken. Run it by hand in a venv holding the wheel:

    python add.py

It prints one JSON line {"workload", "ok", "message", ...} and exits 0 only when the check holds.
"""
import json
import sys

import tensorflow as tf


def report(ok, message, **details):
    print(json.dumps({"workload": "add", "ok": ok, "message": message, **details}), flush=True)
    sys.exit(0 if ok else 1)


@tf.function
def add_two(x):
    return x + 2.0


def main():
    got = float(add_two(tf.constant(1.0)).numpy())
    if got == 3.0:
        report(True, "tf.function(x + 2.0)(1.0) == 3.0", value=got)
    report(False, f"tf.function(x + 2.0)(1.0) returned {got!r}, expected 3.0", value=got, expected=3.0)


if __name__ == "__main__":
    main()
