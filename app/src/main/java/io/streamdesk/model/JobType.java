package io.streamdesk.model;

/** Job types of J1: SQL, JAR and ETL run; PYTHON is listed but not offered (PyFlink cannot run here). */
public enum JobType {
    SQL, JAR, PYTHON, ETL
}
