package dev.credence.cli.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of run folders, one at a time, on real files. */
class RunFolderTest {
    @TempDir Path root;

    private static RunFolder.Request req(Path dir, String command, FolderMode mode) {
        return new RunFolder.Request(dir, command, "x", mode, "vae train", true, 1000);
    }

    /** A finished run of {@code command} that wrote {@code a.csv} and {@code sub/b.bin}. */
    private Path finished(String command) throws Exception {
        Path dir = root.resolve("run");
        try (RunFolder f = RunFolder.claim(req(dir, command, FolderMode.CREATE))) {
            f.begin(Map.of("lr", 0.001, "seed", 1L));
            Files.writeString(dir.resolve("a.csv"), "1,2");
            Files.createDirectories(dir.resolve("sub"));
            Files.writeString(dir.resolve("sub/b.bin"), "bytes");
            f.finish();
        }
        return dir;
    }

    private static String manifest(Path dir) throws Exception {
        return Files.readString(dir.resolve(FolderManifest.FILE));
    }

    @Test
    @DisplayName("R1 a claimed folder is in use for every other claim, naming the holder")
    void lock() throws Exception {
        Path dir = root.resolve("run");
        try (RunFolder f = RunFolder.claim(req(dir, "vae train", FolderMode.CREATE))) {
            var e =
                    assertThrows(
                            RunFolderException.class,
                            () -> RunFolder.claim(req(dir, "sample", FolderMode.REPLACE)));
            assertEquals(RunFolderException.Kind.IN_USE, e.kind());
            assertTrue(
                    e.getMessage().contains("pid " + ProcessHandle.current().pid() + ", vae train"),
                    e.getMessage());
        }
        RunFolder.claim(req(dir, "sample", FolderMode.CREATE)).close();
    }

    @Test
    @DisplayName("R2 a folder with a finished run is refused, and left byte for byte as it was")
    void occupied() throws Exception {
        Path dir = finished("vae train");
        String before = manifest(dir);
        var e =
                assertThrows(
                        RunFolderException.class,
                        () -> RunFolder.claim(req(dir, "vae train", FolderMode.CREATE)));
        assertEquals(RunFolderException.Kind.OCCUPIED, e.kind());
        assertTrue(e.getMessage().contains("holds a finished vae train run"), e.getMessage());
        assertTrue(
                e.getMessage().contains("--resume") && e.getMessage().contains("--force"),
                e.getMessage());
        var other =
                assertThrows(
                        RunFolderException.class,
                        () -> RunFolder.claim(req(dir, "sample", FolderMode.CREATE)));
        assertFalse(other.getMessage().contains("--resume"), other.getMessage());
        assertEquals(before, manifest(dir));
    }

    @Test
    @DisplayName("R3 --force removes the earlier run's files, and only those")
    void replace() throws Exception {
        Path dir = finished("sample");
        Files.writeString(dir.resolve("notes.txt"), "mine");
        try (RunFolder f = RunFolder.claim(req(dir, "sample", FolderMode.REPLACE))) {
            assertTrue(Files.exists(dir.resolve("a.csv")), "nothing is deleted before begin()");
            f.begin(Map.of());
            assertFalse(Files.exists(dir.resolve("a.csv")));
            assertFalse(Files.exists(dir.resolve("sub")));
            Files.writeString(dir.resolve("c.csv"), "3");
            f.finish();
        }
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
        var m = dev.credence.io.Json.parseObject(manifest(dir), "manifest");
        assertEquals(java.util.List.of("c.csv"), m.get("files"));
        assertEquals(java.util.List.of("notes.txt"), m.get("kept"));
        assertEquals("finished", m.get("state"));
    }

    @Test
    @DisplayName(
            "R4 --resume with other settings is refused naming each difference, writing nothing")
    void mismatch() throws Exception {
        Path dir = finished("vae train");
        String before = manifest(dir);
        try (RunFolder f = RunFolder.claim(req(dir, "vae train", FolderMode.RESUME))) {
            assertTrue(f.continuing());
            var e =
                    assertThrows(
                            RunFolderException.class,
                            () -> f.begin(Map.of("lr", 0.01, "seed", 1L)));
            assertEquals(RunFolderException.Kind.MISMATCH, e.kind());
            assertTrue(e.getMessage().contains("lr 0.001 (now 0.01)"), e.getMessage());
            assertFalse(e.getMessage().contains("seed"), e.getMessage());
        }
        assertEquals(before, manifest(dir));
    }

    @Test
    @DisplayName("R5 too little free space is refused before anything is written")
    void noSpace() {
        Path dir = root.resolve("new");
        var e =
                assertThrows(
                        RunFolderException.class,
                        () -> RunFolder.claim(req(dir, "sample", FolderMode.CREATE), p -> 999));
        assertEquals(RunFolderException.Kind.NO_SPACE, e.kind());
        assertTrue(e.getMessage().contains("999 B of free space"), e.getMessage());
        assertFalse(Files.exists(dir), "the folder the claim created is removed again");
    }

    @Test
    @DisplayName("R6 a run killed while running is reported as interrupted, and --resume takes it")
    void interrupted() throws Exception {
        Path dir = root.resolve("run");
        RunFolder f = RunFolder.claim(req(dir, "vae train", FolderMode.CREATE));
        f.begin(Map.of("seed", 1L));
        Files.writeString(dir.resolve("a.csv"), "1");
        // A killed process never calls finish(); the operating system drops its lock.
        java.lang.reflect.Field lock = RunFolder.class.getDeclaredField("lock");
        lock.setAccessible(true);
        ((RunLock) lock.get(f)).close();
        var e =
                assertThrows(
                        RunFolderException.class,
                        () -> RunFolder.claim(req(dir, "vae train", FolderMode.CREATE)));
        assertTrue(
                e.getMessage().contains("unfinished (interrupted) vae train run"), e.getMessage());
        try (RunFolder again = RunFolder.claim(req(dir, "vae train", FolderMode.RESUME))) {
            again.begin(Map.of("seed", 1L));
            again.finish();
        }
        assertTrue(manifest(dir).contains("\"a.csv\""), manifest(dir));
    }

    @Test
    @DisplayName("R7 a failed run says what it left, and the manifest says failed")
    void failure() throws Exception {
        Path dir = root.resolve("run");
        String line;
        try (RunFolder f = RunFolder.claim(req(dir, "vae train", FolderMode.CREATE))) {
            f.begin(Map.of());
            Files.writeString(dir.resolve("vae.ckpt"), "x");
            line = f.fail(new ArithmeticException("diverged")).orElseThrow();
        }
        assertTrue(line.contains("holds what this run wrote before it failed (vae.ckpt)"), line);
        assertTrue(line.contains("--resume"), line);
        String m = manifest(dir);
        assertTrue(m.contains("\"state\": \"failed\"") && m.contains("diverged"), m);
        Path fresh = root.resolve("fresh");
        try (RunFolder f = RunFolder.claim(req(fresh, "sample", FolderMode.CREATE))) {
            assertTrue(
                    f.fail(new IllegalStateException()).isEmpty(), "nothing begun: nothing to say");
        }
        assertFalse(Files.exists(fresh), "an untouched new folder is removed");
    }

    @Test
    @DisplayName("R8 adding to a run keeps its state and records the new files")
    void add() throws Exception {
        Path dir = finished("vae train");
        try (RunFolder f = RunFolder.claim(req(dir, "vae eval", FolderMode.ADD))) {
            f.begin(Map.of());
            Files.writeString(dir.resolve("figure.png"), "png");
            f.finish();
        }
        String m = manifest(dir);
        assertTrue(m.contains("\"command\": \"vae eval\"") && m.contains("\"figure.png\""), m);
        assertTrue(m.contains("\"command\": \"vae train\",\n  \"state\": \"finished\""), m);
        var e =
                assertThrows(
                        RunFolderException.class,
                        () ->
                                RunFolder.claim(
                                        req(root.resolve("none"), "vae eval", FolderMode.ADD)));
        assertEquals(RunFolderException.Kind.MISSING, e.kind());
    }

    @Test
    @DisplayName("R9 a folder from before manifests is recognised by its run records")
    void legacy() throws Exception {
        Path dir = Files.createDirectories(root.resolve("old"));
        Files.writeString(dir.resolve("net.ckpt"), "weights");
        Files.writeString(dir.resolve("net.ckpt.run.json"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "mine");
        var e =
                assertThrows(
                        RunFolderException.class,
                        () -> RunFolder.claim(req(dir, "bnn fit", FolderMode.CREATE)));
        assertTrue(
                e.getMessage().contains("the output of an earlier run (net.ckpt"), e.getMessage());
        try (RunFolder f = RunFolder.claim(req(dir, "bnn fit", FolderMode.REPLACE))) {
            f.begin(Map.of());
            f.finish();
        }
        assertFalse(Files.exists(dir.resolve("net.ckpt")));
        assertFalse(Files.exists(dir.resolve("net.ckpt.run.json")));
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    }

    @Test
    @DisplayName("R10 a file in the way is named")
    void fileInTheWay() throws Exception {
        Path file = Files.writeString(root.resolve("f.txt"), "mine");
        var a =
                assertThrows(
                        RunFolderException.class,
                        () -> RunFolder.claim(req(file, "sample", FolderMode.CREATE)));
        assertTrue(a.getMessage().contains("is a file, not a folder"), a.getMessage());
        var b =
                assertThrows(
                        RunFolderException.class,
                        () ->
                                RunFolder.claim(
                                        req(file.resolve("sub"), "sample", FolderMode.CREATE)));
        assertEquals(RunFolderException.Kind.UNUSABLE, b.kind());
        assertTrue(b.getMessage().contains("f.txt"), b.getMessage());
    }
}
