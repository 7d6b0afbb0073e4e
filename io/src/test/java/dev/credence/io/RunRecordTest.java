package dev.credence.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provenance records: written beside an artifact, read back equal, validated. */
public class RunRecordTest {
    @TempDir Path dir;

    /** A record with fixed values, for tests elsewhere. */
    public static RunRecord record() {
        return RunRecord.builder()
                .backend("jvm")
                .backendVersion("1.2.3")
                .algorithm("nuts")
                .config(Map.of("chains", 4, "adaptDelta", 0.8))
                .seed(-4711L)
                .dataHash(Sha256.of("data".getBytes(StandardCharsets.US_ASCII)))
                .start(Instant.parse("2025-01-31T12:00:00Z"))
                .end(Instant.parse("2025-01-31T12:00:01.250Z"))
                .build();
    }

    @Test
    @DisplayName("a record written beside a checkpoint reads back equal")
    void roundTrip() throws IOException {
        Path ckpt = dir.resolve("model.ckpt");
        Checkpoint.of(Map.of("x", HostArray.ofInts(new int[] {1})), Map.of()).write(ckpt, record());
        assertEquals(dir.resolve("model.ckpt.run.json"), RunRecord.besidePath(ckpt));
        RunRecord back = RunRecord.readBeside(ckpt);
        RunRecord r = record();
        assertEquals(Map.of("chains", 4L, "adaptDelta", 0.8), back.config());
        assertEquals(r.seed(), back.seed());
        assertEquals(r.start(), back.start());
        assertEquals(r.end(), back.end());
        assertEquals(r.dataHash(), back.dataHash());
        assertEquals(System.getProperty("java.vendor"), back.javaVendor());
        assertEquals("1.2.3", back.backendVersion());
        assertEquals(
                r.toJson(),
                new RunRecord(
                                r.libraryVersion(),
                                r.backend(),
                                r.backendVersion(),
                                r.algorithm(),
                                back.config(),
                                r.seed(),
                                r.dataHash(),
                                r.start(),
                                r.end(),
                                r.javaVersion(),
                                r.javaVendor(),
                                r.os())
                        .toJson());
    }

    @Test
    @DisplayName("a version-1 record, written before backendVersion existed, reads as unknown")
    void versionOne() throws IOException {
        String v1 =
                record().toJson()
                        .replace("\"version\": " + RunRecord.VERSION, "\"version\": 1")
                        .replace("\"backendVersion\": \"1.2.3\",", "");
        assertTrue(!v1.contains("backendVersion"), v1);
        RunRecord back = RunRecord.fromJson(v1, "old.run.json");
        assertEquals(Versions.UNKNOWN, back.backendVersion());
        assertEquals("jvm", back.backend());
    }

    @Test
    @DisplayName("the data hash of files is what sha256sum prints, and of several a hash of hashes")
    void dataHash() throws IOException {
        Path a = Files.writeString(dir.resolve("a"), "abc");
        Path b = Files.writeString(dir.resolve("b"), "def");
        String ha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertEquals(ha, Sha256.ofFiles(List.of(a)));
        String hb = Sha256.ofFile(b);
        assertEquals(
                Sha256.of((ha + "\n" + hb + "\n").getBytes(StandardCharsets.US_ASCII)),
                Sha256.ofFiles(List.of(a, b)));
    }

    @Test
    @DisplayName("a file that is not a record of this version is refused, naming the member")
    void validation() throws IOException {
        String json = record().toJson();
        assertProblem(json.replace("credence-run-record", "other"), "expected \"kind\"");
        assertProblem(
                json.replace("\"version\": " + RunRecord.VERSION, "\"version\": 9"),
                "run record version 9");
        assertProblem(
                json.replace("2025-01-31T12:00:00Z", "yesterday"),
                "\"start\" must be an ISO-8601 instant");
        assertProblem(
                json.replace("\"backend\": \"jvm\"", "\"backend\": 3"),
                "expected a string \"backend\", found 3");
        assertProblem(
                "{", "JSON: Unexpected end-of-input: expected close marker for Object at line 1");
    }

    private void assertProblem(String json, String expected) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.run.json"), json);
        FileFormatException e = assertThrows(FileFormatException.class, () -> RunRecord.read(f));
        assertTrue(e.problem().startsWith(expected), e.getMessage());
    }
}
