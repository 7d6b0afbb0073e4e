package dev.credence.models.bnn.laplace;

import java.util.Locale;

/**
 * Which Laplace approximation to build (Daxberger, Kristiadi, Immer, Eschenhagen, Bauer and Hennig,
 * "Laplace Redux: Effortless Bayesian Deep Learning", NeurIPS 2021, section 2):
 *
 * <ul>
 *   <li>the weights it covers: the {@link Subset#LAST_LAYER last layer} (the others stay at the MAP
 *       estimate) or {@link Subset#ALL all} of them;
 *   <li>the structure of the generalised Gauss-Newton (GGN) curvature: {@link Structure#FULL}
 *       (dense, for the last layer or small networks), {@link Structure#DIAGONAL}, or {@link
 *       Structure#KFAC} (one Kronecker product per layer, Martens and Grosse 2015; for
 *       convolutions, Grosse and Martens 2016);
 *   <li>the prior precision {@code delta} of the isotropic Gaussian prior {@code N(0, I / delta)}:
 *       given, or tuned by maximising the Laplace approximation of the marginal likelihood (NaN);
 *   <li>when tuned, whether one precision serves every weight ({@link PriorStructure#SCALAR}) or
 *       each layer gets its own ({@link PriorStructure#LAYERWISE}, Immer et al. 2021, "Scalable
 *       marginal likelihood estimation for model selection in deep learning"): a layer whose
 *       weights are large and barely constrained by the data then no longer drags the precision of
 *       the others down;
 *   <li>whether the GGN's output curvature is exact (every class's square-root column) or a Monte
 *       Carlo estimate with one sampled label per example (the "Fisher with sampled labels",
 *       unbiased and K times cheaper).
 * </ul>
 *
 * @param subset the weights covered
 * @param structure the curvature's structure
 * @param priorPrecision the prior precision, positive, or NaN to tune it
 * @param exact whether the output curvature is computed exactly
 * @param batchSize examples per curvature batch, at least 1
 * @param priorStructure one tuned precision for all weights, or one per layer
 */
public record LaplaceSettings(
        Subset subset,
        Structure structure,
        double priorPrecision,
        boolean exact,
        int batchSize,
        PriorStructure priorStructure) {

    /** The weights a Laplace approximation covers. */
    public enum Subset {
        /** The last linear layer only. */
        LAST_LAYER,
        /** Every weight. */
        ALL
    }

    /** The structure of the curvature. */
    public enum Structure {
        /** Dense. */
        FULL,
        /** Diagonal. */
        DIAGONAL,
        /** A Kronecker product per layer. */
        KFAC
    }

    /** How many prior precisions the marginal likelihood tunes. */
    public enum PriorStructure {
        /** One precision for every covered weight. */
        SCALAR,
        /** One precision per layer (weight and bias together). */
        LAYERWISE
    }

    /**
     * Validates the settings.
     *
     * @param subset the weights covered
     * @param structure the structure
     * @param priorPrecision positive, or NaN to tune
     * @param exact whether the output curvature is exact
     * @param batchSize examples per batch
     * @param priorStructure one tuned precision, or one per layer
     */
    public LaplaceSettings {
        if (subset == null || structure == null || priorStructure == null) {
            throw new IllegalArgumentException(
                    "Laplace: subset, structure and prior structure are required");
        }
        if (priorStructure == PriorStructure.LAYERWISE
                && structure == Structure.FULL
                && subset == Subset.ALL) {
            throw new IllegalArgumentException(
                    "Laplace: per-layer prior precisions need the diag or kfac structure (a dense"
                            + " curvature over all weights couples the layers' precisions)");
        }
        if (!Double.isNaN(priorPrecision) && !(priorPrecision > 0 && priorPrecision < 1e300)) {
            throw new IllegalArgumentException(
                    "Laplace: the prior precision must be positive and finite (or NaN to tune it),"
                            + " found "
                            + priorPrecision);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "Laplace: the batch size must be >= 1, found " + batchSize);
        }
    }

    /**
     * Settings with one prior precision for all weights.
     *
     * @param subset the weights covered
     * @param structure the structure
     * @param priorPrecision positive, or NaN to tune
     * @param exact whether the output curvature is exact
     * @param batchSize examples per batch
     */
    public LaplaceSettings(
            Subset subset,
            Structure structure,
            double priorPrecision,
            boolean exact,
            int batchSize) {
        this(subset, structure, priorPrecision, exact, batchSize, PriorStructure.SCALAR);
    }

    /**
     * The last-layer Laplace approximation of Laplace Redux's recommendation: dense GGN, exact,
     * prior precision tuned by the marginal likelihood.
     *
     * @return the settings
     */
    public static LaplaceSettings lastLayer() {
        return new LaplaceSettings(Subset.LAST_LAYER, Structure.FULL, Double.NaN, true, 256);
    }

    /**
     * The all-weights KFAC Laplace approximation with sampled labels and a tuned prior.
     *
     * @return the settings
     */
    public static LaplaceSettings kfac() {
        return new LaplaceSettings(Subset.ALL, Structure.KFAC, Double.NaN, false, 128);
    }

    /**
     * Parses a subset name ({@code last-layer} or {@code all}).
     *
     * @param s the name
     * @return the subset
     */
    public static Subset subset(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "last-layer", "lastlayer", "last" -> Subset.LAST_LAYER;
            case "all", "full-network" -> Subset.ALL;
            default ->
                    throw new IllegalArgumentException(
                            "unknown Laplace subset '" + s + "'; known: last-layer, all");
        };
    }

    /**
     * Parses a prior structure name ({@code scalar} or {@code layerwise}).
     *
     * @param s the name
     * @return the prior structure
     */
    public static PriorStructure priorStructure(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "scalar", "isotropic" -> PriorStructure.SCALAR;
            case "layerwise", "layer", "per-layer" -> PriorStructure.LAYERWISE;
            default ->
                    throw new IllegalArgumentException(
                            "unknown prior structure '" + s + "'; known: scalar, layerwise");
        };
    }

    /**
     * Parses a structure name ({@code full}, {@code diag} or {@code kfac}).
     *
     * @param s the name
     * @return the structure
     */
    public static Structure structure(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "full", "dense" -> Structure.FULL;
            case "diag", "diagonal" -> Structure.DIAGONAL;
            case "kfac", "kron" -> Structure.KFAC;
            default ->
                    throw new IllegalArgumentException(
                            "unknown Hessian structure '" + s + "'; known: full, diag, kfac");
        };
    }
}
