package dev.credence.api.model;

import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.bijector.Bijector;
import dev.credence.api.tensor.Tensor;

/**
 * The handler that evaluates a {@link Potential}: outermost on the stack, it gives each latent site
 * its value from a slice of the flat vector (through the bijection onto the site's support, adding
 * the log-determinant), and adds up the weighted log-probabilities of all random sites.
 */
final class PotentialEffect extends Effect {
    private final Potential potential;
    private final Tensor flat;
    private Tensor total;
    private int seen;

    PotentialEffect(Potential potential, Tensor flat) {
        this.potential = potential;
        this.flat = flat;
        this.total = flat.scalarLike(0);
    }

    @Override
    protected void process(Message m) {
        if (m.kind() != SiteKind.SAMPLE || m.value() != null) {
            return;
        }
        Potential.LatentSite s = potential.site(m.name());
        if (s == null) {
            throw new IllegalStateException(
                    "latent site '"
                            + m.name()
                            + "' was not in the model when the potential was built; models"
                            + " whose latent sites change from run to run are not supported");
        }
        Distribution d = m.distribution();
        Tensor u = flat.narrow(0, s.offset(), s.offset() + s.size());
        u = u.reshape(s.unconstrainedShape().dims());
        Bijector b = potential.registry().get(d.support());
        Tensor y = b.forward(u);
        m.setValue(y);
        total = total.add(b.logAbsDetJacobian(u, y).sum());
        seen++;
    }

    @Override
    protected void postprocess(Message m) {
        if (m.isRandom()) {
            Tensor lp = m.distribution().logProb(m.value());
            total = total.add(Site.weigh(lp, m.scale(), m.mask()).sum());
        }
    }

    void checkAllSeen() {
        if (seen != potential.sites().size()) {
            throw new IllegalStateException(
                    "the model reached "
                            + seen
                            + " of its "
                            + potential.sites().size()
                            + " latent sites "
                            + potential.sites().stream().map(Potential.LatentSite::name).toList()
                            + "; models whose latent sites change from run to run are not"
                            + " supported");
        }
    }

    Tensor total() {
        return total;
    }
}
