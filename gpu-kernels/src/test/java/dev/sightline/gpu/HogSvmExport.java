package dev.sightline.gpu;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_objdetect.HOGDescriptor;

/**
 * Writes OpenCV's default people detector (HOGDescriptor.getDefaultPeopleDetector()) as the text
 * resource hog-people-svm.txt that the HOG twin and the GPU detector read. Run once by hand:
 * {@code java -cp <test classpath> dev.sightline.gpu.HogSvmExport <path of the resource>}.
 */
public final class HogSvmExport {

    private HogSvmExport() {
    }

    /** Writes the resource to the path given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: HogSvmExport <output file>");
        }
        try (FloatPointer svm = HOGDescriptor.getDefaultPeopleDetector();
                Writer out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            long n = svm.limit();
            if (n != HogSvm.WEIGHTS + 1) {
                throw new IllegalStateException("OpenCV's default people detector has " + n + " values, expected "
                        + (HogSvm.WEIGHTS + 1));
            }
            out.write("# OpenCV's default HOG people detector (HOGDescriptor::getDefaultPeopleDetector()): the linear\n");
            out.write("# SVM of Dalal and Triggs trained on the INRIA person data set, from OpenCV (Apache License 2.0,\n");
            out.write("# https://github.com/opencv/opencv, modules/objdetect/src/hog.cpp). 3780 weights in OpenCV's\n");
            out.write("# descriptor order (blocks column by column, cells column by column, 9 bins), then the bias\n");
            out.write("# (added to the dot product). Written by dev.sightline.gpu.HogSvmExport (test scope).\n");
            for (long i = 0; i < n; i++) {
                out.write(Float.toString(svm.get(i)));
                out.write('\n');
            }
        }
    }
}
