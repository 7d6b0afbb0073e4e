package dev.credence.io.data;

import dev.credence.io.AtomicFiles;
import dev.credence.io.FileFormatException;
import dev.credence.io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Downloads one published file into the cache: streamed to a temporary file beside the target,
 * hashed on the way, and renamed into place only if the SHA-256 matches (see {@link AtomicFiles}).
 */
final class Downloader {
    private final DownloadListener listener;
    private HttpClient client;

    Downloader(DownloadListener listener) {
        this.listener = listener;
    }

    /**
     * The HTTP client, made at the first download: building one initialises TLS and starts a
     * selector thread, which a run whose data is already cached should not pay for (a {@code
     * credence vae train} that stops right after starting took 1.12-1.21 s with the client made up
     * front, 0.67-0.71 s without).
     */
    /** Whether the HTTP client has been made (for tests). */
    synchronized boolean clientMade() {
        return client != null;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client =
                    HttpClient.newBuilder()
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .connectTimeout(Duration.ofSeconds(30))
                            .build();
        }
        return client;
    }

    /** Tries each mirror in turn; the first verified copy wins. */
    void download(List<URI> mirrors, RemoteFile file, Path target) throws IOException {
        List<String> failures = new ArrayList<>();
        IOException all = new IOException();
        for (URI base : mirrors) {
            URI url = base.resolve(file.gzName());
            try {
                fetch(url, file, target);
                return;
            } catch (IOException e) {
                String why = describe(e);
                failures.add(why.startsWith(url.toString()) ? why : url + ": " + why);
                all.addSuppressed(e);
            }
        }
        IOException e =
                new IOException(
                        "could not download "
                                + file.gzName()
                                + " from "
                                + (mirrors.isEmpty()
                                        ? "any mirror: none are configured"
                                        : mirrors.size()
                                                + " mirror(s): "
                                                + String.join("; ", failures))
                                + "; nothing was kept in "
                                + target.getParent());
        for (Throwable t : all.getSuppressed()) {
            e.addSuppressed(t);
        }
        throw e;
    }

    /**
     * The first message in a cause chain, with the type of the exception that carries it: the HTTP
     * client's connection errors often have none of their own ("Connection refused" is in the
     * cause).
     */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank()) {
                return t == e ? m : e.getClass().getSimpleName() + ": " + m;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (e instanceof java.net.ConnectException) {
            return "the connection was refused, or the host cannot be reached (ConnectException)";
        }
        return e.getClass().getSimpleName() + " (no further detail)";
    }

    private void fetch(URI url, RemoteFile file, Path target) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response =
                    client().send(
                                    HttpRequest.newBuilder(url).GET().build(),
                                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(url + ": interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(url + ": HTTP " + response.statusCode() + ", expected 200");
            }
            long total = response.headers().firstValueAsLong("content-length").orElse(-1);
            listener.started(file.gzName(), url, total);
            boolean ok = false;
            try {
                AtomicFiles.write(target, out -> copyVerified(body, out, url, file, total));
                ok = true;
            } finally {
                listener.finished(file.gzName(), ok);
            }
        }
    }

    private void copyVerified(
            InputStream in, OutputStream out, URI url, RemoteFile file, long total)
            throws IOException {
        MessageDigest digest = Sha256.digest();
        byte[] buf = new byte[1 << 16];
        long received = 0;
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                digest.update(buf, 0, n);
                received += n;
                listener.progressed(file.gzName(), received, total);
            }
        } catch (IOException e) {
            throw new IOException(
                    url
                            + ": the transfer broke off after "
                            + received
                            + " of "
                            + (total < 0 ? "an unknown number of" : total)
                            + " bytes: "
                            + e.getMessage(),
                    e);
        }
        if (total >= 0 && received != total) {
            throw new IOException(
                    url
                            + ": truncated: received "
                            + received
                            + " bytes, the"
                            + " server announced "
                            + total);
        }
        String found = Sha256.hex(digest);
        if (!found.equals(file.gzSha256())) {
            throw new FileFormatException(
                    url.toString(),
                    "SHA-256 of the downloaded bytes is "
                            + found
                            + ", expected "
                            + file.gzSha256()
                            + "; the file was rejected and"
                            + " not kept");
        }
    }
}
