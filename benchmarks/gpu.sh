#!/usr/bin/env bash
# Population throughput on a GPU machine: JAX (vmapped diffrax, float64) on the GPU against the CPU pool
# (one libRoadRunner per process) on all cores of the same machine, on the 8-week chronic-stress scenario.
#
#   bash benchmarks/gpu.sh                         # 10^5 and 10^6 subjects (CPU pool timed on --pool-n, extrapolated)
#   N="1000 10000" POOL_N=64 bash benchmarks/gpu.sh   # smaller sizes
#   PYTHON=/path/to/python bash benchmarks/gpu.sh  # choose the interpreter
#
# Needs neurobalance with the [jax] extra and jax's CUDA plugin.  Writes gpu_population_N.json per size
# and the older batched-kernel report (gpu_batch.py).  The CPU pool is timed on POOL_N subjects (default
# 4 × cores) and its rate extrapolated: 10^6 eight-week subjects would take hours on the CPUs.
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
"$PY" -c "import jax; print('jax devices:', jax.devices())"
if ! "$PY" -c "import jax, sys; sys.exit(0 if any(d.platform == 'gpu' for d in jax.devices()) else 1)"; then
  echo "warning: JAX sees no GPU; running on $("$PY" -c 'import jax; print(jax.default_backend())') (use a small N)" >&2
fi
CORES=$(nproc)
POOL_N=${POOL_N:-$((4 * CORES))}
for n in ${N:-100000 1000000}; do
  echo "== $n subjects: JAX on the default device vs the CPU pool ($CORES processes, timed on $POOL_N subjects)"
  /usr/bin/time -v "$PY" benchmarks/population_bench.py --n "$n" --jax --skip-loop --pool-n "$POOL_N" \
      --jax-chunk "${JAX_CHUNK:-16384}" --observables serotonin.extracellular,hpa.cortisol --target-n "$n" \
      --out "gpu_population_$n.json" 2> "gpu_population_$n.time" || { cat "gpu_population_$n.time" >&2; exit 1; }
  grep -E "Maximum resident|Elapsed" "gpu_population_$n.time" || true
done
echo "== batched kernel throughput (24 h, default model)"
"$PY" benchmarks/gpu_batch.py --n 1000 10000
