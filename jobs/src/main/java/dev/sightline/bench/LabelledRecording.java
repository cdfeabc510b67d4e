package dev.sightline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One hand-labelled recording of the Lund 2013 set ({@code <subject>_<stimulus>_labelled_<coder>.csv}):
 * positions in pixels ((0, 0) is track loss) and the coder's label per sample.
 */
record LabelledRecording(String subject, String stimulus, String coder, double[] xPx, double[] yPx, byte[] labels) {

    /** {@code img} for static images, {@code dots} for moving dots ({@code trial*}). */
    String stimulusType() {
        return stimulus.startsWith("img") ? "img" : "dots";
    }

    String key() {
        return subject + "_" + stimulus;
    }

    static LabelledRecording read(Path file) throws IOException {
        String name = file.getFileName().toString().replace(".csv", "");
        int labelled = name.indexOf("_labelled_");
        String head = name.substring(0, labelled);
        String coder = name.substring(labelled + "_labelled_".length());
        String subject = head.substring(0, head.indexOf('_'));
        String stimulus = head.substring(head.indexOf('_') + 1);
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("t_us")) {
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new double[] {parse(f[3]), parse(f[4]), parse(f[5])});
            }
        }
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        byte[] labels = new byte[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = rows.get(i)[0];
            y[i] = rows.get(i)[1];
            labels[i] = (byte) rows.get(i)[2];
        }
        return new LabelledRecording(subject, stimulus, coder, x, y, labels);
    }

    private static double parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return t.isEmpty() || t.equals("nan") ? Double.NaN : Double.parseDouble(t);
    }
}
