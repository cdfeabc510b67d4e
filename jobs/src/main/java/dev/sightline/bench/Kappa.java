package dev.sightline.bench;

/** A 2x2 agreement table of one event class between two labellings, and its Cohen's kappa. */
final class Kappa {
    long bothYes;
    long bothNo;
    long onlyA;
    long onlyB;

    void add(byte[] a, byte[] b, byte label) {
        for (int i = 0; i < a.length; i++) {
            boolean x = a[i] == label;
            boolean y = b[i] == label;
            if (x && y) {
                bothYes++;
            } else if (x) {
                onlyA++;
            } else if (y) {
                onlyB++;
            } else {
                bothNo++;
            }
        }
    }

    void add(Kappa other) {
        bothYes += other.bothYes;
        bothNo += other.bothNo;
        onlyA += other.onlyA;
        onlyB += other.onlyB;
    }

    /** Cohen's kappa; 0 when both labellings never (or always) use the class. */
    double value() {
        double n = bothYes + bothNo + onlyA + onlyB;
        if (n == 0) {
            return 0;
        }
        double observed = (bothYes + bothNo) / n;
        double aYes = (bothYes + onlyA) / n;
        double bYes = (bothYes + onlyB) / n;
        double expected = aYes * bYes + (1 - aYes) * (1 - bYes);
        return expected >= 1 ? 0 : (observed - expected) / (1 - expected);
    }
}
