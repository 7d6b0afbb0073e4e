package dev.credence.bench.images;

import dev.credence.models.bnn.fit.ImageEvaluation;
import dev.credence.models.bnn.metrics.ConfidenceCurve;
import dev.credence.models.bnn.metrics.ReliabilityDiagram;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One fitted method on one seed, as one line of {@code results.csv}: the scores, the training and
 * prediction times, the accuracy-against-confidence curve and the reliability bins (count, summed
 * confidence, correct), so that tables and figures can be made from the file alone and a stopped
 * run resumes where it stopped.
 *
 * @param arch the network ({@code cnn} or {@code mlp})
 * @param seed the seed
 * @param method the method's key
 * @param e the scores
 * @param trainSeconds the wall time of the fit
 */
record ResultRow(String arch, int seed, String method, ImageEvaluation e, double trainSeconds) {

    /** The header line of the file. */
    static String header() {
        return "arch,seed,method,accuracy,nll,ece,brier,auroc,train_s,predict_s,curve,bins";
    }

    /** The line. */
    String csv() {
        StringBuilder curve = new StringBuilder();
        for (double a : e.curve().accuracy()) {
            curve.append(curve.length() == 0 ? "" : " ").append(fmt(a));
        }
        ReliabilityDiagram r = e.reliability();
        StringBuilder bins = new StringBuilder();
        for (int b = 0; b < r.count().length; b++) {
            bins.append(b == 0 ? "" : " ")
                    .append(r.count()[b])
                    .append(':')
                    .append(fmt(r.confidence()[b] * r.count()[b]))
                    .append(':')
                    .append(fmt(r.accuracy()[b] * r.count()[b]));
        }
        return String.join(
                ",",
                arch,
                "" + seed,
                method,
                fmt(e.accuracy()),
                fmt(e.nll()),
                fmt(e.ece()),
                fmt(e.brier()),
                fmt(e.auroc()),
                fmt(trainSeconds),
                fmt(e.seconds()),
                curve.toString(),
                bins.toString());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** Reads a line written by {@link #csv()}. */
    static ResultRow parse(String line) {
        String[] f = line.split(",", -1);
        String[] c = f[10].split(" ");
        double[] acc = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            acc[i] = Double.parseDouble(c[i]);
        }
        ConfidenceCurve template = ConfidenceCurve.of(new double[][] {{1}}, new int[] {0});
        double[] thresholds =
                acc.length == template.thresholds().length
                        ? template.thresholds()
                        : new double[acc.length];
        String[] b = f[11].split(" ");
        int[] count = new int[b.length];
        double[] conf = new double[b.length];
        double[] right = new double[b.length];
        double[] lower = new double[b.length];
        double[] upper = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            String[] p = b[i].split(":");
            count[i] = Integer.parseInt(p[0]);
            conf[i] = count[i] == 0 ? 0 : Double.parseDouble(p[1]) / count[i];
            right[i] = count[i] == 0 ? 0 : Double.parseDouble(p[2]) / count[i];
            lower[i] = (double) i / b.length;
            upper[i] = (double) (i + 1) / b.length;
        }
        ImageEvaluation e =
                new ImageEvaluation(
                        Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]),
                        Double.parseDouble(f[6]),
                        Double.parseDouble(f[7]),
                        new ConfidenceCurve(thresholds, acc, new double[acc.length]),
                        new ReliabilityDiagram(lower, upper, count, conf, right),
                        Double.parseDouble(f[9]));
        return new ResultRow(f[0], Integer.parseInt(f[1]), f[2], e, Double.parseDouble(f[8]));
    }

    /** Pools the reliability bins of several rows (counts add; means are count-weighted). */
    static ReliabilityDiagram pooled(List<ResultRow> rows) {
        ReliabilityDiagram first = rows.get(0).e().reliability();
        int n = first.count().length;
        int[] count = new int[n];
        double[] conf = new double[n];
        double[] right = new double[n];
        for (ResultRow r : rows) {
            ReliabilityDiagram d = r.e().reliability();
            for (int b = 0; b < n; b++) {
                count[b] += d.count()[b];
                conf[b] += d.confidence()[b] * d.count()[b];
                right[b] += d.accuracy()[b] * d.count()[b];
            }
        }
        for (int b = 0; b < n; b++) {
            conf[b] = count[b] == 0 ? 0 : conf[b] / count[b];
            right[b] = count[b] == 0 ? 0 : right[b] / count[b];
        }
        return new ReliabilityDiagram(first.lower(), first.upper(), count, conf, right);
    }

    /** The seed-averaged accuracy-against-confidence curve. */
    static ConfidenceCurve meanCurve(List<ResultRow> rows) {
        ConfidenceCurve first = rows.get(0).e().curve();
        int n = first.accuracy().length;
        double[] acc = new double[n];
        List<double[]> all = new ArrayList<>();
        for (ResultRow r : rows) {
            all.add(r.e().curve().accuracy());
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            int k = 0;
            for (double[] a : all) {
                if (!Double.isNaN(a[i])) {
                    s += a[i];
                    k++;
                }
            }
            acc[i] = k == 0 ? Double.NaN : s / k;
        }
        return new ConfidenceCurve(first.thresholds(), acc, new double[n]);
    }
}
