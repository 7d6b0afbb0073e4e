package dev.credence.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.infer.Draws;
import dev.credence.plot.bnn.BandFigure;
import dev.credence.plot.image.ImageGrid;
import dev.credence.plot.mcmc.EnergyFigure;
import dev.credence.plot.mcmc.McmcFigures;
import dev.credence.plot.mcmc.PairFigure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures draw as PNG images of the announced size and as SVG documents that parse. */
public class FiguresTest {
    @TempDir Path dir;

    /** Two chains of three parameters with sampler statistics; chain 2 of {@code b} is shifted. */
    /** Draws for tests. */
    public static Draws draws(int n, double shift) {
        Random r = new Random(7);
        double[][][] v = new double[2][n][3];
        Map<String, double[][]> stats = new LinkedHashMap<>();
        for (String s : Draws.SAMPLER_STATS) {
            stats.put(s, new double[2][n]);
        }
        for (int c = 0; c < 2; c++) {
            double ar = 0;
            for (int i = 0; i < n; i++) {
                ar = 0.5 * ar + r.nextGaussian();
                v[c][i][0] = ar;
                v[c][i][1] = r.nextGaussian() + (c == 1 ? shift : 0);
                v[c][i][2] = Math.exp(r.nextGaussian());
                stats.get("energy")[c][i] = 10 + r.nextGaussian() * 2;
                stats.get("divergent")[c][i] = i % 50 == 0 ? 1 : 0;
            }
        }
        Map<String, int[]> sites = new LinkedHashMap<>();
        sites.put("a", new int[0]);
        sites.put("b", new int[0]);
        sites.put("sigma", new int[0]);
        return new Draws(sites, v, stats);
    }

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img, "the bytes are a PNG image");
        return img;
    }

    @Test
    @DisplayName("MCMC figures tile one panel per parameter, two per row")
    void mcmc() throws IOException {
        Draws d = draws(200, 0);
        List<String> names = d.parameterNames();
        Figure trace = McmcFigures.trace(d, names);
        BufferedImage img = decode(trace.png());
        assertEquals(2 * 440, img.getWidth());
        assertEquals(2 * 240, img.getHeight(), "three panels in two rows");
        decode(McmcFigures.rank(d, names, 20).png());
        decode(McmcFigures.autocorrelation(d, names, 30).png());
        BufferedImage pairs = decode(PairFigure.of(d, names).png());
        assertEquals(3 * 380, pairs.getWidth(), "three pairs of three parameters");
        assertNotNull(EnergyFigure.of(d, 20));
        assertNull(
                EnergyFigure.of(
                        new Draws(Map.of("x", new int[0]), new double[1][5][1], Map.of()), 20));
    }

    @Test
    @DisplayName("a figure writes a PNG and an SVG that parses as XML")
    void pngAndSvg() throws Exception {
        List<Path> files = McmcFigures.trace(draws(50, 0), List.of("a")).write(dir, "trace");
        assertEquals(List.of(dir.resolve("trace.png"), dir.resolve("trace.svg")), files);
        decode(Files.readAllBytes(files.get(0)));
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = xml.newDocumentBuilder().parse(files.get(1).toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertTrue(Files.readString(files.get(1)).contains("<path"), "the SVG draws paths");
    }

    @Test
    @DisplayName("autocorrelation: 1 at lag 0, about 0.5^k for an AR(1) series with 0.5")
    void autocorrelation() {
        Random r = new Random(3);
        double[] x = new double[20000];
        for (int i = 1; i < x.length; i++) {
            x[i] = 0.5 * x[i - 1] + r.nextGaussian();
        }
        double[] rho = McmcFigures.autocorrelation(x, 3);
        assertEquals(1, rho[0], 1e-12);
        assertEquals(0.5, rho[1], 0.03);
        assertEquals(0.25, rho[2], 0.03);
        assertEquals(0, McmcFigures.autocorrelation(new double[] {2, 2, 2}, 1)[1]);
    }

    @Test
    @DisplayName("band figures refuse curves that do not match the grid")
    void bands() throws IOException {
        double[] x = {0, 1, 2};
        var p = new BandFigure.Panel("m", x, x, x, x, x, x);
        decode(BandFigure.of(x, x, List.of(p, p), "95%", "epistemic").png());
        var e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalArgumentException.class,
                        () -> new BandFigure.Panel("m", x, x, x, new double[2], x, x));
        assertTrue(e.getMessage().contains("2 values for 3 grid points"), e.getMessage());
    }

    @Test
    @DisplayName("image grids: tiles with gutters, values clamped, a bad count refused")
    void imageGrid() throws IOException {
        float[] imgs = {0, 1, 2, -1, 0.5f, 0.5f, 0.5f, Float.NaN};
        Path f = dir.resolve("g.png");
        ImageGrid.write(f, imgs, 2, 2, 2);
        BufferedImage img = ImageIO.read(f.toFile());
        int g = ImageGrid.GUTTER;
        assertEquals(2 * 2 + 3 * g, img.getWidth());
        assertEquals(2 + 2 * g, img.getHeight());
        assertEquals(0, img.getRaster().getSample(g, g, 0));
        assertEquals(255, img.getRaster().getSample(g + 1, g, 0));
        assertEquals(255, img.getRaster().getSample(g, g + 1, 0), "2 is clamped to 1");
        assertEquals(128, img.getRaster().getSample(0, 0, 0), "the gutter");
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> ImageGrid.write(dir.resolve("bad.png"), new float[5], 2, 2, 2));
    }
}
