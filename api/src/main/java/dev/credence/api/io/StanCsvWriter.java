package dev.credence.api.io;

import java.io.IOException;
import java.io.Writer;

/** Writes the text of one Stan CSV file; see {@link StanCsv} for the layout. */
final class StanCsvWriter {
    private static final int INTEGER_FROM = 3; // treedepth__, n_leapfrog__, divergent__
    private static final int INTEGER_TO = 5;

    private StanCsvWriter() {}

    static void write(Writer w, StanChain c, String fileName) throws IOException {
        settings(w, c, fileName);
        w.write(String.join(",", StanCsv.DIAGNOSTICS));
        for (String n : c.names()) {
            w.write(',');
            w.write(n);
        }
        w.write('\n');
        adaptation(w, c);
        StringBuilder row = new StringBuilder();
        for (int d = 0; d < c.draws().length; d++) {
            row.setLength(0);
            double[] diag = c.diagnostics()[d];
            for (int k = 0; k < diag.length; k++) {
                if (k > 0) {
                    row.append(',');
                }
                boolean integer = k >= INTEGER_FROM && k <= INTEGER_TO;
                row.append(integer ? Long.toString((long) diag[k]) : StanCsv.format(diag[k]));
            }
            for (double v : c.draws()[d]) {
                row.append(',').append(StanCsv.format(v));
            }
            w.write(row.append('\n').toString());
        }
        timing(w, c);
    }

    private static void settings(Writer w, StanChain c, String fileName) throws IOException {
        String[] v = StanCsv.STAN_LAYOUT.split("\\.");
        StanRun r = c.run();
        w.write("# stan_version_major = " + v[0] + "\n");
        w.write("# stan_version_minor = " + v[1] + "\n");
        w.write("# stan_version_patch = " + v[2] + "\n");
        w.write("# model = " + r.model() + "\n");
        w.write("# method = sample (Default)\n");
        w.write("#   sample\n");
        w.write("#     num_samples = " + c.draws().length + "\n");
        w.write("#     num_warmup = " + r.numWarmup() + "\n");
        w.write("#     save_warmup = 0 (Default)\n");
        w.write("#     thin = 1 (Default)\n");
        w.write("#     adapt\n");
        w.write("#       engaged = 1 (Default)\n");
        w.write("#       gamma = 0.05 (Default)\n");
        w.write("#       delta = " + r.adaptDelta() + "\n");
        w.write("#       kappa = 0.75 (Default)\n");
        w.write("#       t0 = 10 (Default)\n");
        w.write("#       init_buffer = 75 (Default)\n");
        w.write("#       term_buffer = 50 (Default)\n");
        w.write("#       window = 25 (Default)\n");
        w.write("#     algorithm = hmc (Default)\n");
        w.write("#       hmc\n");
        w.write("#         engine = nuts (Default)\n");
        w.write("#           nuts\n");
        w.write("#             max_depth = " + r.maxDepth() + "\n");
        w.write("#         metric = diag_e (Default)\n");
        w.write("#         metric_file =  (Default)\n");
        w.write("#         stepsize = 1 (Default)\n");
        w.write("#         stepsize_jitter = 0 (Default)\n");
        w.write("# id = " + c.id() + "\n");
        w.write("# data\n");
        w.write("#   file =  (Default)\n");
        w.write("# init = 2 (Default)\n");
        w.write("# random\n");
        w.write("#   seed = " + r.seed() + "\n");
        w.write("# output\n");
        w.write("#   file = " + fileName + "\n");
        w.write("#   diagnostic_file =  (Default)\n");
        w.write("#   refresh = 100 (Default)\n");
        w.write("#   sig_figs = -1 (Default)\n");
        w.write("# writer = credence " + Versions.of(RunRecord.class) + "\n");
    }

    private static void adaptation(Writer w, StanChain c) throws IOException {
        w.write("# Adaptation terminated\n");
        w.write("# Step size = " + StanCsv.format(c.stepSize()) + "\n");
        w.write("# Diagonal elements of inverse mass matrix:\n");
        StringBuilder sb = new StringBuilder("# ");
        double[] m = c.inverseMetric();
        for (int i = 0; i < m.length; i++) {
            sb.append(i > 0 ? ", " : "").append(StanCsv.format(m[i]));
        }
        w.write(sb.append('\n').toString());
    }

    private static void timing(Writer w, StanChain c) throws IOException {
        double total = c.warmupSeconds() + c.samplingSeconds();
        w.write("# \n");
        w.write("#  Elapsed Time: " + c.warmupSeconds() + " seconds (Warm-up)\n");
        w.write("#                " + c.samplingSeconds() + " seconds (Sampling)\n");
        w.write("#                " + total + " seconds (Total)\n");
        w.write("# \n");
    }
}
