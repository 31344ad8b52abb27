"""Smoke workload `mlir-pipeline`: convert a concrete function to MLIR with
tf.mlir.experimental.convert_function, run a pass pipeline over it with run_pass_pipeline, and
check that the output is still MLIR holding the expected TensorFlow ops. Then check that an
invalid pipeline is rejected with a Python error rather than crashing the interpreter.

The pipeline is relative to the module, without a builtin.module(...) wrapper, as
tensorflow/compiler/mlir/python/mlir.cc parses it (default: tf-standard-pipeline). Run it by hand:

    python mlir-pipeline.py --pipeline 'symbol-dce,tf-standard-pipeline,func.func(canonicalize,cse)'

It prints one JSON line and exits 0 only when the checks hold.
"""
import argparse
import json
import sys

import tensorflow as tf

EXPECTED_OPS = ("tf.MatMul", "tf.Relu")
INVALID_PIPELINE = "tfwheel-no-such-pass"


def report(ok, message, **details):
    print(json.dumps({"workload": "mlir-pipeline", "ok": ok, "message": message, **details}), flush=True)
    sys.exit(0 if ok else 1)


@tf.function
def dense_relu(x, w):
    return tf.nn.relu(tf.matmul(x, w) + 1.0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pipeline", default="tf-standard-pipeline", help="MLIR pass pipeline to run")
    args = parser.parse_args()

    concrete = dense_relu.get_concrete_function(
        tf.TensorSpec([2, 3], tf.float32), tf.TensorSpec([3, 4], tf.float32))
    module = tf.mlir.experimental.convert_function(concrete)
    try:
        output = tf.mlir.experimental.run_pass_pipeline(module, args.pipeline)
    except Exception as error:  # any Python error is a failed check, reported with its text
        report(False, f"run_pass_pipeline({args.pipeline!r}) raised {type(error).__name__}: {error}",
               pipeline=args.pipeline)

    missing = [op for op in EXPECTED_OPS if op not in output]
    if "module" not in output or "func" not in output or missing:
        report(False, f"pipeline {args.pipeline!r} produced MLIR without {missing or 'a module/func'}",
               pipeline=args.pipeline, output_head=output[:2000])

    try:
        tf.mlir.experimental.run_pass_pipeline(module, INVALID_PIPELINE)
    except Exception as error:
        rejection = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
    else:
        report(False, f"run_pass_pipeline accepted the invalid pipeline {INVALID_PIPELINE!r}", pipeline=args.pipeline)

    report(True, f"pipeline {args.pipeline!r} kept {', '.join(EXPECTED_OPS)}; an invalid pipeline was rejected",
           pipeline=args.pipeline, ops=list(EXPECTED_OPS), output_chars=len(output), invalid_pipeline_error=rejection)


if __name__ == "__main__":
    main()
