package dev.credence.api.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.ScalarMath;
import dev.credence.api.dist.internal.HostSampler;
import dev.credence.api.random.RandomKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The derivative of a gamma draw with respect to its shape, point by point, against the implicit
 * function theorem evaluated with central finite differences of the CDF: {@code dx/da = -(dP(a,
 * x)/da) / p(x; a)}, with {@code P = 1 - Q} from {@link ScalarMath#gammaQ}.
 */
class ImplicitGammaTest {

    /** CDF values outside [1e-4, 1 - 1e-4] leave too few digits in 1 - Q for a difference. */
    private static final double TAIL = 1e-4;

    @ParameterizedTest(name = "I1 d log x / da matches the CDF's finite differences, a = {0}")
    @ValueSource(doubles = {0.003, 0.05, 0.3, 1, 3.7, 25, 300, 5000})
    void derivativeMatchesFiniteDifferencesOfTheCdf(double a) {
        HostSampler host = new HostSampler(RandomKey.of(17).fold((long) (a * 1000)));
        int checked = 0;
        for (int i = 0; i < 60; i++) {
            double logX = host.logGamma(a);
            double x = Math.exp(logX);
            double q = ScalarMath.gammaQ(a, x);
            if (!(q > TAIL && q < 1 - TAIL)) {
                continue;
            }
            double h = 1e-5 * a;
            double dPda = -(ScalarMath.gammaQ(a + h, x) - ScalarMath.gammaQ(a - h, x)) / (2 * h);
            double logPdf = (a - 1) * logX - x - ScalarMath.lgamma(a);
            double expected = -dPda / Math.exp(logPdf) / x;
            double actual = ImplicitGamma.dLogXdShape(a, logX);
            assertEquals(
                    expected,
                    actual,
                    2e-6 * Math.abs(expected) + 1e-9,
                    "a = " + a + ", x = " + x + ", Q = " + q);
            checked++;
        }
        assertTrue(checked >= 30, "only " + checked + " draws were away from the tails");
    }

    @ParameterizedTest(name = "I1 tails: underflowing draws follow the small-x limit, a = {0}")
    @ValueSource(doubles = {1e-3, 0.01, 0.2})
    void underflowingDrawsFollowTheSmallXLimit(double a) {
        // For x -> 0, P(a, x) = x^a / Gamma(a + 1) (1 + O(x)), so at fixed P,
        // d log x / da = -(log x - digamma(a + 1)) / a. x = e^-900 underflows to 0 in double.
        for (double logX : new double[] {-900, -5000, -1e5}) {
            double expected = -(logX - ScalarMath.digamma(a + 1)) / a;
            assertEquals(
                    expected,
                    ImplicitGamma.dLogXdShape(a, logX),
                    1e-12 * Math.abs(expected),
                    "log x = " + logX);
        }
    }

    @ParameterizedTest(
            name = "I1 upper tail: the continued fraction agrees with differences, a = {0}")
    @ValueSource(doubles = {0.5, 4, 60})
    void upperTailAgreesWithDifferencesOfQ(double a) {
        // Far in the upper tail Q itself is accurate, so difference Q in relative terms.
        for (double z : new double[] {3, 6, 10}) {
            double x = a + 1 + z * Math.sqrt(a) + 2 * z;
            double h = 1e-5 * a;
            double dQda = (ScalarMath.gammaQ(a + h, x) - ScalarMath.gammaQ(a - h, x)) / (2 * h);
            double pdf = Math.exp((a - 1) * Math.log(x) - x - ScalarMath.lgamma(a));
            double expected = dQda / pdf / x;
            assertEquals(
                    expected,
                    ImplicitGamma.dLogXdShape(a, Math.log(x)),
                    1e-6 * Math.abs(expected),
                    "x = " + x);
        }
    }

    @ParameterizedTest(name = "I1 non-finite input gives 0, not NaN, a = {0}")
    @ValueSource(doubles = {-1, 0, Double.NaN, Double.POSITIVE_INFINITY})
    void invalidShapesGiveZero(double a) {
        assertEquals(0, ImplicitGamma.dLogXdShape(a, 0.5));
        assertEquals(0, ImplicitGamma.dLogXdShape(1, Double.NEGATIVE_INFINITY));
    }

    @Test
    @DisplayName("I1 derivatives are finite and positive over shapes 1e-4 to 1e5")
    void finiteOverTheRange() {
        HostSampler host = new HostSampler(RandomKey.of(3));
        for (double a = 1e-4; a < 1e5; a *= 1.7) {
            for (int i = 0; i < 20; i++) {
                double logX = host.logGamma(a);
                double g = ImplicitGamma.dLogXdShape(a, logX);
                assertTrue(Double.isFinite(g), "a = " + a + ", log x = " + logX + ": " + g);
                // A larger shape moves every quantile up: the derivative of x is positive.
                assertTrue(g > 0, "a = " + a + ", log x = " + logX + ": " + g);
            }
        }
    }
}
