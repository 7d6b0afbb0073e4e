/**
 * The posteriordb panel as Credence models: twelve posteriors from posteriordb, each a small class
 * that reads like its Stan program, plus GARCH(1,1) and a correlated regression on simulated data;
 * Stan's JSON data format, posteriordb's reference summaries and the agreement rule that checks a
 * fit against them.
 *
 * <p>The module depends on {@code dev.credence.api} and, for reading Stan's JSON data files, {@code
 * dev.credence.io}; inference algorithms are found at run time through {@link
 * dev.credence.api.infer.Inferences}.
 */
module dev.credence.models.posteriordb {
    requires transitive dev.credence.api;
    requires dev.credence.io;

    exports dev.credence.models.posteriordb;
}
