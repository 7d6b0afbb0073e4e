package dev.credence.api.dist;

import static dev.credence.api.dist.DistTesting.assertClose;

import dev.credence.api.dist.kl.KlRegistry;
import dev.credence.api.tensor.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the SciPy fixture: log-densities, means, variances, entropies and KL divergences of
 * each family against independent references.
 */
class GoldenValuesTest {
    private static final double RTOL = 1e-9;
    private static final double ATOL = 1e-10;

    static Stream<GoldenCase> cases() {
        return GoldenCase.load().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScipy(GoldenCase c) {
        Tensor actual =
                switch (c.kind()) {
                    case "kl" -> kl(c);
                    default -> single(c);
                };
        assertClose(c.expected(), actual.toDoubleArray(), RTOL, ATOL, c.toString());
    }

    private static Tensor single(GoldenCase c) {
        Distribution d = Families.create(c.family(), c.tensors(""));
        return switch (c.kind()) {
            case "logprob" -> d.logProb(Families.asEvent(d, c.value()));
            case "mean" -> d.mean();
            case "variance" -> d.variance();
            case "entropy" -> d.entropy();
            default -> throw new IllegalArgumentException("unknown kind " + c.kind());
        };
    }

    private static Tensor kl(GoldenCase c) {
        String[] fam = c.family().split("\\|");
        Distribution p = Families.create(fam[0], c.tensors("p."));
        Distribution q = Families.create(fam[1], c.tensors("q."));
        return KlRegistry.defaults().kl(p, q);
    }
}
