package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.ImproperUniform;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.tensor.Tensor;

/**
 * posteriordb {@code mesquite-logmesquite_logvash}: the log weight of mesquite bushes on log canopy
 * volume, area and shape, log total height and the group (Gelman and Hill, chapter 4), flat priors.
 *
 * <pre>
 * transformed data {
 *   log_weight = log(weight);
 *   log_canopy_volume = log(diam1 .* diam2 .* canopy_height);
 *   log_canopy_area = log(diam1 .* diam2);
 *   log_canopy_shape = log(diam1 ./ diam2);
 *   log_total_height = log(total_height);
 * }
 * parameters { vector[6] beta; real&lt;lower=0&gt; sigma; }
 * model {
 *   log_weight ~ normal(beta[1] + beta[2] * log_canopy_volume + beta[3] * log_canopy_area
 *                       + beta[4] * log_canopy_shape + beta[5] * log_total_height
 *                       + beta[6] * group, sigma);
 * }
 * </pre>
 */
public final class LogmesquiteLogvash implements Model {
    private final Tensor logWeight;
    private final Tensor design;

    /**
     * Creates the model from the raw measurements.
     *
     * @param b the backend
     * @param weight the bushes' weights
     * @param diam1 the canopies' long diameters
     * @param diam2 the canopies' short diameters
     * @param canopyHeight the canopies' heights
     * @param totalHeight the bushes' heights
     * @param group the group (0 or 1)
     */
    public LogmesquiteLogvash(
            Backend b,
            double[] weight,
            double[] diam1,
            double[] diam2,
            double[] canopyHeight,
            double[] totalHeight,
            double[] group) {
        int n = weight.length;
        double[] logWeight = new double[n];
        double[] volume = new double[n];
        double[] area = new double[n];
        double[] shape = new double[n];
        double[] height = new double[n];
        for (int i = 0; i < n; i++) {
            logWeight[i] = Math.log(weight[i]);
            volume[i] = Math.log(diam1[i] * diam2[i] * canopyHeight[i]);
            area[i] = Math.log(diam1[i] * diam2[i]);
            shape[i] = Math.log(diam1[i] / diam2[i]);
            height[i] = Math.log(totalHeight[i]);
        }
        this.logWeight = Tensor.of(b, logWeight);
        this.design = Design.withIntercept(b, volume, area, shape, height, group);
    }

    /**
     * Creates the model from posteriordb's data.
     *
     * @param b the backend
     * @param d the data ({@code weight, diam1, diam2, canopy_height, total_height, group})
     * @return the model
     */
    public static LogmesquiteLogvash of(Backend b, PosteriorData d) {
        return new LogmesquiteLogvash(
                b,
                d.reals("weight"),
                d.reals("diam1"),
                d.reals("diam2"),
                d.reals("canopy_height"),
                d.reals("total_height"),
                d.reals("group"));
    }

    @Override
    public void run(ModelContext ctx) {
        Backend b = logWeight.backend();
        Tensor beta = ctx.sample("beta", ImproperUniform.of(b, Constraints.real(), 6));
        Tensor sigma = ctx.sample("sigma", ImproperUniform.of(b, Constraints.positive()));
        ctx.observe("log_weight", new Normal(design.matmul(beta), sigma), logWeight);
    }
}
