"""Smoke workload `build-info`: print what this interpreter and the installed TensorFlow say
about themselves (platform.machine(), sysctl.proc_translated, tf.__version__,
tf.sysconfig.get_build_info()), and fail when the interpreter cannot run the wheel.

The interpreter is examined BEFORE TensorFlow is imported. An x86_64 Python under Rosetta on an
Apple-silicon Mac reports platform.machine() == "x86_64" and sysctl.proc_translated == 1; an
x86_64 TensorFlow is built with AVX, which Rosetta does not provide, so `import tensorflow` dies
with SIGILL ("illegal hardware instruction") before any Python code could explain it
(tensorflow/tensorflow#44999, #46178, #58339). Checking first turns that crash into a sentence.
A first JSON line (no "ok") records the interpreter facts, so a crash during the import can still
be explained by tfwheel's classifier.

Run it by hand in a venv holding the wheel:

    python build-info.py --expect-arch arm64

It prints JSON lines and exits 0 only when the checks hold.
"""
import argparse
import json
import platform
import sys


def report(ok, message, **details):
    print(json.dumps({"workload": "build-info", "ok": ok, "message": message, **details}), flush=True)
    sys.exit(0 if ok else 1)


def normalize(machine):
    # macOS says arm64, Linux says aarch64 for the same CPU; Windows says AMD64 for x86_64.
    machine = (machine or "").lower()
    return {"aarch64": "arm64", "amd64": "x86_64", "x64": "x86_64"}.get(machine, machine)


def rosetta_translated():
    """1 when this process runs under Rosetta, 0 when native, None off macOS (sysctl.proc_translated)."""
    if sys.platform != "darwin":
        return None
    import ctypes
    import ctypes.util

    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    value = ctypes.c_int(0)
    size = ctypes.c_size_t(ctypes.sizeof(value))
    if libc.sysctlbyname(b"sysctl.proc_translated", ctypes.byref(value), ctypes.byref(size), None, ctypes.c_size_t(0)) != 0:
        return 0  # ENOENT: an Intel Mac, where nothing is translated
    return value.value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--expect-arch", help="the wheel's architecture (arm64, x86_64, aarch64)")
    args = parser.parse_args()

    machine = platform.machine()
    translated = rosetta_translated()
    interpreter = {"machine": machine, "translated": translated, "python": platform.python_version(),
                   "expect_arch": args.expect_arch}
    print(json.dumps({"workload": "build-info", "stage": "interpreter", **interpreter}), flush=True)

    rosetta = translated == 1
    if args.expect_arch and normalize(machine) != normalize(args.expect_arch):
        why = " (an x86_64 process translated by Rosetta on an Apple-silicon Mac)" if rosetta else ""
        report(False, f"this Python runs as {machine}{why} but the wheel is for {args.expect_arch}: "
               f"use a Python built for {args.expect_arch} (on Apple silicon, not one running under Rosetta)", **interpreter)
    if rosetta:
        report(False, "this Python is an x86_64 process translated by Rosetta (sysctl.proc_translated = 1): "
               "TensorFlow's x86_64 builds use AVX, which Rosetta does not provide, so importing it would die "
               "with SIGILL; use an arm64 Python and the arm64 wheel", **interpreter)

    import tensorflow as tf  # only now: the import is what crashes on a CPU the build does not fit

    build_info = {str(k): v if isinstance(v, (str, int, float, bool)) or v is None else str(v)
                  for k, v in dict(tf.sysconfig.get_build_info()).items()}
    details = {**interpreter, "tensorflow": tf.__version__, "build_info": build_info}
    report(True, f"TensorFlow {tf.__version__} on {machine} (Python {platform.python_version()})", **details)


if __name__ == "__main__":
    main()
