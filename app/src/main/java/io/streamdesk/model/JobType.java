package io.streamdesk.model;

/** Job types of J1. Only SQL is supported so far. */
public enum JobType {
    SQL, JAR, PYTHON, ETL
}
