#!/usr/bin/env bash
# Compiles every kernel source here to PTX in the given folder (the jar's dev/sightline/gpu/ptx).
# Without nvcc it says so and succeeds: the build then has no kernels and the GPU path reports
# that at run time. NVCC (a path) and SIGHTLINE_CUDA_ARCH (a virtual architecture) override.
set -euo pipefail
out="$1"
here="$(cd "$(dirname "$0")" && pwd)"
nvcc="${NVCC:-$(command -v nvcc || true)}"
arch="${SIGHTLINE_CUDA_ARCH:-compute_75}"
if [[ -z "$nvcc" ]]; then
  echo "[sightline] nvcc not found: building without GPU kernels (PTX); the CPU path is unaffected"
  exit 0
fi
mkdir -p "$out"
for source in "$here"/*.cu; do
  name="$(basename "$source" .cu)"
  target="$out/$name.ptx"
  if [[ ! -f "$target" || "$source" -nt "$target" || "$here"/common.cuh -nt "$target" ]]; then
    "$nvcc" -ptx -arch="$arch" -O3 -I"$here" -o "$target" "$source"
    echo "[sightline] $name.ptx built by $("$nvcc" --version | tail -1)"
  fi
done
