package dev.credence.api.model;

import dev.credence.api.dist.Distribution;
import java.util.Arrays;

/**
 * The handler a {@link Plate} pushes: adds its frame to each site inside, broadcasts random sites'
 * distributions to the subsample size along the plate's axis, and scales their log-probabilities by
 * {@code N / B}.
 */
final class PlateEffect extends Effect {
    private final PlateFrame frame;

    PlateEffect(PlateFrame frame) {
        this.frame = frame;
    }

    @Override
    protected void process(Message m) {
        if (m.kind() == SiteKind.DETERMINISTIC) {
            m.plates().add(0, frame);
            return;
        }
        if (!m.isRandom()) {
            return;
        }
        m.plates().add(0, frame);
        m.multiplyScale(frame.scale());
        m.setDistribution(broadcast(m.name(), m.distribution()));
    }

    private Distribution broadcast(String site, Distribution d) {
        int[] batch = d.batchShape().dims();
        int rank = Math.max(batch.length, -frame.dim());
        int[] want = new int[rank];
        Arrays.fill(want, 1);
        System.arraycopy(batch, 0, want, rank - batch.length, batch.length);
        int axis = rank + frame.dim();
        int b = frame.subsampleSize();
        if (want[axis] == b && rank == batch.length) {
            return d;
        }
        if (want[axis] != 1 && want[axis] != b) {
            throw new IllegalArgumentException(
                    "site '"
                            + site
                            + "' inside plate '"
                            + frame.name()
                            + "' has batch shape "
                            + d.batchShape()
                            + ", whose size "
                            + want[axis]
                            + " at dim "
                            + frame.dim()
                            + " is neither 1 nor the plate's subsample size "
                            + b);
        }
        want[axis] = b;
        return d.expand(want);
    }
}
