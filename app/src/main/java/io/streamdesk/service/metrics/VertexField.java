package io.streamdesk.service.metrics;

/**
 * The task metrics read per subtask of a vertex, with the names Flink gives them. Task-level names come first
 * (2.x: {@code 0.numRecordsOut}, 1.x buffers as {@code 0.buffers.inPoolUsage}); when a version reports a value
 * only per operator ({@code 0.Source__orders.numRecordsOut}) the operator is chosen by {@link OperatorPick}.
 */
enum VertexField {
    RECORDS_IN(OperatorPick.FIRST, "numRecordsInPerSecond"),
    RECORDS_OUT(OperatorPick.LAST, "numRecordsOutPerSecond"),
    BYTES_IN(OperatorPick.FIRST, "numBytesInPerSecond"),
    BYTES_OUT(OperatorPick.LAST, "numBytesOutPerSecond"),
    /** What a source operator emits: the records that enter the job (the task-level in-count of a source is 0). */
    SOURCE_RECORDS_OUT(OperatorPick.SOURCE, null, "numRecordsOutPerSecond"),
    SOURCE_BYTES_OUT(OperatorPick.SOURCE, null, "numBytesOutPerSecond"),
    /** A source's backlog (FLIP-33's pendingRecords; the Kafka source reports its consumer lag here). */
    PENDING_RECORDS(OperatorPick.SOURCE, null, "pendingRecords"),
    BACKPRESSURED(OperatorPick.NONE, "backPressuredTimeMsPerSecond"),
    BUSY(OperatorPick.NONE, "busyTimeMsPerSecond"),
    IDLE(OperatorPick.NONE, "idleTimeMsPerSecond"),
    INPUT_WATERMARK(OperatorPick.FIRST, "currentInputWatermark"),
    IN_POOL_USAGE(OperatorPick.NONE, "buffers.inPoolUsage", "Shuffle.Netty.Input.Buffers.inPoolUsage"),
    OUT_POOL_USAGE(OperatorPick.NONE, "buffers.outPoolUsage", "Shuffle.Netty.Output.Buffers.outPoolUsage"),
    INPUT_QUEUE_LENGTH(OperatorPick.NONE, "buffers.inputQueueLength", "Shuffle.Netty.Input.Buffers.inputQueueLength"),
    OUTPUT_QUEUE_LENGTH(OperatorPick.NONE, "buffers.outputQueueLength", "Shuffle.Netty.Output.Buffers.outputQueueLength");

    /** Which operator's metric stands for the task when only operator-qualified ids exist. */
    enum OperatorPick {
        /** no operator fallback */
        NONE,
        /** the chain's head: lowest {@code [n]} node index, else an operator named Source..., else the first listed */
        FIRST,
        /** the chain's tail: highest {@code [n]} node index, else the last listed */
        LAST,
        /** an operator whose name starts with "Source" */
        SOURCE
    }

    final OperatorPick pick;
    /** task-level names in order of preference; null when only the operator metric is meant */
    final String[] taskLevel;
    /** the metric name after the operator's name */
    final String operatorMetric;

    VertexField(OperatorPick pick, String... taskLevel) {
        this.pick = pick;
        this.taskLevel = taskLevel;
        this.operatorMetric = taskLevel[0];
    }

    VertexField(OperatorPick pick, String[] none, String operatorMetric) {
        this.pick = pick;
        this.taskLevel = new String[0];
        this.operatorMetric = operatorMetric;
    }
}
