package org.wubu.itests;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.runner.Description;
import org.junit.runner.notification.RunListener;

/**
 * JUnit listener for the test JVM (registered in itests/pom.xml, failsafe {@code listener} property).
 *
 * <p>Pax Exam stops a class's container after its last test and waits for the Karaf process without a
 * timeout; a container that cannot stop (a deadlock in some bundle's deactivation) would hang the build
 * until someone kills it. After every test this listener arms a watchdog for the Karaf processes then
 * running; the next test disarms it. So once a class's last test is done its container gets
 * {@link #SHUTDOWN_GRACE}; if it is still alive then, the watchdog writes a thread dump to
 * {@code <karaf.base>/shutdown-threads.txt}, says so on stderr and kills the process.
 *
 * <p>Pax Exam's runner does not run {@code @AfterClass} in the test JVM, hence a listener.
 */
public class ContainerShutdownWatchdog extends RunListener {

    /** How long a container may take to stop after its class's last test. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(Long.getLong("wubu.it.shutdownGraceSeconds", 45));

    private Thread armed;

    @Override
    public synchronized void testStarted(Description description) {
        disarm();
    }

    @Override
    public synchronized void testFinished(Description description) {
        disarm();
        Set<ProcessHandle> containers = ProcessHandle.current().descendants()
                .filter(ContainerShutdownWatchdog::isKaraf)
                .collect(Collectors.toSet());
        if (containers.isEmpty()) {
            return;
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(SHUTDOWN_GRACE.toMillis());
            } catch (InterruptedException e) {
                return; // disarmed: another test started in the same container
            }
            for (ProcessHandle container : containers) {
                if (container.isAlive()) {
                    kill(container);
                }
            }
        }, "wubu-it-shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        armed = watchdog;
    }

    private void disarm() {
        if (armed != null) {
            armed.interrupt();
            armed = null;
        }
    }

    private static boolean isKaraf(ProcessHandle process) {
        return process.info().arguments()
                .map(args -> List.of(args).contains("org.apache.karaf.main.Main"))
                .orElse(false);
    }

    private static void kill(ProcessHandle container) {
        String base = container.info().arguments()
                .flatMap(args -> List.of(args).stream().filter(a -> a.startsWith("-Dkaraf.base=")).findFirst())
                .map(a -> a.substring("-Dkaraf.base=".length()))
                .orElse(null);
        File dump = base == null ? null : new File(base, "shutdown-threads.txt");
        System.err.println("WUBU IT: the Karaf container (pid " + container.pid() + ", " + base
                + ") did not stop within " + SHUTDOWN_GRACE + " after its last test; "
                + (dump != null ? "thread dump in " + dump + "; " : "") + "killing it");
        if (dump != null) {
            try {
                Process jcmd = new ProcessBuilder(System.getProperty("java.home") + "/bin/jcmd",
                        Long.toString(container.pid()), "Thread.print", "-l")
                        .redirectErrorStream(true)
                        .redirectOutput(dump)
                        .start();
                if (!jcmd.waitFor(20, TimeUnit.SECONDS)) {
                    jcmd.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                System.err.println("WUBU IT: no thread dump: " + e);
            }
        }
        // A deadlocked Karaf also blocks in its own shutdown hook, so SIGTERM may not be enough.
        container.destroy();
        try {
            container.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            container.destroyForcibly();
        }
    }
}
