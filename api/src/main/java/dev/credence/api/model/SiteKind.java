package dev.credence.api.model;

/** What a statement of a model declares. */
public enum SiteKind {
    /** A latent random variable: {@code sample} without a value. */
    SAMPLE,
    /** An observed random variable: {@code observe}, or a latent one conditioned on data. */
    OBSERVE,
    /** A learnable parameter: {@code param}. */
    PARAM,
    /** A named function of other values: {@code deterministic}. */
    DETERMINISTIC,
    /** The entry into a plate, whose value is the subsample of indices. */
    PLATE
}
