#!/usr/bin/env bash
# Assembles gpu-bundle/ at the repository root: everything needed to run the gpu-tagged tests and
# the GPU kernel benchmark on a machine with a GPU but no Java and no Maven (at most 64 MiB):
#   jre/            jlinked Java runtime (java.base, java.logging, java.management, jdk.unsupported)
#   classes/        gpu-kernels main classes with the PTX; test-classes/ its test classes
#   lib/            JCuda, a natives jar holding only libJCudaDriver, JUnit console launcher, AssertJ
#   frames/         consecutive real frames as raw BGR (<name>-<w>x<h>.bgr) for -Dsightline.frames.dir
#   run-tests.sh    the @Tag("gpu") test classes;  run-bench.sh  dev.sightline.gpu.KernelBenchmark
# Needs the module built by Maven first (target/classes with PTX, target/test-classes,
# target/test-classpath.txt) and, for frames, ffmpeg and the shared videos (argument 1, default
# $SIGHTLINE_SHARED_DATA or ../shared/data beside the repository).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
root="$(dirname "$module")"
data="${1:-${SIGHTLINE_SHARED_DATA:-$root/../shared/data}}"
out="$root/gpu-bundle"
limit=$((64 * 1024 * 1024))

fail() { echo "device-bundle: $*" >&2; exit 1; }

target="$module/target"
[[ -d "$target/classes/dev/sightline/gpu" ]] || fail "no $target/classes: build the module first (./mvnw -pl gpu-kernels -am test-compile)"
[[ -d "$target/test-classes/dev/sightline/gpu" ]] || fail "no $target/test-classes: build the module first (./mvnw -pl gpu-kernels -am test-compile)"
[[ -f "$target/test-classpath.txt" ]] || fail "no $target/test-classpath.txt: build the module first (./mvnw -pl gpu-kernels -am test-compile writes it)"
[[ -f "$target/classes/dev/sightline/gpu/ptx/frames.ptx" ]] || fail "no PTX in $target/classes: the build had no nvcc; put nvcc on the PATH and rebuild"
command -v jlink >/dev/null || fail "jlink not found: a JDK 17+ is needed to build the runtime"

classpath="$(cat "$target/test-classpath.txt")"
jar_on_classpath() {   # the first classpath entry whose file name matches $1 (a glob)
  local entry
  IFS=':' read -ra entries <<<"$classpath"
  for entry in "${entries[@]}"; do
    if [[ "$(basename "$entry")" == $1 && -f "$entry" ]]; then echo "$entry"; return 0; fi
  done
  fail "no $1 on the test classpath"
}
jcuda="$(jar_on_classpath 'jcuda-[0-9]*.jar')"
natives="$(jar_on_classpath 'jcuda-natives-*-linux-x86_64.jar')"
assertj="$(jar_on_classpath 'assertj-core-*.jar')"
junit="$HOME/.m2/repository/org/junit/platform/junit-platform-console-standalone/1.13.4/junit-platform-console-standalone-1.13.4.jar"
if [[ ! -f "$junit" ]]; then
  echo "[bundle] fetching JUnit's console launcher"
  "$root/mvnw" -B -q dependency:get -Dartifact=org.junit.platform:junit-platform-console-standalone:1.13.4 \
    || fail "cannot fetch junit-platform-console-standalone 1.13.4"
fi

rm -rf "$out"
mkdir -p "$out/lib" "$out/frames"

echo "[bundle] runtime"
jlink --add-modules java.base,java.logging,java.management,jdk.unsupported \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/jre"

echo "[bundle] classes"
cp -r "$target/classes" "$out/classes"
cp -r "$target/test-classes" "$out/test-classes"

echo "[bundle] libraries"
cp "$jcuda" "$junit" "$assertj" "$out/lib/"
# JCuda extracts its natives from the resource lib/libJCudaDriver-<version>-linux-x86_64.so; only
# the driver binding is used, so the natives jar keeps that one entry (the others are ~25 MB).
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && unzip -q "$natives" 'lib/libJCudaDriver-*-linux-x86_64.so')
[[ -n "$(ls "$work"/lib/libJCudaDriver-*.so 2>/dev/null)" ]] || fail "no libJCudaDriver in $natives"
jar --create --file "$out/lib/jcuda-natives-driver-only.jar" -C "$work" lib

echo "[bundle] frames"
extract() {   # video, first frame, count, name
  local video="$data/video/$1" size
  if [[ ! -f "$video" ]]; then echo "[bundle] $video absent: no $4 frames"; return 0; fi
  size="$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=p=0:s=x "$video")"
  ffmpeg -v error -i "$video" -vf "select=gte(n\,$2)" -vsync 0 -frames:v "$3" -f rawvideo -pix_fmt bgr24 \
    "$out/frames/$4-$size.bgr"
}
if command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null; then
  extract vtest.avi 100 5 vtest
  extract testvideo.mp4 30 3 testvideo
  extract fades.mp4 100 6 fades
else
  echo "[bundle] ffmpeg not found: no frames (the real-frame GPU tests will skip)"
fi

echo "[bundle] scripts"
gpu_classes="$(cd "$module/src/test/java" && grep -rl '@Tag("gpu")' --include='*.java' . \
  | sed -e 's|^\./||' -e 's|\.java$||' -e 's|/|.|g' | sort)"
[[ -n "$gpu_classes" ]] || fail "no @Tag(\"gpu\") test classes in $module/src/test/java"
selectors="$(for c in $gpu_classes; do printf -- '--select-class %s ' "$c"; done)"
libs='$here/lib/jcuda-'"$(basename "$jcuda" .jar | sed 's/^jcuda-//')"'.jar:$here/lib/jcuda-natives-driver-only.jar'

cat >"$out/run-tests.sh" <<SCRIPT
#!/usr/bin/env bash
# Runs the gpu-tagged tests of gpu-kernels (GPU kernels against their CPU twins) on this machine's GPU.
# Extra arguments go to the JUnit console launcher (e.g. --reports-dir=DIR).
set -euo pipefail
here="\$(cd "\$(dirname "\$0")" && pwd)"
exec "\$here/jre/bin/java" -Xmx8g -Dsightline.frames.dir="\$here/frames" \\
  -jar "\$here/lib/$(basename "$junit")" execute \\
  --class-path "\$here/test-classes:\$here/classes:$libs:\$here/lib/$(basename "$assertj")" \\
  --include-tag gpu $selectors--details=tree "\$@"
SCRIPT

cat >"$out/run-bench.sh" <<SCRIPT
#!/usr/bin/env bash
# GPU kernel benchmark on 1080p frames: run-bench.sh [batch (default 64)] [repeats (default 10)].
set -euo pipefail
here="\$(cd "\$(dirname "\$0")" && pwd)"
exec "\$here/jre/bin/java" -Xmx8g -cp "\$here/classes:$libs" dev.sightline.gpu.KernelBenchmark "\$@"
SCRIPT
chmod +x "$out/run-tests.sh" "$out/run-bench.sh"

bytes="$(du -sb "$out" | cut -f1)"
echo "[bundle] $out: $(du -sh "$out" | cut -f1) ($bytes bytes; limit $limit)"
du -sh "$out"/* | sed 's/^/[bundle]   /'
(( bytes <= limit )) || fail "the bundle is over 64 MiB"
