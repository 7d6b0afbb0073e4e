package dev.credence.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One probe of the reliability matrix: what a careful new user might type, the files it starts
 * from, the exit code the README documents for it and the facts its message must name.
 *
 * <p>Arguments may use {@code {case}} (this case's own folder), {@code {data}} (the shared,
 * read-only data files) and the fixtures copied into the case's folder ({@code {case}/vae}, {@code
 * {case}/sample}, {@code {case}/fit}, {@code {case}/cls}).
 */
final class HostileCase {
    /** A prepared run that a case starts from, copied into its folder. */
    enum Fixture {
        /** A finished {@code vae train} of two epochs on the tiny images, in {@code vae}. */
        VAE,
        /** A finished {@code sample eight-schools} with two chains, in {@code sample}. */
        SAMPLE,
        /** A finished {@code bnn fit} on {@code train.csv}, in {@code fit}. */
        FIT,
        /** A finished classification {@code bnn fit} on {@code classes.csv}, in {@code cls}. */
        CLS,
        /** A finished {@code bnn fit} on two features ({@code two.csv}), in {@code two}. */
        TWO
    }

    /** Prepares a case's folder after the fixtures are copied. */
    @FunctionalInterface
    interface Setup {
        void prepare(Path dir) throws Exception;
    }

    /** Judges the result of a command that ran; null when it has no complaint. */
    @FunctionalInterface
    interface Check {
        Verdict verdict(Path dir, CliRunner.Outcome o) throws Exception;
    }

    final String id;
    final String probe;
    final List<Fixture> fixtures = new ArrayList<>();
    final Map<String, String> files = new LinkedHashMap<>();
    final List<String> args = new ArrayList<>();
    final List<String> says = new ArrayList<>();
    Setup setup = dir -> {};
    Check check = (dir, o) -> null;
    int code;
    boolean holdLock;

    private HostileCase(String id, String probe) {
        this.id = id;
        this.probe = probe;
    }

    static HostileCase of(String id, String probe) {
        return new HostileCase(id, probe);
    }

    HostileCase given(Fixture... f) {
        fixtures.addAll(List.of(f));
        return this;
    }

    /** A text file written into the case's folder. */
    HostileCase file(String name, String content) {
        files.put(name, content);
        return this;
    }

    HostileCase setup(Setup s) {
        setup = s;
        return this;
    }

    /** Another process (here: this test) holds the run lock of {@code {case}/out}. */
    HostileCase locked() {
        holdLock = true;
        return this;
    }

    HostileCase run(String... a) {
        args.addAll(List.of(a));
        return this;
    }

    /** The command must fail with this code and a message naming these facts. */
    HostileCase fails(int exit, String... facts) {
        code = exit;
        says.addAll(List.of(facts));
        return this;
    }

    /** The command is valid and must succeed, with an optional check of its result. */
    HostileCase succeeds(Check c) {
        code = 0;
        check = c;
        return this;
    }

    HostileCase succeeds() {
        return succeeds((dir, o) -> null);
    }

    String[] argv(Path dir, Path data) {
        return args.stream()
                .map(a -> a.replace("{case}", dir.toString()).replace("{data}", data.toString()))
                .toArray(String[]::new);
    }

    @Override
    public String toString() {
        return id + " " + probe;
    }
}
