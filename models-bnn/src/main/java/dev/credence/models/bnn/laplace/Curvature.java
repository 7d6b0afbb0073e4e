package dev.credence.models.bnn.laplace;

import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/**
 * The GGN curvature {@code H} of some weights, stored so that the posterior precision {@code H +
 * delta I} can be used for any prior precision {@code delta}: its log-determinant (for the marginal
 * likelihood), Gaussian draws with covariance {@code (H + delta I)^-1}, and, for the last layer,
 * the covariance of the linearised outputs (the GLM predictive).
 */
sealed interface Curvature permits DenseCurvature, DiagonalCurvature, KroneckerCurvature {

    /** {@return the number of weights covered} */
    int size();

    /** {@return the layers covered, in network order} */
    java.util.List<LayerBlock> blocks();

    /**
     * {@code log det (H + delta I)}.
     *
     * @param delta the prior precision
     * @return the log-determinant
     */
    double logDet(double delta);

    /**
     * Adds a draw from {@code N(0, (H + delta I)^-1)} to the covered weights of a flat vector.
     *
     * @param theta the flat weight vector, changed in place
     * @param key the random key
     * @param delta the prior precision
     */
    void addSample(double[] theta, RandomKey key, double delta);

    /**
     * The covariance of one layer's outputs {@code [a, 1] Theta} at inputs {@code a} under the
     * posterior: {@code J (H + delta I)^-1 J^T} with {@code J} the outputs' Jacobian in Theta.
     *
     * @param inputs the layer's inputs with the bias column, {@code [N, rows]}, FLOAT64
     * @param delta the prior precision
     * @return {@code [N, cols, cols]}
     */
    Tensor outputCovariance(Tensor inputs, double delta);

    /**
     * This piece's part of the covariance of the network's linearised outputs, {@code J (H + delta
     * I)^-1 J^T} with {@code J} the outputs' Jacobian in the covered weights ({@link
     * LinearisedOutputs}).
     *
     * @param j the covered layers' input rows and output gradients at a batch
     * @param delta the prior precision
     * @return {@code [B, K, K]}, FLOAT64
     */
    Tensor logitCovariance(LinearisedOutputs.Jacobians j, double delta);
}
