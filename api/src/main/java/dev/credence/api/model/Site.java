package dev.credence.api.model;

import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.tensor.Tensor;
import java.util.List;

/**
 * One recorded statement of a model run: what {@link Handlers#trace} keeps.
 *
 * @param name the site name, unique within a run
 * @param kind what the statement declared
 * @param distribution the distribution, broadcast over the enclosing plates (null for {@code
 *     PARAM}, {@code DETERMINISTIC} and {@code PLATE} sites)
 * @param value the value the site took (null for {@code PLATE} sites)
 * @param scale the factor on the site's log-probability (plate subsampling {@code N / B} times any
 *     {@code scale} handlers)
 * @param mask a BOOL mask of the log-probability terms that count, or null for all
 * @param plates the enclosing plates, outermost first; for a {@code PLATE} site, the plate itself
 * @param constraint the constraint of a {@code PARAM} site, else null
 */
public record Site(
        String name,
        SiteKind kind,
        Distribution distribution,
        Tensor value,
        double scale,
        Tensor mask,
        List<PlateFrame> plates,
        Constraint constraint) {

    /**
     * Tells whether the site is an observed random variable.
     *
     * @return true for {@code OBSERVE}
     */
    public boolean isObserved() {
        return kind == SiteKind.OBSERVE;
    }

    /**
     * Tells whether the site is a latent random variable.
     *
     * @return true for {@code SAMPLE}
     */
    public boolean isLatent() {
        return kind == SiteKind.SAMPLE;
    }

    /**
     * Returns the subsample a {@code PLATE} site drew.
     *
     * @return the indices, or null when the whole plate was used
     */
    public int[] subsample() {
        if (kind != SiteKind.PLATE) {
            throw new IllegalStateException("site '" + name + "' is a " + kind + ", not a plate");
        }
        return plates.get(0).indices();
    }

    /**
     * Returns the scaled, masked log-probability of each event.
     *
     * @return {@code scale * where(mask, log p(value), 0)}
     * @throws IllegalStateException for sites that are not random variables
     */
    public Tensor logProb() {
        if (kind != SiteKind.SAMPLE && kind != SiteKind.OBSERVE) {
            throw new IllegalStateException(
                    "site '" + name + "' is a " + kind + " site and has no log-probability");
        }
        return weigh(distribution.logProb(value), scale, mask);
    }

    /**
     * Returns the scaled, masked log-probability summed over all events.
     *
     * @return a scalar
     */
    public Tensor logProbSum() {
        return logProb().sum();
    }

    static Tensor weigh(Tensor logProb, double scale, Tensor mask) {
        Tensor lp = logProb;
        if (mask != null) {
            lp = Tensor.where(mask, lp, lp.zerosLike());
        }
        return scale == 1 ? lp : lp.mul(scale);
    }
}
