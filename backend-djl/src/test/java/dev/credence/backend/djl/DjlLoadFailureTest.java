package dev.credence.backend.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Availability;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * When libtorch cannot load, {@code djl} is unavailable with a one-sentence reason, not a stack
 * trace. The failure is real: a child JVM asks for a PyTorch version that is not on its class path
 * while offline, so DJL can neither find nor download it.
 */
class DjlLoadFailureTest {

    /** Entry point of the child JVM: prints the availability's two fields on two lines. */
    public static void main(String[] args) {
        Availability a = new DjlCpuProvider().availability();
        System.out.println(a.available());
        System.out.println(a.reason());
    }

    @Test
    @DisplayName("djl availability names the loading failure and the remedy")
    void missingNatives() throws IOException, InterruptedException {
        List<String> path = new ArrayList<>();
        for (String key : new String[] {"jdk.module.path", "java.class.path"}) {
            for (String entry : System.getProperty(key, "").split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    path.add(entry);
                }
            }
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, path));
        for (String key : new String[] {"ai.djl.offline", "DJL_CACHE_DIR", "ENGINE_CACHE_DIR"}) {
            if (System.getProperty(key) != null) {
                command.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        command.add(DjlLoadFailureTest.class.getName());
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PYTORCH_VERSION", "1.0.0");
        pb.environment().put("DJL_OFFLINE", "true");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM finished");
        assertEquals(0, p.exitValue(), "availability() must not throw: " + out);
        String[] lines = out.strip().split("\\R");
        assertEquals(2, lines.length, "exactly the two printed lines, no stack trace: " + out);
        System.out.println("djl without natives: " + lines[1]);
        assertEquals("false", lines[0], "djl must be unavailable without its natives");
        assertTrue(lines[1].startsWith("PyTorch could not be loaded through DJL: "), lines[1]);
        assertTrue(lines[1].contains("Offline mode"), "the root cause is named: " + lines[1]);
        assertTrue(lines[1].contains("-Dai.djl.offline=false"), "the remedy: " + lines[1]);
        assertFalse(lines[1].contains("\tat "), lines[1]);
    }
}
