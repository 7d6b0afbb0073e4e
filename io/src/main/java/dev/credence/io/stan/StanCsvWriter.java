package dev.credence.io.stan;

import dev.credence.io.RunRecord;
import dev.credence.io.Versions;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the text of one Stan CSV file with Apache Commons CSV; see {@link StanCsv} for the layout.
 * The settings, the adaptation and the timing are {@code #} comments, as CmdStan writes them.
 */
final class StanCsvWriter {
    private static final int INTEGER_FROM = 3; // treedepth__, n_leapfrog__, divergent__
    private static final int INTEGER_TO = 5;

    private StanCsvWriter() {}

    static void write(Writer out, StanChain c, String fileName) throws IOException {
        CSVPrinter p = new CSVPrinter(out, StanCsvReader.FORMAT);
        StringBuilder comments = new StringBuilder();
        settings(comments, c, fileName);
        comment(p, comments);
        List<String> header = new ArrayList<>(StanCsv.DIAGNOSTICS);
        header.addAll(c.names());
        p.printRecord(header);
        adaptation(comments, c);
        comment(p, comments);
        List<String> row = new ArrayList<>();
        for (int d = 0; d < c.draws().length; d++) {
            row.clear();
            double[] diag = c.diagnostics()[d];
            for (int k = 0; k < diag.length; k++) {
                boolean integer = k >= INTEGER_FROM && k <= INTEGER_TO;
                row.add(integer ? Long.toString((long) diag[k]) : StanCsv.format(diag[k]));
            }
            for (double v : c.draws()[d]) {
                row.add(StanCsv.format(v));
            }
            p.printRecord(row);
        }
        timing(comments, c);
        comment(p, comments);
        p.flush();
    }

    /** Prints each line of the buffer as a comment and empties it. */
    private static void comment(CSVPrinter p, StringBuilder lines) throws IOException {
        for (String line : lines.toString().split("\n", -1)) {
            if (!line.isEmpty()) {
                p.printComment(line.equals("#") ? "" : line.substring(2));
            }
        }
        lines.setLength(0);
    }

    private static void settings(StringBuilder w, StanChain c, String fileName) {
        String[] v = StanCsv.STAN_LAYOUT.split("\\.");
        StanRun r = c.run();
        w.append("# stan_version_major = " + v[0] + "\n");
        w.append("# stan_version_minor = " + v[1] + "\n");
        w.append("# stan_version_patch = " + v[2] + "\n");
        w.append("# model = " + r.model() + "\n");
        w.append("# method = sample (Default)\n");
        w.append("#   sample\n");
        w.append("#     num_samples = " + c.draws().length + "\n");
        w.append("#     num_warmup = " + r.numWarmup() + "\n");
        w.append("#     save_warmup = 0 (Default)\n");
        w.append("#     thin = 1 (Default)\n");
        w.append("#     adapt\n");
        w.append("#       engaged = 1 (Default)\n");
        w.append("#       gamma = 0.05 (Default)\n");
        w.append("#       delta = " + r.adaptDelta() + "\n");
        w.append("#       kappa = 0.75 (Default)\n");
        w.append("#       t0 = 10 (Default)\n");
        w.append("#       init_buffer = 75 (Default)\n");
        w.append("#       term_buffer = 50 (Default)\n");
        w.append("#       window = 25 (Default)\n");
        w.append("#     algorithm = hmc (Default)\n");
        w.append("#       hmc\n");
        w.append("#         engine = nuts (Default)\n");
        w.append("#           nuts\n");
        w.append("#             max_depth = " + r.maxDepth() + "\n");
        w.append("#         metric = diag_e (Default)\n");
        w.append("#         metric_file =  (Default)\n");
        w.append("#         stepsize = 1 (Default)\n");
        w.append("#         stepsize_jitter = 0 (Default)\n");
        w.append("# id = " + c.id() + "\n");
        w.append("# data\n");
        w.append("#   file =  (Default)\n");
        w.append("# init = 2 (Default)\n");
        w.append("# random\n");
        w.append("#   seed = " + r.seed() + "\n");
        w.append("# output\n");
        w.append("#   file = " + fileName + "\n");
        w.append("#   diagnostic_file =  (Default)\n");
        w.append("#   refresh = 100 (Default)\n");
        w.append("#   sig_figs = -1 (Default)\n");
        w.append("# writer = credence " + Versions.of(RunRecord.class) + "\n");
    }

    private static void adaptation(StringBuilder w, StanChain c) {
        w.append("# Adaptation terminated\n");
        w.append("# Step size = " + StanCsv.format(c.stepSize()) + "\n");
        w.append("# Diagonal elements of inverse mass matrix:\n");
        StringBuilder sb = new StringBuilder("# ");
        double[] m = c.inverseMetric();
        for (int i = 0; i < m.length; i++) {
            sb.append(i > 0 ? ", " : "").append(StanCsv.format(m[i]));
        }
        w.append(sb.append('\n'));
    }

    private static void timing(StringBuilder w, StanChain c) {
        double total = c.warmupSeconds() + c.samplingSeconds();
        w.append("#\n");
        w.append("#  Elapsed Time: " + c.warmupSeconds() + " seconds (Warm-up)\n");
        w.append("#                " + c.samplingSeconds() + " seconds (Sampling)\n");
        w.append("#                " + total + " seconds (Total)\n");
        w.append("#\n");
    }
}
