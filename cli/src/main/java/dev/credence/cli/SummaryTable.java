package dev.credence.cli;

import dev.credence.api.infer.diagnostics.ParameterSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints posterior summaries as Stan and ArviZ do. */
final class SummaryTable {
    private SummaryTable() {}

    static void print(PrintWriter out, List<ParameterSummary> rows) {
        out.printf(
                "%-16s %9s %9s %9s %9s %9s %9s %8s %8s %7s%n",
                "parameter",
                "mean",
                "sd",
                "5%",
                "50%",
                "95%",
                "mcse",
                "ess_bulk",
                "ess_tail",
                "r_hat");
        for (ParameterSummary s : rows) {
            out.printf(
                    Locale.ROOT,
                    "%-16s %9.3f %9.3f %9.3f %9.3f %9.3f %9.4f %8.0f %8.0f %7.3f%n",
                    s.name(),
                    s.mean(),
                    s.sd(),
                    s.q5(),
                    s.q50(),
                    s.q95(),
                    s.mcseMean(),
                    s.essBulk(),
                    s.essTail(),
                    s.rhat());
        }
    }

    static String csv(List<ParameterSummary> rows) {
        StringBuilder sb =
                new StringBuilder(
                        "parameter,mean,sd,q5,q50,q95,mcse_mean,ess_bulk,ess_tail,rhat\n");
        for (ParameterSummary s : rows) {
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "%s,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g%n",
                            s.name(),
                            s.mean(),
                            s.sd(),
                            s.q5(),
                            s.q50(),
                            s.q95(),
                            s.mcseMean(),
                            s.essBulk(),
                            s.essTail(),
                            s.rhat()));
        }
        return sb.toString();
    }
}
