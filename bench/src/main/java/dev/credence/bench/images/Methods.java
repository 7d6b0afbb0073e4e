package dev.credence.bench.images;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The methods of the image benchmark, one entry each, all trained with the same budget: {@code
 * epochs} passes over the training subset with minibatches of {@code batch} (methods that train
 * several networks, the ensemble and MultiSWAG, spend that budget per network). SWAG's SGD phase
 * and Laplace's curvature pass come on top of their MAP pretraining, and every method's training
 * cost is measured as wall time.
 */
public final class Methods {
    private Methods() {}

    /**
     * The benchmark's table of methods for one network. The settings validated on each network
     * differ in three places: SWAG's covariance scale (16 on the MLP, 4 on the CNN), the prior
     * precision of K-FAC Laplace at the SWA mean (the MLP runs 10 and 30, the CNN 100) and
     * cSG-MCMC's starting radius (0.05 on the MLP, 0.2 on the CNN); all were chosen on validation
     * images carved from the training split (models-bnn/README.md).
     *
     * @param arch the network, {@code mlp} or {@code cnn}
     * @param epochs epochs of (pre)training
     * @param batch the minibatch size
     * @param lr Adam's step size for the networks trained to a point (MAP, MC dropout, the
     *     ensemble's members, Laplace's MAP network and BBB's MOPED start); SWAG's family keeps
     *     {@link #SWAG_PRETRAIN_LR}
     * @param swagEpochs epochs of SWAG's SGD phase
     * @param trainSize the training images (sets cSG-MCMC's step size)
     * @return the methods, by label
     */
    public static Map<String, Method> all(
            String arch, int epochs, int batch, double lr, int swagEpochs, int trainSize) {
        boolean cnn = arch.equals("cnn");
        Map<String, String> base =
                Map.of("epochs", "" + epochs, "batch-size", "" + batch, "lr", "" + lr);
        List<Method> m = new ArrayList<>();
        m.add(new Method("MAP", "map", base, false, true));
        m.add(new Method("MC dropout", "mcdropout", with(base, "dropout", "0.1"), true, true));
        m.add(
                new Method(
                        "Deep ensemble (5)", "ensemble", with(base, "members", "5"), false, false));
        Map<String, String> bbb =
                with(base, "lr", "0.01", "lr-final", "0.001", "moped", "true", "moped-lr", "" + lr);
        m.add(new Method("BBB (mean field)", "svi", bbb, true, true));
        // Blundell et al.'s scale-mixture prior (pi 0.5, sigma 1 and e^-6): the best validation
        // NLL among N(0, 1), N(0, 0.1^2), a fan-in prior, a learned scale and this
        // (models-bnn/README.md).
        m.add(
                new Method(
                        "BBB (mean field), scale-mixture prior",
                        "svi",
                        with(bbb, Method.PRIOR, "mixture:0.5:1:0.0025"),
                        true,
                        true));
        // SWAG's family pretrains at Adam 0.01, where its validation NLL is better than at the
        // MAP network's 0.001 (models-bnn/README.md); the other methods use the given rate.
        Map<String, String> swag =
                with(
                        base,
                        "lr",
                        SWAG_PRETRAIN_LR,
                        "swag-epochs",
                        "" + swagEpochs,
                        "swag-lr",
                        "0.01",
                        "swag-collect",
                        "4");
        // SWAG's covariance times 16 on the MLP: the best validation NLL over scales 1 to 64 (the
        // SGD phase's iterates at 0.01 spread too little; at scale 1 SWAG is over-confident). On
        // the CNN, with one SGD epoch, 4 (the best validation NLL and ECE over 1, 4 and 16).
        Map<String, String> swagPosterior = with(swag, "swag-scale", cnn ? "4" : "16");
        m.add(new Method("SWAG", "swag", swagPosterior, true, true));
        m.add(
                new Method(
                        "MultiSWAG (5)",
                        "multiswag",
                        with(swagPosterior, "members", "5"),
                        true,
                        false));
        m.add(
                new Method(
                        "Last-layer Laplace",
                        "laplace",
                        // prior precision 100: the best validation NLL over 10, 100, 1000 and the
                        // evidence's choice (which is under-confident here)
                        with(base, "hessian", "kfac", "prior-precision", "100"),
                        true,
                        true));
        // K-FAC over all weights, linearised (probit) predictive. Prior precision 300: the best
        // validation NLL over 30, 100, 300 and 1000 on the Adam-0.001 networks (10,000 training
        // images, 10 epochs, 2,000 validation images carved from the training split, seeds 1-2;
        // models-bnn/README.md). The marginal likelihood's own choice is the next row.
        m.add(
                new Method(
                        "KFAC Laplace",
                        "laplace",
                        with(base, "subset", "all", "hessian", "kfac", "prior-precision", "300"),
                        true,
                        true));
        m.add(
                new Method(
                        "KFAC Laplace, evidence prior",
                        "laplace",
                        with(base, "subset", "all", "hessian", "kfac"),
                        true,
                        true));
        // One prior precision per layer, each maximising its layer's part of the evidence
        // (Immer et al. 2021).
        m.add(
                new Method(
                        "KFAC Laplace, layerwise evidence prior",
                        "laplace",
                        with(
                                base,
                                "subset",
                                "all",
                                "hessian",
                                "kfac",
                                "prior-structure",
                                "layerwise"),
                        true,
                        true));
        // K-FAC Laplace at the SWA mean instead of the MAP network: SWAG's SGD phase finds a
        // better-generalising mode, Laplace adds the curvature's uncertainty around it; the cost is
        // SWAG's plus one curvature pass. On the MLP, prior precisions 10 and 30 from validation
        // over 10, 30, 100, the evidence and per-layer evidence: 30 has the best validation NLL,
        // 10 the best OOD AUROC at an NLL still level with the ensemble's. On the CNN, 100 from
        // 30, 100 and 300 (100 and 300 tie on NLL; 100 has the better ECE and AUROC).
        for (String delta : cnn ? List.of("100") : List.of("10", "30")) {
            m.add(
                    new Method(
                            "SWA + KFAC Laplace, prior " + delta,
                            "laplace",
                            with(
                                    swag,
                                    "pretrain",
                                    "swa",
                                    "subset",
                                    "all",
                                    "hessian",
                                    "kfac",
                                    "prior-precision",
                                    delta),
                            true,
                            true));
        }
        // The same approximation predicting by weight sampling instead of the linearised
        // predictive above: far from what the Gaussian describes (models-bnn/README.md), so it is
        // run only when asked for (--methods kfac-laplace-sampled).
        m.add(
                new Method(
                        "KFAC Laplace, sampled",
                        "laplace",
                        with(base, "subset", "all", "hessian", "kfac", "predictive", "sample"),
                        true,
                        true));
        // Cyclical SGHMC (Zhang et al. 2020) on the same epoch budget: with a few epochs, one
        // cosine cycle over the whole budget (several short cycles never leave the start), its
        // last 30% sampling and three draws at its end; step size 0.1 on the mean loss (the
        // provider's steps are on the whole log density, so 0.1 / N), friction 0.1, starts as
        // small as Glorot's (MLP; chosen among six settings tried on seed 1). The CNN starts at
        // radius 0.2: from 0.05 its chain stays near a poor start; 0.1, 0.15, 0.2, 0.3 and 0.5
        // were validated and 0.3 and above diverged (models-bnn/README.md).
        m.add(
                new Method(
                        "cSG-MCMC",
                        "csgmcmc",
                        Map.of(
                                "batch-size",
                                "" + batch,
                                "cycles",
                                "1",
                                "cycle-epochs",
                                "" + epochs,
                                "samples-per-cycle",
                                "3",
                                "exploration",
                                "0.7",
                                "step-size",
                                "" + 0.1 / trainSize,
                                "init-radius",
                                cnn ? "0.2" : "0.05"),
                        true,
                        true));
        // An IAF flow over all weights needs MADE layers at least as wide as the weights: run it
        // only with --methods flow-vi on a small network.
        m.add(
                new Method(
                        "Flow VI (IAF)",
                        "svi",
                        with(base, "guide", "iaf", "lr", "0.01", "lr-final", "0.001"),
                        true,
                        true));
        Map<String, Method> out = new LinkedHashMap<>();
        for (Method x : m) {
            out.put(key(x.label()), x);
        }
        return out;
    }

    /** Adam's step size of the pretraining of SWAG, MultiSWAG and Laplace at the SWA mean. */
    static final String SWAG_PRETRAIN_LR = "0.01";

    /**
     * The method whose random key a method's fit uses: the Laplace rows take the MAP row's key, so
     * that each approximates the very network of the MAP row (and Laplace at the SWA mean the SWAG
     * row's run); the difference between the rows is then the approximation's alone.
     *
     * @param method a method's key
     * @return the key of the method it is paired with, or its own
     */
    static String keyOf(String method) {
        if (method.startsWith("swa-kfac-laplace")) {
            return "swag";
        }
        return method.contains("laplace") ? "map" : method;
    }

    /** The keys of methods run only when named with {@code --methods}. */
    public static final java.util.Set<String> ON_REQUEST =
            java.util.Set.of("flow-vi", "kfac-laplace-sampled");

    /**
     * The table with some options changed.
     *
     * @param table the methods by key
     * @param settings {@code key.option=value} pairs separated by commas ({@code key.option=}
     *     removes the option, so that its default applies)
     * @return a new table
     */
    public static Map<String, Method> override(Map<String, Method> table, String settings) {
        Map<String, Method> out = new LinkedHashMap<>(table);
        for (String s : settings.split(",")) {
            int dot = s.indexOf('.');
            int eq = s.indexOf('=');
            Method m = dot < 0 || eq < dot ? null : out.get(s.substring(0, dot));
            if (m == null) {
                throw new IllegalArgumentException(
                        "--set: expected method.option=value with a method of "
                                + out.keySet()
                                + ", found '"
                                + s
                                + "'");
            }
            Map<String, String> options = with(m.options());
            if (eq == s.length() - 1) {
                options.remove(s.substring(dot + 1, eq));
            } else {
                options.put(s.substring(dot + 1, eq), s.substring(eq + 1));
            }
            out.put(
                    s.substring(0, dot),
                    new Method(m.label(), m.inference(), options, m.bayesian(), m.singleModel()));
        }
        return out;
    }

    /** The short key of a label: lower case, letters and digits. */
    static String key(String label) {
        String k = label.toLowerCase(java.util.Locale.ROOT).replaceAll("\\(.*\\)", "");
        return k.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static Map<String, String> with(Map<String, String> base, String... kv) {
        Map<String, String> m = new LinkedHashMap<>(base);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
