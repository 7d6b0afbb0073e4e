package dev.credence.io.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.credence.io.Sha256;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads from a real HTTP server on the loopback interface, serving the real MNIST test files: a
 * good mirror, a tampered one, one that cuts the transfer short, and one that answers 404.
 */
class DatasetsDownloadTest {
    static final Path MNIST = SharedData.dir("mnist-t10k");

    @TempDir Path cache;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good/", ex -> serve(ex, file(ex), false));
        server.createContext("/tampered/", ex -> serve(ex, tamper(file(ex)), false));
        server.createContext("/truncated/", ex -> serve(ex, file(ex), true));
        server.createContext("/missing/", ex -> serve(ex, null, false));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private byte[] file(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Path f = MNIST.resolve(path.substring(path.lastIndexOf('/') + 1));
        return Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
    }

    private static byte[] tamper(byte[] b) {
        if (b != null) {
            b[b.length / 2] ^= 1;
        }
        return b;
    }

    private void serve(HttpExchange ex, byte[] body, boolean cut) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, cut ? body.length / 2 : body.length);
            if (!cut) {
                out.close();
            }
        } catch (IOException expectedWhenCut) {
            // closing a fixed-length body early fails on the server side; the client sees EOF
        }
    }

    private Datasets sets(String... mirrors) {
        List<URI> bases = new ArrayList<>();
        for (String m : mirrors) {
            bases.add(
                    URI.create(
                            "http://127.0.0.1:" + server.getAddress().getPort() + "/" + m + "/"));
        }
        DownloadListener recorder =
                new DownloadListener() {
                    @Override
                    public void started(String file, URI from, long totalBytes) {
                        events.add("started " + file + " " + totalBytes);
                    }

                    @Override
                    public void finished(String file, boolean ok) {
                        events.add("finished " + file + " " + ok);
                    }
                };
        return Datasets.builder()
                .cacheDir(cache)
                .listener(recorder)
                .add(NamedDataset.MNIST.withMirrors(bases))
                .build();
    }

    private List<Path> cached() throws IOException {
        Path dir = cache.resolve("mnist");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    @DisplayName("a good mirror: both files verified, placed in the cache, then read from there")
    void good() throws IOException {
        Dataset test = sets("good").load("mnist", Split.TEST);
        assertEquals(10000, test.size());
        int[] hist = new int[10];
        for (int y : test.targets().orElseThrow().toIntArray()) {
            hist[y]++;
        }
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, hist);
        Path dir = cache.resolve("mnist");
        assertEquals(
                List.of(
                        dir.resolve("t10k-images-idx3-ubyte.gz"),
                        dir.resolve("t10k-labels-idx1-ubyte.gz")),
                cached(),
                "no temporary files left");
        assertEquals(
                NamedDataset.MNIST.test().images().gzSha256(),
                Sha256.ofFile(dir.resolve("t10k-images-idx3-ubyte.gz")));
        assertEquals(
                List.of(
                        "started t10k-images-idx3-ubyte.gz 1648877",
                        "finished t10k-images-idx3-ubyte.gz true",
                        "started t10k-labels-idx1-ubyte.gz 4542",
                        "finished t10k-labels-idx1-ubyte.gz true"),
                events);

        int before = requests.get();
        assertEquals(10000, sets("missing").load("mnist", Split.TEST).size());
        assertEquals(before, requests.get(), "the second load reads the cache");
    }

    @Test
    @DisplayName(
            "the HTTP client is made by the first download, not before: a run whose data is cached"
                    + " does not pay for it")
    void clientOnDemand() throws IOException {
        Datasets first = sets("good");
        assertFalse(first.downloader.clientMade());
        first.load("mnist", Split.TEST);
        assertTrue(first.downloader.clientMade());
        Datasets cached = sets("good");
        assertEquals(10000, cached.load("mnist", Split.TEST).size());
        assertFalse(cached.downloader.clientMade());
    }

    @Test
    @DisplayName("a tampered file is rejected by its SHA-256 and nothing is kept")
    void tampered() throws IOException {
        IOException e =
                assertThrows(IOException.class, () -> sets("tampered").load("mnist", Split.TEST));
        assertTrue(
                e.getMessage()
                        .contains(
                                "t10k-images-idx3-ubyte.gz: SHA-256 of the downloaded"
                                        + " bytes is "),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains(
                                ", expected "
                                        + NamedDataset.MNIST.test().images().gzSha256()
                                        + "; the file was rejected and not kept"),
                e.getMessage());
        assertEquals(List.of(), cached());
        assertTrue(events.contains("finished t10k-images-idx3-ubyte.gz false"));
    }

    @Test
    @DisplayName("a transfer cut short is an error and leaves nothing in the cache")
    void truncated() throws IOException {
        IOException e =
                assertThrows(IOException.class, () -> sets("truncated").load("mnist", Split.TEST));
        assertTrue(
                e.getMessage()
                        .contains(
                                "could not download t10k-images-idx3-ubyte.gz from 1"
                                        + " mirror(s): "),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("broke off") || e.getMessage().contains("truncated"),
                e.getMessage());
        assertEquals(List.of(), cached());
    }

    @Test
    @DisplayName("a 404 is reported with the URL; the next mirror is tried and can succeed")
    void notFoundThenFallback() throws IOException {
        IOException e =
                assertThrows(IOException.class, () -> sets("missing").load("mnist", Split.TEST));
        assertTrue(
                e.getMessage()
                        .contains(
                                "/missing/t10k-images-idx3-ubyte.gz: HTTP 404," + " expected 200"),
                e.getMessage());
        assertEquals(List.of(), cached());
        assertEquals(10000, sets("missing", "tampered", "good").load("mnist", Split.TEST).size());
    }

    @Test
    @DisplayName("with downloads off, a missing file names the folders searched")
    void downloadsOff() {
        Datasets sets =
                Datasets.builder()
                        .cacheDir(cache)
                        .download(false)
                        .listener(DownloadListener.NONE)
                        .build();
        var e = assertThrows(FileNotFoundException.class, () -> sets.load("mnist", Split.TRAIN));
        assertEquals(
                "mnist: train-images-idx3-ubyte.gz (or train-images-idx3-ubyte) is in none"
                        + " of ["
                        + cache.resolve("mnist")
                        + "], and downloads are off; copy the files"
                        + " into one of these folders",
                e.getMessage());
        assertEquals(List.of("fashion-mnist", "mnist"), sets.names());
    }
}
