package dev.credence.models.bnn.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.backend.Backends;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Networks saved by version 0.1 of {@code credence bnn fit} (before the io module; see {@code
 * legacy/README.md}) still load, with their columns, standardisation and weights.
 */
class LegacyNetworkTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0} loads with its spec, columns, scaling and weights")
    @CsvSource({
        "net-svi.ckpt,4,10,-0.008719970849635161,0.04269868041613896",
        "net-nuts.ckpt,3,10,0.9714022341614803,-1.2203524109953892"
    })
    void loads(String name, int hidden, int sets, double firstWeight, double outputBias)
            throws IOException {
        Path f = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/legacy/" + name)) {
            Files.copy(in, f);
        }
        SavedNetwork n = SavedNetwork.load(f, Backends.discover().select("jvm"));
        assertArrayEquals(new int[] {hidden}, n.spec().hidden());
        assertEquals(List.of("x1", "x2"), n.features());
        assertEquals("y", n.target());
        assertEquals(2, n.inputs());
        assertEquals(sets, n.samples().weights().size());
        assertEquals(0.9877398316850556, n.standardizer().targetSd());
        var first = n.samples().weights().get(0);
        assertEquals(firstWeight, first.get("0.weight").toDoubleArray()[0]);
        assertEquals(outputBias, first.get("2.bias").toDoubleArray()[0]);
    }
}
