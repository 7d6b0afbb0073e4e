package dev.credence.models.bnn.laplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.random.RandomKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The eigensolver reconstructs its input with orthonormal vectors, also in degenerate cases. */
class SymmetricEigenTest {

    private static void check(double[][] a, String what) {
        int n = a.length;
        SymmetricEigen e = SymmetricEigen.of(a);
        double scale = 1e-12;
        for (double[] row : a) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int k = 0; k + 1 < n; k++) {
            assertTrue(e.values()[k] <= e.values()[k + 1], what + ": ascending values");
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                double rec = 0;
                for (int k = 0; k < n; k++) {
                    dot += e.vectors()[i][k] * e.vectors()[j][k];
                    rec += e.vectors()[k][i] * e.values()[k] * e.vectors()[k][j];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-10, what + ": orthonormal " + i + "," + j);
                assertEquals(
                        a[i][j], rec, 1e-10 * scale * n, what + ": V^T L V = A at " + i + "," + j);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 40, 120})
    @DisplayName("random symmetric matrices are reconstructed")
    void randomMatrices(int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] r = RandomKey.of(n).fold(i).normalDoubles(n);
            for (int j = 0; j <= i; j++) {
                a[i][j] = r[j];
                a[j][i] = r[j];
            }
        }
        check(a, "random " + n);
    }

    @Test
    @DisplayName("degenerate matrices: zero, identity, repeated eigenvalues, diagonal, low rank")
    void degenerate() {
        int n = 6;
        double[][] zero = new double[n][n];
        double[][] eye = new double[n][n];
        double[][] diag = new double[n][n];
        double[][] lowRank = new double[n][n];
        double[] u = {1, -2, 0.5, 0, 3, 1};
        for (int i = 0; i < n; i++) {
            eye[i][i] = 1;
            diag[i][i] = i % 2 == 0 ? 2 : -1;
            for (int j = 0; j < n; j++) {
                lowRank[i][j] = u[i] * u[j];
            }
        }
        check(zero, "zero");
        check(eye, "identity");
        check(diag, "diagonal");
        check(lowRank, "rank one");
        SymmetricEigen e = SymmetricEigen.of(lowRank);
        assertEquals(1 + 4 + 0.25 + 9 + 1, e.values()[n - 1], 1e-10, "rank one: |u|^2");
    }
}
