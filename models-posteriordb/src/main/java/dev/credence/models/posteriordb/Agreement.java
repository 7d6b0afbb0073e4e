package dev.credence.models.posteriordb;

import dev.credence.api.infer.Draws;
import dev.credence.api.infer.diagnostics.ParameterSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a fit's draws agree with a posteriordb reference, by the panel's rule: a parameter agrees
 * when, with {@code ESS} the bulk effective sample size of our own draws,
 *
 * <pre>
 * |mean - ref_mean| &lt;= 4 ref_sd sqrt(1/ESS + 1e-4)   and   |sd / ref_sd - 1| &lt;= 4 sqrt(1/(2 ESS)) + 0.02.
 * </pre>
 *
 * The first bound is four Monte Carlo standard errors of our mean plus a floor for the reference's
 * own error (its 10,000 draws); the second is four standard errors of a standard deviation estimate
 * plus two percent. Fewer draws give looser bounds, so a short run in CI is checked as honestly as
 * a long one.
 *
 * @param rows one verdict per reference parameter, in the reference's order
 */
public record Agreement(List<Verdict> rows) {

    /**
     * The verdict on one parameter.
     *
     * @param param the Stan name
     * @param mean our mean
     * @param sd our standard deviation
     * @param essBulk our bulk ESS
     * @param rhat our R-hat
     * @param refMean the reference mean
     * @param refSd the reference standard deviation
     * @param meanOk whether the mean is within its bound
     * @param sdOk whether the standard deviation is within its bound
     */
    public record Verdict(
            String param,
            double mean,
            double sd,
            double essBulk,
            double rhat,
            double refMean,
            double refSd,
            boolean meanOk,
            boolean sdOk) {

        /**
         * Tells whether both bounds hold.
         *
         * @return true if the parameter agrees
         */
        public boolean agrees() {
            return meanOk && sdOk;
        }

        /**
         * The mean's error in units of its bound ({@code <= 1} agrees).
         *
         * @return {@code |mean - ref_mean| / bound}
         */
        public double meanError() {
            return Math.abs(mean - refMean) / meanBound(refSd, essBulk);
        }

        /**
         * The standard deviation's error in units of its bound ({@code <= 1} agrees).
         *
         * @return {@code |sd / ref_sd - 1| / bound}
         */
        public double sdError() {
            return Math.abs(sd / refSd - 1) / sdBound(essBulk);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%s%s mean %.5g (ref %.5g, %.2f of bound) sd %.5g (ref %.5g, %.2f of bound)"
                            + " ess_bulk %.0f rhat %.3f",
                    agrees() ? "" : "DISAGREES ",
                    param,
                    mean,
                    refMean,
                    meanError(),
                    sd,
                    refSd,
                    sdError(),
                    essBulk,
                    rhat);
        }
    }

    /**
     * Copies the verdicts.
     *
     * @param rows one verdict per reference parameter
     */
    public Agreement {
        rows = List.copyOf(rows);
    }

    /**
     * The bound on the mean's error.
     *
     * @param refSd the reference standard deviation
     * @param ess our bulk ESS
     * @return {@code 4 ref_sd sqrt(1/ESS + 1e-4)}
     */
    public static double meanBound(double refSd, double ess) {
        return 4 * refSd * Math.sqrt(1 / ess + 1e-4);
    }

    /**
     * The bound on the standard deviation's relative error.
     *
     * @param ess our bulk ESS
     * @return {@code 4 sqrt(1/(2 ESS)) + 0.02}
     */
    public static double sdBound(double ess) {
        return 4 * Math.sqrt(1 / (2 * ess)) + 0.02;
    }

    /**
     * Checks draws against a reference. Every reference parameter must be among the draws (latent
     * or deterministic sites, with Stan's names).
     *
     * @param draws our draws
     * @param reference the reference summary
     * @return the verdicts
     * @throws IllegalArgumentException naming a reference parameter the draws lack
     */
    public static Agreement check(Draws draws, ReferenceSummary reference) {
        Map<String, ReferenceSummary.Row> ref = reference.byParam();
        List<Verdict> out = new ArrayList<>();
        for (ReferenceSummary.Row r : ref.values()) {
            if (!draws.parameterNames().contains(r.param())) {
                throw new IllegalArgumentException(
                        "the draws have no parameter '"
                                + r.param()
                                + "' of the reference "
                                + reference.source()
                                + "; they have "
                                + draws.parameterNames());
            }
            ParameterSummary s = ParameterSummary.of(r.param(), draws.parameter(r.param()));
            out.add(verdict(r, s.mean(), s.sd(), s.essBulk(), s.rhat()));
        }
        return new Agreement(out);
    }

    /**
     * Applies the rule to one parameter.
     *
     * @param ref the reference row
     * @param mean our mean
     * @param sd our standard deviation
     * @param essBulk our bulk ESS
     * @param rhat our R-hat (reported, not part of the rule)
     * @return the verdict
     */
    public static Verdict verdict(
            ReferenceSummary.Row ref, double mean, double sd, double essBulk, double rhat) {
        boolean meanOk = Math.abs(mean - ref.mean()) <= meanBound(ref.sd(), essBulk);
        boolean sdOk = Math.abs(sd / ref.sd() - 1) <= sdBound(essBulk);
        return new Verdict(
                ref.param(), mean, sd, essBulk, rhat, ref.mean(), ref.sd(), meanOk, sdOk);
    }

    /**
     * Tells whether every parameter agrees.
     *
     * @return true if all verdicts agree
     */
    public boolean allAgree() {
        return rows.stream().allMatch(Verdict::agrees);
    }

    /**
     * Returns the verdicts that disagree.
     *
     * @return the failures
     */
    public List<Verdict> failures() {
        return rows.stream().filter(v -> !v.agrees()).toList();
    }

    /**
     * The smallest bulk ESS over the reference parameters.
     *
     * @return the minimum
     */
    public double minEssBulk() {
        return rows.stream().mapToDouble(Verdict::essBulk).min().orElse(Double.NaN);
    }

    /**
     * The largest R-hat over the reference parameters.
     *
     * @return the maximum
     */
    public double maxRhat() {
        return rows.stream().mapToDouble(Verdict::rhat).max().orElse(Double.NaN);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(allAgree() ? "agrees" : "DISAGREES")
                .append(" (")
                .append(rows.size() - failures().size())
                .append("/")
                .append(rows.size())
                .append(")");
        for (Verdict v : rows) {
            sb.append("\n  ").append(v);
        }
        return sb.toString();
    }
}
