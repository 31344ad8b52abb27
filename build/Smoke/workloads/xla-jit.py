"""Smoke workload `xla-jit`: a function compiled with tf.function(jit_compile=True) must give
the same numbers as the same function run eagerly.

jit_compile=True sends the function through XLA (and, with the MLIR bridge on, through the
MLIR passes), so a broken compiler path shows up here while eager execution still works.
Run it by hand in a venv holding the wheel:

    python xla-jit.py

It prints one JSON line and exits 0 only when the check holds.
"""
import json
import sys

import numpy as np
import tensorflow as tf

RTOL = 1e-4
ATOL = 1e-4


def report(ok, message, **details):
    print(json.dumps({"workload": "xla-jit", "ok": ok, "message": message, **details}), flush=True)
    sys.exit(0 if ok else 1)


def layer(x, w):
    return tf.nn.relu(tf.matmul(x, w) + tf.math.sin(x) * 0.5)


def main():
    rng = np.random.default_rng(11)
    x = tf.constant(rng.standard_normal((64, 64)).astype(np.float32))
    w = tf.constant(rng.standard_normal((64, 64)).astype(np.float32))
    eager = np.asarray(layer(x, w).numpy(), dtype=np.float64)
    compiled = np.asarray(tf.function(layer, jit_compile=True)(x, w).numpy(), dtype=np.float64)
    if compiled.shape != eager.shape:
        report(False, f"jit_compile=True returned shape {list(compiled.shape)}, eager {list(eager.shape)}")
    error = np.abs(compiled - eager)
    worst = np.unravel_index(int(np.argmax(error)), error.shape)
    details = {"max_abs_error": float(error[worst]), "at": [int(i) for i in worst],
               "jit": float(compiled[worst]), "eager": float(eager[worst])}
    if np.allclose(compiled, eager, rtol=RTOL, atol=ATOL):
        report(True, f"jit_compile=True equals eager (max |error| {error[worst]:.3g})", **details)
    report(False, f"jit_compile=True differs from eager at {details['at']}: jit={compiled[worst]:.6g} "
           f"eager={eager[worst]:.6g} (|error| {error[worst]:.3g})", **details)


if __name__ == "__main__":
    main()
