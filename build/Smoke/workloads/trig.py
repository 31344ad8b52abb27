"""Smoke workload `trig`: tf.math.sin(tf.math.cos(x)) inside a tf.function must match numpy.

Element-wise transcendental kernels are where a build for the wrong CPU features (or a broken
vectorised math library) shows up as wrong numbers rather than a crash. Run it by hand:

    python trig.py

It prints one JSON line and exits 0 only when the check holds.
"""
import json
import sys

import numpy as np
import tensorflow as tf

RTOL = 1e-5
ATOL = 1e-6


def report(ok, message, **details):
    print(json.dumps({"workload": "trig", "ok": ok, "message": message, **details}), flush=True)
    sys.exit(0 if ok else 1)


@tf.function
def sin_of_cos(x):
    return tf.math.sin(tf.math.cos(x))


def main():
    x = np.linspace(-10.0, 10.0, 10001, dtype=np.float32)
    got = np.asarray(sin_of_cos(tf.constant(x)).numpy(), dtype=np.float64)
    expected = np.sin(np.cos(x.astype(np.float64)))
    if got.shape != expected.shape:
        report(False, f"sin(cos(x)) returned shape {list(got.shape)}, expected {list(expected.shape)}")
    error = np.abs(got - expected)
    worst = int(np.argmax(error))
    details = {
        "max_abs_error": float(error[worst]),
        "x": float(x[worst]),
        "tf": float(got[worst]),
        "numpy": float(expected[worst]),
        "rtol": RTOL,
        "atol": ATOL,
    }
    if np.allclose(got, expected, rtol=RTOL, atol=ATOL):
        report(True, f"sin(cos(x)) matches numpy on {x.size} points (max |error| {error[worst]:.3g})", **details)
    report(
        False,
        f"sin(cos(x)) differs from numpy at x={x[worst]:.6g}: tf={got[worst]:.9g} numpy={expected[worst]:.9g} "
        f"(|error| {error[worst]:.3g})",
        **details,
    )


if __name__ == "__main__":
    main()
