"""Smoke workload `build-info`: print what this interpreter and the installed TensorFlow say
about themselves (platform.machine(), tf.__version__, tf.sysconfig.get_build_info()), and fail
when the interpreter's machine differs from the architecture the wheel was built for.

An x86_64 Python under Rosetta on an Apple-silicon Mac reports platform.machine() == "x86_64"
and would pick an x86_64 (AVX) wheel; that is the classic "illegal hardware instruction".
Run it by hand in a venv holding the wheel:

    python build-info.py --expect-arch arm64

It prints one JSON line and exits 0 only when the check holds.
"""
import argparse
import json
import platform
import sys

import tensorflow as tf


def report(ok, message, **details):
    print(json.dumps({"workload": "build-info", "ok": ok, "message": message, **details}), flush=True)
    sys.exit(0 if ok else 1)


def normalize(machine):
    # macOS says arm64, Linux says aarch64 for the same CPU; Windows says AMD64 for x86_64.
    machine = machine.lower()
    return {"aarch64": "arm64", "amd64": "x86_64", "x64": "x86_64"}.get(machine, machine)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--expect-arch", help="the wheel's architecture (arm64, x86_64, aarch64)")
    args = parser.parse_args()

    machine = platform.machine()
    build_info = {str(k): v if isinstance(v, (str, int, float, bool)) or v is None else str(v)
                  for k, v in dict(tf.sysconfig.get_build_info()).items()}
    details = {"machine": machine, "python": platform.python_version(), "tensorflow": tf.__version__,
               "build_info": build_info, "expect_arch": args.expect_arch}
    if args.expect_arch and normalize(machine) != normalize(args.expect_arch):
        report(False, f"this Python runs as {machine} but the wheel is for {args.expect_arch}: "
               f"use a Python built for {args.expect_arch} (on Apple silicon, not one running under Rosetta)", **details)
    report(True, f"TensorFlow {tf.__version__} on {machine} (Python {platform.python_version()})", **details)


if __name__ == "__main__":
    main()
