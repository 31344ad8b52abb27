"""Smoke workload `matmul`: a tf.function over tf.matmul of two random 1024x1024 float32
matrices must match numpy (computed in float64) within a tolerance.

This exercises the BLAS/Eigen kernels the wheel was built with (Accelerate on macOS builds that
ask for it). Run it by hand in a venv holding the wheel:

    python matmul.py

It prints one JSON line and exits 0 only when the check holds.
"""
import json
import sys

import numpy as np
import tensorflow as tf

SIZE = 1024
# float32 accumulation over 1024 products of N(0,1) values (results around 30) differs from a
# float64 reference by about 1e-4; a kernel that is wrong differs by whole units.
RTOL = 1e-3
ATOL = 1e-2


def report(ok, message, **details):
    print(json.dumps({"workload": "matmul", "ok": ok, "message": message, **details}), flush=True)
    sys.exit(0 if ok else 1)


@tf.function
def product(a, b):
    return tf.matmul(a, b)


def main():
    rng = np.random.default_rng(20240611)
    a = rng.standard_normal((SIZE, SIZE)).astype(np.float32)
    b = rng.standard_normal((SIZE, SIZE)).astype(np.float32)
    got = np.asarray(product(tf.constant(a), tf.constant(b)).numpy(), dtype=np.float64)
    expected = a.astype(np.float64) @ b.astype(np.float64)
    if got.shape != expected.shape:
        report(False, f"tf.matmul returned shape {list(got.shape)}, expected {list(expected.shape)}")
    error = np.abs(got - expected)
    worst = np.unravel_index(int(np.argmax(error)), error.shape)
    details = {
        "max_abs_error": float(error[worst]),
        "at": [int(i) for i in worst],
        "tf": float(got[worst]),
        "numpy": float(expected[worst]),
        "rtol": RTOL,
        "atol": ATOL,
    }
    if np.allclose(got, expected, rtol=RTOL, atol=ATOL):
        report(True, f"{SIZE}x{SIZE} float32 matmul matches numpy (max |error| {error[worst]:.3g})", **details)
    report(
        False,
        f"{SIZE}x{SIZE} float32 matmul differs from numpy: at {list(details['at'])} tf={got[worst]:.6g} "
        f"numpy={expected[worst]:.6g} (|error| {error[worst]:.3g} > atol {ATOL} + rtol {RTOL} * |numpy|)",
        **details,
    )


if __name__ == "__main__":
    main()
