package org.gawahi.bot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link BotProcess} started from this JVM's class path, watched and ended from here. */
public final class ChildBot implements AutoCloseable {
    /** What a small deployment would give the bot; the memory figure is measured under these. */
    public static final List<String> JVM_FLAGS = List.of("-Xmx128m", "-Xss512k", "-XX:+UseSerialGC");
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");
    private static final Pattern HWM = Pattern.compile("(?m)^VmHWM:\\s+(\\d+) kB");

    private final Process process;
    private final Path log;

    private ChildBot(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code gawahi} or {@code echo} on the data directory; its output goes to a file beside it. */
    public static ChildBot start(String mode, Path data, String apiUrl) throws IOException {
        Files.createDirectories(data);
        Path log = data.resolveSibling(data.getFileName() + "-" + mode + "-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        // For a profile: -Dgawahi.bench.childFlags=-XX:StartFlightRecording=duration=30s,filename={mode}.jfr
        String extra = System.getProperty("gawahi.bench.childFlags", "").strip().replace("{mode}", mode);
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BotProcess.class.getName());
        command.add(mode);
        command.add(data.toString());
        command.add(apiUrl);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildBot(process, log);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Resident memory now, in kB (0 once it is gone). */
    public long residentKb() {
        return status(RSS);
    }

    /** The most resident memory it had since it started or since {@link #resetPeakResident()}, in kB (VmHWM). */
    public long peakResidentKb() {
        return status(HWM);
    }

    /**
     * Sets the kernel's high-water mark of resident memory back to what is resident now
     * ({@code 5} to {@code /proc/<pid>/clear_refs}, Linux 4.0 and later); false where that is
     * not allowed, and the mark then still counts everything before.
     */
    public boolean resetPeakResident() {
        try {
            Files.writeString(Path.of("/proc", Long.toString(process.pid()), "clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private long status(Pattern field) {
        try {
            Matcher m = field.matcher(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Processor time it has used so far (user and system, all threads), in ms; from
     * {@code /proc/<pid>/stat}, whose clock ticks are 1/100 s on Linux; 0 once it is gone.
     */
    public long cpuMillis() {
        return ticksMillis(Path.of("/proc", Long.toString(process.pid()), "stat"));
    }

    /**
     * Processor time its JIT compiler threads have used so far, in ms: the part of
     * {@link #cpuMillis()} that is compiling code rather than serving people; 0 once it is gone.
     */
    public long compilerCpuMillis() {
        return cpuMillisByThread().entrySet().stream().filter(e -> e.getKey().startsWith("C1 CompilerThre")
                || e.getKey().startsWith("C2 CompilerThre")).mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Processor time used so far by its threads, in ms, summed by thread name without its
     * number ("gawahi-send-3" counts as "gawahi-send-"; OkHttp's per-call names as "OkHttp call").
     */
    public Map<String, Long> cpuMillisByThread() {
        Map<String, Long> millis = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name = Files.readString(task.resolve("comm")).strip().replaceAll("\\d+$", "");
                millis.merge(name.startsWith("OkHttp http") ? "OkHttp call" : name, ticksMillis(task.resolve("stat")),
                        Long::sum);
            }
        } catch (IOException | RuntimeException e) {
            // a thread that ended while listed, or the process gone: what was read so far
        }
        return millis;
    }

    /** User and system time in a {@code stat} file, whose clock ticks are 1/100 s on Linux; 0 if unreadable. */
    private static long ticksMillis(Path stat) {
        try {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * With {@code -Dgawahi.bench.profile=<directory>}: starts a flight recording (JFR, the
     * settings file given by {@code -Dgawahi.bench.profileSettings}, else "profile") in the
     * child, so that a profile covers the measured crowd only; {@link #dumpProfile} writes it.
     */
    public void startProfile() throws IOException, InterruptedException {
        if (System.getProperty("gawahi.bench.profile") != null) {
            jcmd("JFR.start", "name=measured",
                    "settings=" + System.getProperty("gawahi.bench.profileSettings", "profile"));
        }
    }

    /** Writes the recording started by {@link #startProfile()} to {@code <directory>/<name>.jfr}. */
    public void dumpProfile(String name) throws IOException, InterruptedException {
        String directory = System.getProperty("gawahi.bench.profile");
        if (directory != null) {
            jcmd("JFR.dump", "name=measured", "filename=" + Path.of(directory, name + ".jfr").toAbsolutePath());
        }
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid())));
        line.addAll(List.of(command));
        new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                .waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGKILL: no shutdown hook, no flush, no close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
