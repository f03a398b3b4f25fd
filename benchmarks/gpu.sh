#!/usr/bin/env bash
# Batched JAX throughput of neurobalance on a GPU machine.  Installs nothing.
#
#   bash benchmarks/gpu.sh                         # n = 1000 and 10000 subjects, 24 h, 25 points
#   bash benchmarks/gpu.sh --n 64                  # any gpu_batch.py option passes through
#   PYTHON=/path/to/python bash benchmarks/gpu.sh  # choose the interpreter
#
# Needs jax (with its CUDA plugin), diffrax, equinox, sympy, numpy, scipy and pint in the
# interpreter; neurobalance is taken from the installed package or, failing that, from src/.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -n "${PYTHON:-}" ]]; then PY=$PYTHON
elif [[ -x .venv/bin/python ]]; then PY=.venv/bin/python
else PY=python3
fi
export PYTHONUNBUFFERED=1

if ! "$PY" -c "import neurobalance" 2>/dev/null; then
  export PYTHONPATH="$PWD/src${PYTHONPATH:+:$PYTHONPATH}"
fi
command -v nvidia-smi >/dev/null && nvidia-smi -L || echo "nvidia-smi: not found"

echo "== jax devices"
"$PY" -c "import jax; print(jax.devices())"
if ! "$PY" -c "import jax, sys; sys.exit(0 if any(d.platform == 'gpu' for d in jax.devices()) else 1)"; then
  echo "warning: JAX sees no GPU; running on $("$PY" -c 'import jax; print(jax.default_backend())') (use a small --n)" >&2
fi

echo "== batched simulation throughput"
"$PY" benchmarks/gpu_batch.py "$@"
