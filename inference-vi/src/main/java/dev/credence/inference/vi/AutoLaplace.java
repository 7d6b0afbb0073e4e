package dev.credence.inference.vi;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.Delta;
import dev.credence.api.dist.Distribution;
import dev.credence.api.infer.Posterior;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.model.Potential;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.NotPositiveDefiniteException;
import dev.credence.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Laplace approximation: a Gaussian on the unconstrained space centred at the mode of the log
 * joint density, with covariance the inverse of minus its Hessian there (MacKay, "A practical
 * Bayesian framework for backpropagation networks", Neural Computation 4, 1992).
 *
 * <p>Fitting is MAP estimation of the flat vector: the guide is a point mass {@code u ~
 * Delta(prefix.loc)}, and since each site's {@link Delta} carries minus its log-Jacobian (see
 * {@link AutoContinuous}), maximising the ELBO maximises {@code log p(x, f(u)) + log|det J_f(u)|},
 * the density on the unconstrained space. {@link #posterior} then differentiates that density twice
 * by autodiff (one forward pass with {@code createGraph}, one backward pass per coordinate),
 * inverts minus the Hessian on the host, and returns an {@link AutoMultivariateNormal} with those
 * moments. It needs a model whose plates do not subsample, since the Hessian is that of the
 * full-data density.
 */
public final class AutoLaplace extends AutoContinuous {
    private final Model model;
    private final RandomKey key;
    private final Tensor initLoc;
    private final AutoMultivariateNormal gaussian;

    /**
     * Builds the guide with prefix {@code auto}.
     *
     * @param model the model
     * @param key the key of the prototype runs
     */
    public AutoLaplace(Model model, RandomKey key) {
        this(model, key, "auto");
    }

    /**
     * Builds the guide.
     *
     * @param model the model
     * @param key the key of the prototype runs
     * @param prefix the prefix of the names
     */
    public AutoLaplace(Model model, RandomKey key, String prefix) {
        super(model, key, prefix);
        this.model = model;
        this.key = key;
        this.initLoc = initialFlatLoc();
        this.gaussian = new AutoMultivariateNormal(model, key, prefix, 1);
    }

    @Override
    protected Distribution latentDistribution(ModelContext ctx) {
        return new Delta(ctx.param(gaussian.locName(), initLoc), 1);
    }

    /**
     * Returns the Gaussian guide that the approximation becomes.
     *
     * @return a guide with the same layout and prefix
     */
    public AutoMultivariateNormal gaussian() {
        return gaussian;
    }

    /**
     * Computes the params of {@link #gaussian()} at a fitted mode.
     *
     * @param params the fitted params (constrained), with {@code prefix.loc} and any of the model's
     *     own
     * @return {@code params} plus {@code prefix.scale_tril}, the Cholesky factor of the inverse of
     *     minus the Hessian
     * @throws IllegalStateException if minus the Hessian is not positive definite
     */
    public Map<String, Tensor> laplaceParams(Map<String, Tensor> params) {
        Tensor loc = params.get(gaussian.locName());
        if (loc == null) {
            throw new IllegalArgumentException(
                    "AutoLaplace: no param '" + gaussian.locName() + "' among " + params.keySet());
        }
        double[][] h = negativeHessian(ParamSpace.bind(model, params), loc.detach());
        int d = h.length;
        double[] flat = new double[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(h[i], 0, flat, i * d, d);
        }
        Tensor precision = Tensor.of(backend(), flat, DType.FLOAT64, d, d);
        Tensor l;
        try {
            l = LinearAlgebra.checkedCholesky(precision);
        } catch (NotPositiveDefiniteException e) {
            throw new IllegalStateException(
                    "AutoLaplace: minus the Hessian of the log density at the fitted mode is not"
                            + " positive definite, so it is not a maximum: fit longer, or check"
                            + " that the posterior is proper",
                    e);
        }
        Tensor covariance = LinearAlgebra.choleskyInverse(l);
        Tensor scaleTril = LinearAlgebra.checkedCholesky(covariance).cast(dtype());
        Map<String, Tensor> out = new LinkedHashMap<>(params);
        out.put(gaussian.scaleTrilName(), scaleTril);
        return out;
    }

    private double[][] negativeHessian(Model bound, Tensor loc) {
        Potential potential = Potential.of(bound, key, variationalRegistry());
        int d = dimension();
        Tensor u = Autodiff.variable(loc);
        Tensor g;
        try {
            g =
                    Autodiff.valueAndGrad(xs -> potential.logDensity(xs.get(0)), List.of(u), true)
                            .grads()
                            .get(0);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "AutoLaplace: the Hessian is that of the full-data log density, so the model"
                            + " must not subsample: "
                            + e.getMessage(),
                    e);
        }
        double[][] h = new double[d][];
        for (int i = 0; i < d; i++) {
            double[] unit = new double[d];
            unit[i] = 1;
            Tensor e = Tensor.of(backend(), unit, dtype(), d);
            h[i] = Autodiff.backward(g, e, List.of(u), false).get(0).toDoubleArray();
        }
        double[][] p = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                p[i][j] = -0.5 * (h[i][j] + h[j][i]);
            }
        }
        return p;
    }

    @Override
    public Posterior posterior(Map<String, Tensor> params, RandomKey summaryKey) {
        return gaussian.posterior(laplaceParams(params), summaryKey);
    }
}
