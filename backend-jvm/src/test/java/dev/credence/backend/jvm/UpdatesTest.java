package dev.credence.backend.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.Updates;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * This backend's optimizer primitives give what the API's composition of them gives, bit for bit,
 * so Adam's numbers do not depend on whether a backend supplies them: the kernels round in the
 * composition's order, and every step of it is a correctly rounded IEEE operation.
 */
class UpdatesTest {
    private final Backend b = new JvmBackendProvider().create(BackendConfig.defaults());

    private Tensor random(long seed, int n, float lo, float hi) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int k = 0; k < n; k++) {
            x[k] = lo + (hi - lo) * r.nextFloat();
        }
        return Tensor.of(b, x, n);
    }

    @Test
    void equalToTheComposition() {
        assertTrue(b.supports(Primitive.EMA) && b.supports(Primitive.RMS_STEP));
        int n = 100_003;
        Tensor p = random(1, n, -1, 1);
        Tensor g = random(2, n, -1e-2f, 1e-2f);
        Tensor m = random(3, n, -1e-3f, 1e-3f);
        Tensor v = random(4, n, 0, 1e-5f);
        Tensor eps = p.scalarLike(1e-8 * Math.sqrt(1 - Math.pow(0.999, 7)));
        Tensor rate =
                p.scalarLike(1e-3 * Math.sqrt(1 - Math.pow(0.999, 7)) / (1 - Math.pow(0.9, 7)));

        Tensor m1 = Updates.ema(m, g, 0.9, false);
        Tensor v1 = Updates.ema(v, g, 0.999, true);
        Tensor p1 = Updates.rmsStep(p, m1, v1, eps, rate);

        Tensor m2 = m.mul(0.9).add(g.mul(1 - 0.9));
        Tensor v2 = v.mul(0.999).add(g.square().mul(1 - 0.999));
        Tensor p2 = p.sub(m2.div(v2.sqrt().add(eps)).mul(rate));
        assertArrayEquals(m2.toFloatArray(), m1.toFloatArray());
        assertArrayEquals(v2.toFloatArray(), v1.toFloatArray());
        assertArrayEquals(p2.toFloatArray(), p1.toFloatArray());
        assertTrue(p1.dtype() == DType.FLOAT32);
    }
}
