#!/usr/bin/env bash
# Extracts the public clips and pictures that `sightline bench detection` and some tests use
# from mirrors of their repositories (fetched with the search tool's `fetch`, or any clone), into
# a folder outside the repository (default ../clips). Nothing here is committed.
#
#   jobs/scripts/public-clips.sh [MIRRORS] [TARGET]
#
# MIRRORS holds one clone per repository, named owner+name (default /work/.mirror, whose clones
# are bare: owner+name/repo). Each file is read at the commit named below.
set -euo pipefail
mirrors="${1:-/work/.mirror}"
target="${2:-$(cd "$(dirname "$0")/../.." && pwd)/../clips}"
mkdir -p "$target/images"

take() { # repo commit path name
  local git="$mirrors/$1/repo"
  [ -d "$git" ] || git="$mirrors/$1"
  if [ ! -d "$git" ]; then
    echo "skip $4: no mirror of $1 in $mirrors" >&2
    return
  fi
  git --git-dir="$git" show "$2:$3" > "$target/$4"
  echo "$4 <- $1@${2:0:10}:$3"
}

# Footage without people (licences: bgslibrary MIT, Intel sample videos CC-BY-4.0, imageio-binaries as its README says)
take andrewssobral+bgslibrary 4622bc9cded1c5504cec6db47db07b3e3c782ecc dataset/video.avi bgs-video.avi
take andrewssobral+bgslibrary 4622bc9cded1c5504cec6db47db07b3e3c782ecc dataset/video03.avi bgs-video03.avi
take imageio+imageio-binaries f8f64710ea88e7e4a352c0f7d8c0deac9f5fd685 images/cockatoo.mp4 cockatoo.mp4
take intel-iot-devkit+sample-videos 57978890822836f2b4743852f04f62fc511757e4 car-detection.mp4 intel-car-detection.mp4
take intel-iot-devkit+sample-videos 57978890822836f2b4743852f04f62fc511757e4 bottle-detection.mp4 intel-bottle-detection.mp4
# Pictures with and without faces (scikit-image's data: public domain or CC0 as its README says)
for picture in astronaut camera chelsea coffee motorcycle_left; do
  take scikit-image+scikit-image cd0a3d22b9f359f05618d75d5c7a29b91b4951ca "src/_skimage2/data/$picture.png" "images/$picture.png"
done
