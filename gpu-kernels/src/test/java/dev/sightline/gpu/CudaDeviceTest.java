package dev.sightline.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without the NVIDIA driver the GPU path reports why, clearly, instead of failing later. */
class CudaDeviceTest {

    @Test
    void withoutDriverOpenNamesTheMissingDriverLibrary() {
        assumeFalse(driverLibraryPresent(), "libcuda.so.1 is installed here");
        assertThatThrownBy(() -> CudaDevice.open(0))
                .isInstanceOf(GpuUnavailableException.class)
                .hasMessageContaining("no CUDA driver")
                .hasMessageContaining("libcuda.so.1");
        // A second attempt in the same process (JCuda's class is then unusable) still says why.
        assertThatThrownBy(() -> CudaDevice.open(0))
                .isInstanceOf(GpuUnavailableException.class)
                .hasMessageContaining("libcuda.so.1");
    }

    @Test
    void withoutDriverTheReasonIsPresent() {
        assumeFalse(driverLibraryPresent(), "libcuda.so.1 is installed here");
        assertThat(CudaDevice.unavailableReason()).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("no CUDA driver").contains("libcuda.so.1"));
    }

    @Test
    void withUsableGpuTheDeviceDescribesItself() {
        assumeTrue(CudaDevice.unavailableReason().isEmpty(), "no usable GPU");
        try (CudaDevice device = CudaDevice.open(0)) {
            assertThat(device.name()).isNotBlank();
            assertThat(device.totalMemoryBytes()).isGreaterThan(1L << 30);
            assertThat(device.module("frames")).isSameAs(device.module("frames"));
            assertThatThrownBy(() -> device.module("frames").function("no_such_kernel"))
                    .hasMessageContaining("no_such_kernel");
        }
    }

    @Test
    void poolSizeClassesArePowersOfTwoFrom256() {
        assertThat(DeviceMemoryPool.sizeClass(1)).isEqualTo(256);
        assertThat(DeviceMemoryPool.sizeClass(256)).isEqualTo(256);
        assertThat(DeviceMemoryPool.sizeClass(257)).isEqualTo(512);
        assertThat(DeviceMemoryPool.sizeClass(6_220_800)).isEqualTo(8_388_608);
    }

    /** Whether libcuda.so.1 is in one of the usual library folders or on LD_LIBRARY_PATH. */
    static boolean driverLibraryPresent() {
        List<String> dirs = new ArrayList<>(List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib",
                "/lib/x86_64-linux-gnu", "/usr/local/nvidia/lib64", "/usr/lib/wsl/lib"));
        String path = System.getenv("LD_LIBRARY_PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        return dirs.stream().filter(d -> !d.isBlank()).anyMatch(d -> Files.exists(Path.of(d, "libcuda.so.1")));
    }
}
