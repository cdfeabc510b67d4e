package dev.sightline.video;

/**
 * One SORT track: a constant-velocity Kalman filter over the box centre, area and aspect ratio
 * (state {@code [cx, cy, s, r, vx, vy, vs]}, as Bewley et al. 2016), with the bookkeeping of hits
 * and misses.
 */
final class KalmanBoxTracker {
    private static final int N = 7;

    final String label;
    /** Its place among the tracks of its tracker, in the order they were begun. */
    final long serial;
    long id = -1;
    int hits;
    int misses;
    int age;
    double firstTimeS;
    double lastTimeS;
    long frames;
    double sumX;
    double sumY;
    double sumW;
    double sumH;
    double sumScore;

    private final double[] x = new double[N];
    private final double[][] p = new double[N][N];

    KalmanBoxTracker(String label, Box box, double timeS, long serial) {
        this.serial = serial;
        this.label = label;
        double[] z = measurement(box);
        System.arraycopy(z, 0, x, 0, 4);
        for (int i = 0; i < N; i++) {
            p[i][i] = i < 4 ? 10 : 1000; // unknown velocities
        }
        firstTimeS = timeS;
        lastTimeS = timeS;
    }

    /** Advances the state one analysed frame; returns the predicted box. */
    Box predict() {
        if (x[2] + x[6] <= 0) {
            x[6] = 0;
        }
        // x = F x, with F adding each velocity to its position.
        x[0] += x[4];
        x[1] += x[5];
        x[2] += x[6];
        // P = F P F^T + Q
        double[][] fp = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                fp[i][j] = p[i][j] + (i < 3 ? p[i + 4][j] : 0);
            }
        }
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                p[i][j] = fp[i][j] + (j < 3 ? fp[i][j + 4] : 0);
            }
        }
        for (int i = 0; i < N; i++) {
            p[i][i] += i < 4 ? 1 : (i == 6 ? 1e-4 : 1e-2);
        }
        age++;
        misses++;
        return box();
    }

    /** Corrects the state with a matched detection. */
    void update(Box box, double score, double timeS) {
        double[] z = measurement(box);
        // H picks the first four state entries: S = P[0..4][0..4] + R, K = P[:, 0..4] S^-1.
        double[][] s = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                s[i][j] = p[i][j] + (i == j ? (i < 2 ? 1 : 10) : 0);
            }
        }
        double[][] sInv = invert4(s);
        double[][] k = new double[N][4];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < 4; j++) {
                double sum = 0;
                for (int m = 0; m < 4; m++) {
                    sum += p[i][m] * sInv[m][j];
                }
                k[i][j] = sum;
            }
        }
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            y[i] = z[i] - x[i];
        }
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < 4; j++) {
                x[i] += k[i][j] * y[j];
            }
        }
        double[][] kp = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double sum = 0;
                for (int m = 0; m < 4; m++) {
                    sum += k[i][m] * p[m][j];
                }
                kp[i][j] = sum;
            }
        }
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                p[i][j] -= kp[i][j];
            }
        }
        hits++;
        misses = 0;
        lastTimeS = timeS;
        frames++;
        sumX += box.x();
        sumY += box.y();
        sumW += box.width();
        sumH += box.height();
        sumScore += score;
    }

    /** The current box estimate. */
    Box box() {
        double area = Math.max(x[2], 1e-6);
        double ratio = Math.max(x[3], 1e-6);
        double w = Math.sqrt(area * ratio);
        double h = area / w;
        return new Box(x[0] - w / 2, x[1] - h / 2, w, h);
    }

    private static double[] measurement(Box b) {
        return new double[] {b.x() + b.width() / 2, b.y() + b.height() / 2, b.width() * b.height(), b.width() / Math.max(b.height(), 1e-6)};
    }

    /** Gauss-Jordan inverse of a small symmetric positive-definite matrix. */
    private static double[][] invert4(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            double d = m[c][c];
            for (int j = 0; j < 2 * n; j++) {
                m[c][j] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c];
                    for (int j = 0; j < 2 * n; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inv[i], 0, n);
        }
        return inv;
    }
}
