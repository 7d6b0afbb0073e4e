package dev.credence.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * End to end in a fresh JVM whose class path lacks ND4J's native jar: selecting {@code nd4j} fails
 * with the provider's explanation, not with a linkage error escaping from ND4J's static
 * initialiser.
 */
class MissingNativesTest {

    /** The jar with libnd4jcpu: nd4j-native with this platform's classifier. */
    private static boolean isNativeJar(String entry) {
        String name = Path.of(entry).getFileName().toString();
        return name.startsWith("nd4j-native-")
                && name.endsWith("-" + NativeLibrary.platformClassifier() + ".jar");
    }

    @Test
    void selectingNd4jWithoutItsNativeJarGivesAClearReason() throws Exception {
        List<String> entries =
                Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                        .collect(Collectors.toList());
        assertTrue(
                entries.stream().anyMatch(MissingNativesTest::isNativeJar),
                "the test class path should hold ND4J's native jar: " + entries);
        String classPath =
                entries.stream()
                        .filter(e -> !isNativeJar(e))
                        .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String cache = System.getProperty(NativeLibrary.JAVACPP_CACHE);
        if (cache != null) {
            command.add("-D" + NativeLibrary.JAVACPP_CACHE + "=" + cache);
        }
        command.addAll(List.of("-cp", classPath, MissingNativesProbe.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe JVM finished");
        assertEquals(0, p.exitValue(), "probe output:\n" + out);
        String message =
                out.lines()
                        .filter(l -> l.startsWith(MissingNativesProbe.PREFIX))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no probe result in:\n" + out))
                        .substring(MissingNativesProbe.PREFIX.length());
        assertTrue(message.startsWith("backend 'nd4j' is unavailable: "), message);
        assertTrue(message.contains("native CPU library could not be loaded"), message);
        assertTrue(message.contains("UnsatisfiedLinkError"), message);
        assertTrue(message.contains("classifier " + NativeLibrary.platformClassifier()), message);
        assertFalse(out.contains("\tat org.nd4j"), "no ND4J stack trace:\n" + out);
    }
}
