package dev.sightline.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** When the build had nvcc, the jar carries the PTX of every kernel (checked by entry name). */
class PtxResourceTest {

    @Test
    void framesPtxHasEveryKernelWhenNvccIsOnThePath() throws IOException {
        assumeTrue(nvccOnPath(), "nvcc is not on the PATH: the build made no PTX");
        String ptx = resource("frames");
        for (String kernel : new String[] {"bgr_to_rgb", "bgr_to_gray", "bgr_to_hsv", "resize_bilinear",
            "resize_linear_exact", "content_sums", "bgr_content_sums"}) {
            assertThat(ptx).as(kernel).contains(".entry " + kernel + "(");
        }
        assertThat(CudaDevice.kernelsBuilt()).isTrue();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CudaDevice.class.getResourceAsStream(CudaDevice.PTX_RESOURCE_DIR + name + ".ptx")) {
            assertThat(in).as(name + ".ptx on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static boolean nvccOnPath() {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(dir -> !dir.isBlank() && Files.isExecutable(Path.of(dir, "nvcc")));
    }
}
