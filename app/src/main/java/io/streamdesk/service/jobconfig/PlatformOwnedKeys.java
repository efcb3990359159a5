package io.streamdesk.service.jobconfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parameter keys the platform sets itself (P2), each with what to use instead; plus the keys the app's own form or
 * the Run dialog owns, so a value can never be set in two places.
 */
public final class PlatformOwnedKeys {
    private static final String JM_SPEC = "set the JobManager spec under Resources instead";
    private static final String TM_SPEC = "set the TaskManager spec under Resources instead";

    private static final Map<String, String> P2 = new LinkedHashMap<>();
    private static final Map<String, String> FORM = new LinkedHashMap<>();

    static {
        P2.put("kubernetes.container.image", "the cluster's Flink version chooses the image");
        P2.put("kubernetes.jobmanager.cpu", JM_SPEC);
        P2.put("taskmanager.cpu.cores", TM_SPEC);
        P2.put("kubernetes.taskmanager.cpu", TM_SPEC);
        P2.put("jobmanager.heap.size", JM_SPEC);
        P2.put("jobmanager.heap.mb", JM_SPEC);
        P2.put("jobmanager.memory.process.size", JM_SPEC);
        P2.put("taskmanager.heap.size", TM_SPEC);
        P2.put("taskmanager.heap.mb", TM_SPEC);
        P2.put("taskmanager.memory.process.size", TM_SPEC);
        P2.put("taskmanager.numberOfTaskSlots", "set the default parallelism under Resources instead");
        P2.put("env.java.opts", "use env.java.opts.taskmanager and env.java.opts.jobmanager, which are allowed");

        FORM.put("execution.runtime-mode", "choose the runtime mode in the form instead");
        FORM.put("parallelism.default", "set the default parallelism under Resources instead");
        FORM.put("execution.state-recovery.path", "choose the savepoint in the Run dialog instead");
        FORM.put("execution.savepoint.path", "choose the savepoint in the Run dialog instead");
        FORM.put("execution.state-recovery.ignore-unclaimed-state", "allow non-restored state in the Run dialog instead");
        FORM.put("execution.savepoint.ignore-unclaimed-state", "allow non-restored state in the Run dialog instead");
        FORM.put("execution.target", "the app submits to the job's cluster");
        FORM.put("rest.address", "the app submits to the job's cluster");
        FORM.put("rest.port", "the app submits to the job's cluster");
        FORM.put("pipeline.name", "the app names the job after its name, ID and version");
    }

    private PlatformOwnedKeys() {
    }

    /** The keys of P2, in the order SPEC lists them. */
    public static Iterable<String> p2Keys() {
        return P2.keySet();
    }

    /** Why {@code key} is refused, naming the allowed alternative; empty when it may be set. */
    public static Optional<String> refusal(String key) {
        String p2 = P2.get(key);
        if (p2 != null) {
            return Optional.of("'" + key + "' is owned by the platform: " + p2);
        }
        String form = FORM.get(key);
        if (form != null) {
            return Optional.of("'" + key + "' is set by the app: " + form);
        }
        return Optional.empty();
    }
}
