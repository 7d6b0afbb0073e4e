package dev.credence.models.bnn.plot;

import dev.credence.models.bnn.metrics.ReliabilityDiagram;
import dev.credence.plot.bnn.ReliabilityFigure;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A reliability diagram as a PNG: one bar per confidence bin with the bin's accuracy, the bin's
 * mean confidence as a marker, and the diagonal of perfect calibration; the title carries the
 * expected calibration error. Drawn by the plot module's {@link ReliabilityFigure}.
 */
public final class ReliabilityPlot {
    private ReliabilityPlot() {}

    /**
     * Writes the figure.
     *
     * @param file the PNG file (folders are created)
     * @param d the diagram
     * @param title the title (the ECE is appended)
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, ReliabilityDiagram d, String title) throws IOException {
        ReliabilityFigure.of(
                        d.lower(),
                        d.upper(),
                        d.accuracy(),
                        d.confidence(),
                        d.count(),
                        d.ece(),
                        title)
                .writePng(file);
    }
}
