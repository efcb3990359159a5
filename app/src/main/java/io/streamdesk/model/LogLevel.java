package io.streamdesk.model;

/** Log level of a job (P6). */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR
}
