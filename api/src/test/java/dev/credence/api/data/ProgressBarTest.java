package dev.credence.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The terminal progress bar: one redraw per percent, a final newline. */
class ProgressBarTest {

    @Test
    @DisplayName("draws the bar in place, once per percent, and ends the line")
    void draws() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bar.started("f.gz", URI.create("http://127.0.0.1/f.gz"), 2_000_000);
        bar.progressed("f.gz", 1_000_000, 2_000_000);
        bar.progressed("f.gz", 1_000_001, 2_000_000); // still 50%: not redrawn
        bar.progressed("f.gz", 2_000_000, 2_000_000);
        bar.finished("f.gz", true);
        String expected =
                "downloading f.gz from http://127.0.0.1/f.gz\n"
                        + "\rf.gz [###############...............]  50%  1.0 / 2.0 MB"
                        + "\rf.gz [##############################] 100%  2.0 / 2.0 MB\n";
        assertEquals(expected, bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}
