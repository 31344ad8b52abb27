"""Smoke workload `conv2d`: a small tf.nn.conv2d (NHWC input, HWIO filters) must match a plain
numpy reference, for VALID and SAME padding and strides 1 and 2.

Convolution kernels are the ones a build that swapped its BLAS (Accelerate) or lost an
optimised path gets wrong. Run it by hand in a venv holding the wheel:

    python conv2d.py

It prints one JSON line and exits 0 only when every case holds.
"""
import json
import math
import sys

import numpy as np
import tensorflow as tf

RTOL = 1e-4
ATOL = 1e-4


def report(ok, message, **details):
    print(json.dumps({"workload": "conv2d", "ok": ok, "message": message, **details}), flush=True)
    sys.exit(0 if ok else 1)


def reference_conv2d(image, filters, stride, padding):
    """Direct convolution as TensorFlow defines it (cross-correlation; SAME pads like tf.nn.conv2d)."""
    batch, height, width, _ = image.shape
    kh, kw, _, out_channels = filters.shape
    if padding == "SAME":
        out_h, out_w = math.ceil(height / stride), math.ceil(width / stride)
        pad_h = max((out_h - 1) * stride + kh - height, 0)
        pad_w = max((out_w - 1) * stride + kw - width, 0)
        image = np.pad(image, ((0, 0), (pad_h // 2, pad_h - pad_h // 2), (pad_w // 2, pad_w - pad_w // 2), (0, 0)))
    else:
        out_h, out_w = (height - kh) // stride + 1, (width - kw) // stride + 1
    out = np.zeros((batch, out_h, out_w, out_channels), dtype=np.float64)
    for n in range(batch):
        for i in range(out_h):
            for j in range(out_w):
                window = image[n, i * stride:i * stride + kh, j * stride:j * stride + kw, :]
                for c in range(out_channels):
                    out[n, i, j, c] = np.sum(window * filters[:, :, :, c])
    return out


def main():
    rng = np.random.default_rng(7)
    image = rng.standard_normal((2, 9, 9, 3)).astype(np.float32)
    filters = rng.standard_normal((3, 3, 3, 4)).astype(np.float32)
    cases = []
    for padding in ("VALID", "SAME"):
        for stride in (1, 2):
            conv = tf.function(lambda x, f, s=stride, p=padding: tf.nn.conv2d(x, f, strides=s, padding=p))
            got = np.asarray(conv(tf.constant(image), tf.constant(filters)).numpy(), dtype=np.float64)
            expected = reference_conv2d(image.astype(np.float64), filters.astype(np.float64), stride, padding)
            case = {"padding": padding, "stride": stride, "shape": list(got.shape)}
            if got.shape != expected.shape:
                report(False, f"conv2d {padding} stride {stride}: shape {list(got.shape)}, expected {list(expected.shape)}",
                       case=case)
            error = np.abs(got - expected)
            worst = np.unravel_index(int(np.argmax(error)), error.shape)
            case.update(max_abs_error=float(error[worst]), at=[int(i) for i in worst],
                        tf=float(got[worst]), numpy=float(expected[worst]))
            cases.append(case)
            if not np.allclose(got, expected, rtol=RTOL, atol=ATOL):
                report(False, f"conv2d {padding} stride {stride} differs from numpy at {case['at']}: "
                       f"tf={got[worst]:.6g} numpy={expected[worst]:.6g} (|error| {error[worst]:.3g})", cases=cases)
    report(True, f"conv2d matches numpy in {len(cases)} cases (VALID/SAME, strides 1 and 2)", cases=cases)


if __name__ == "__main__":
    main()
