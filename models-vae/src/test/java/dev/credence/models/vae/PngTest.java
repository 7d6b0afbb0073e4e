package dev.credence.models.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG encoder, read back by the JDK's own decoder. */
class PngTest {
    @TempDir Path dir;

    @Test
    @DisplayName("a grayscale PNG decodes to the levels written")
    void gray() throws Exception {
        int w = 5;
        int h = 3;
        byte[] g = new byte[w * h];
        for (int i = 0; i < g.length; i++) {
            g[i] = (byte) (i * 17);
        }
        Path f = dir.resolve("g.png");
        Png.writeGray(f, w, h, g);
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals(g[y * w + x] & 0xff, img.getRaster().getSample(x, y, 0));
            }
        }
    }

    @Test
    @DisplayName("an RGB PNG decodes to the colours written")
    void rgb() throws Exception {
        byte[] p = {(byte) 255, 0, 0, 0, (byte) 128, 0, 0, 0, (byte) 255, 10, 20, 30};
        Path f = dir.resolve("c.png");
        Png.writeRgb(f, 2, 2, p);
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(0xff0000, img.getRGB(0, 0) & 0xffffff);
        assertEquals(0x008000, img.getRGB(1, 0) & 0xffffff);
        assertEquals(0x0000ff, img.getRGB(0, 1) & 0xffffff);
        assertEquals(0x0a141e, img.getRGB(1, 1) & 0xffffff);
    }

    @Test
    @DisplayName("a grid tiles images with gutters, clamping values to [0, 1]")
    void grid() throws Exception {
        float[] imgs = new float[3 * 2 * 2];
        java.util.Arrays.fill(imgs, 0, 4, 1f);
        java.util.Arrays.fill(imgs, 4, 8, 2f);
        java.util.Arrays.fill(imgs, 8, 12, -1f);
        Path f = dir.resolve("grid.png");
        ImageGrid.write(f, imgs, 2, 2, 2);
        BufferedImage img = ImageIO.read(f.toFile());
        int gut = ImageGrid.GUTTER;
        assertEquals(2 * 2 + 3 * gut, img.getWidth());
        assertEquals(2 * 2 + 3 * gut, img.getHeight());
        assertEquals(255, img.getRaster().getSample(gut, gut, 0));
        assertEquals(255, img.getRaster().getSample(2 * gut + 2, gut, 0));
        assertEquals(0, img.getRaster().getSample(gut, 2 * gut + 2, 0));
        assertEquals(128, img.getRaster().getSample(0, 0, 0));
        assertEquals(128, img.getRaster().getSample(2 * gut + 2, 2 * gut + 2, 0), "empty tile");
        assertThrows(
                IllegalArgumentException.class,
                () -> ImageGrid.write(dir.resolve("bad.png"), new float[5], 2, 2, 2));
        assertEquals(false, Files.exists(dir.resolve("bad.png")));
    }
}
