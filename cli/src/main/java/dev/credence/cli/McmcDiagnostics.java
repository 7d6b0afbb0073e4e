package dev.credence.cli;

import dev.credence.api.infer.Draws;
import dev.credence.api.infer.diagnostics.ParameterSummary;
import java.util.List;
import java.util.Locale;

/**
 * One line on the convergence of MCMC draws with many parameters (the weights of a network), where
 * a table row per parameter would drown the reader: the worst R-hat, the smallest ESS, the
 * divergences and the E-BFMI of each chain.
 */
final class McmcDiagnostics {
    private McmcDiagnostics() {}

    static String line(Draws d) {
        List<ParameterSummary> rows = d.summary();
        ParameterSummary worstRhat = rows.get(0);
        ParameterSummary worstEss = rows.get(0);
        for (ParameterSummary s : rows) {
            if (!(s.rhat() <= worstRhat.rhat())) {
                worstRhat = s;
            }
            if (!(Math.min(s.essBulk(), s.essTail())
                    >= Math.min(worstEss.essBulk(), worstEss.essTail()))) {
                worstEss = s;
            }
        }
        StringBuilder sb =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "MCMC diagnostics over %d parameters, %d chains x %d draws: max"
                                        + " R-hat %.3f (%s), min ESS bulk %.0f / tail %.0f (%s),"
                                        + " divergences %d",
                                rows.size(),
                                d.chains(),
                                d.drawsPerChain(),
                                worstRhat.rhat(),
                                worstRhat.name(),
                                worstEss.essBulk(),
                                worstEss.essTail(),
                                worstEss.name(),
                                d.divergences()));
        double[] e = d.ebfmi();
        if (e.length > 0) {
            sb.append(", E-BFMI");
            for (double v : e) {
                sb.append(String.format(Locale.ROOT, " %.2f", v));
            }
        }
        return sb.toString();
    }
}
